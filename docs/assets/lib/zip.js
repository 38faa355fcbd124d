/* app.zip: a zip archive of a few small files, built in the browser.
 *
 * Store-only (no compression): the note builder packages an OpenDocument
 * text of a few kilobytes, where compressing saves little, and ODF requires
 * its first entry (mimetype) to be stored without compression nor extra
 * field anyway. Writing the headers here keeps that under our control, with
 * no third-party code to vendor and update.
 *
 *   const bytes = app.zip.store([{ name: "mimetype", data: "text/plain" }, …])
 *
 * `data` is a string (written as UTF-8) or a Uint8Array; entries keep their order.
 */
(() => {
  "use strict"

  const CRC_TABLE = (() => {
    const table = new Uint32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      table[n] = c >>> 0
    }
    return table
  })()

  const crc32 = bytes => {
    let crc = 0xffffffff
    for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8)
    return (crc ^ 0xffffffff) >>> 0
  }

  /* MS-DOS date and time, in local time as zip tools read them. */
  const dosDateTime = date => {
    const year = Math.max(date.getFullYear(), 1980)
    return {
      time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
      date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
    }
  }

  const encoder = new TextEncoder()
  const UTF8_NAMES = 0x0800
  const VERSION = 20 // 2.0: stored entries, no zip64

  const store = (files, when = new Date()) => {
    const stamp = dosDateTime(when)
    const entries = files.map(file => {
      const name = encoder.encode(file.name)
      const data = typeof file.data === "string" ? encoder.encode(file.data) : file.data
      return { name, data, crc: crc32(data) }
    })
    const local = entries.reduce((sum, e) => sum + 30 + e.name.length + e.data.length, 0)
    const central = entries.reduce((sum, e) => sum + 46 + e.name.length, 0)
    const out = new Uint8Array(local + central + 22)
    const view = new DataView(out.buffer)
    let at = 0
    const u16 = value => {
      view.setUint16(at, value, true)
      at += 2
    }
    const u32 = value => {
      view.setUint32(at, value, true)
      at += 4
    }
    const bytes = value => {
      out.set(value, at)
      at += value.length
    }
    // Fields shared by the local header and the central directory record.
    const common = e => {
      u16(VERSION)
      u16(UTF8_NAMES)
      u16(0) // stored
      u16(stamp.time)
      u16(stamp.date)
      u32(e.crc)
      u32(e.data.length)
      u32(e.data.length)
      u16(e.name.length)
      u16(0) // no extra field
    }
    for (const e of entries) {
      e.offset = at
      u32(0x04034b50)
      common(e)
      bytes(e.name)
      bytes(e.data)
    }
    const directory = at
    for (const e of entries) {
      u32(0x02014b50)
      u16(VERSION)
      common(e)
      u16(0) // no comment
      u16(0) // disk
      u16(0) // internal attributes
      u32(0) // external attributes
      u32(e.offset)
      bytes(e.name)
    }
    const directorySize = at - directory
    u32(0x06054b50)
    u16(0)
    u16(0)
    u16(entries.length)
    u16(entries.length)
    u32(directorySize)
    u32(directory)
    u16(0)
    return out
  }

  window.app = window.app || {}
  window.app.zip = { store, crc32 }
})()
