/* The dated plan (rétroplanning): the reader's M0 date turns each
 * milestone's month offsets into dates, read against the reader's own
 * clock to mark what is late. Route, date and the calendar export's
 * sequence numbers are kept in this browser (app.store).
 *
 * Calendar events keep one UID per route and milestone, and their SEQUENCE
 * rises each time the plan is exported with another date, so that a
 * calendar importing the file again moves the events instead of copying them. */
(() => {
  "use strict"

  const VERSION = 1
  // The calendar's product identifier (RFC 5545, 3.7.3): a formal public
  // identifier that calendars read, never shown, so not interface text.
  const PRODID = "-//Guide de perennisation//Retroplanning//FR"

  const parseDay = value => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || "")
    if (!match) return null
    const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
    return isNaN(date) ? null : date
  }

  /* The same day `months` later, or the month's last day when it is shorter. */
  const addMonths = (date, months) => {
    const target = new Date(date.getFullYear(), date.getMonth() + months, 1)
    const last = new Date(target.getFullYear(), target.getMonth() + 1, 0).getDate()
    target.setDate(Math.min(date.getDate(), last))
    return target
  }

  const nextDay = date => new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1)
  const compact = date => window.app.store.isoDay(date).replaceAll("-", "")

  /* RFC 5545: text escaped, lines folded at 75 octets, CRLF endings. */
  const escapeText = text => text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n")
  const fold = line => {
    const encoder = new TextEncoder()
    const parts = []
    let current = ""
    for (const char of line) {
      const limit = parts.length ? 74 : 75
      if (encoder.encode(current + char).length > limit) {
        parts.push(current)
        current = char
      } else current += char
    }
    parts.push(current)
    return parts.join("\r\n ")
  }

  const mount = (root, { message }) => {
    const store = window.app.store
    const form = root.querySelector("[data-plan-form]")
    const select = root.querySelector("[data-plan-route]")
    const input = root.querySelector("[data-plan-date]")
    const end = root.querySelector("[data-plan-end]")
    const status = root.querySelector("[data-plan-status]")
    const alert = root.querySelector("[data-plan-alert]")
    const slot = store.slot("plan", "plan", { version: VERSION })
    const routes = [...root.querySelectorAll(".app-plan__route")].map(section => ({
      id: section.dataset.route,
      title: section.dataset.title,
      end: section.dataset.end,
      section,
      summary: (() => {
        const p = document.createElement("p")
        p.className = "app-plan__summary"
        p.hidden = true
        section.querySelector("table").before(p)
        return p
      })(),
      stateCol: section.querySelector("[data-plan-state-col]"),
      rows: [...section.querySelectorAll("tr[data-milestone]")].map(row => ({
        id: row.dataset.milestone,
        title: row.dataset.title,
        first: row.dataset.first,
        start: Number(row.dataset.start),
        end: Number(row.dataset.end),
        when: row.querySelector("[data-plan-when]"),
        relative: row.querySelector("[data-plan-when]").textContent,
        state: row.querySelector("[data-plan-state]"),
        row,
      })),
    }))

    const saved = slot.read().data || {}
    let state = {
      route: typeof saved.route === "string" ? saved.route : null,
      date: typeof saved.date === "string" ? saved.date : "",
      exports: saved.exports && typeof saved.exports === "object" ? saved.exports : {},
    }
    // A link that names a route (« Dater ces étapes », under each route of
    // the home page) wins over the saved one; it is saved once the reader
    // acts on the plan, as any change is.
    const asked = new URLSearchParams(location.search).get(root.dataset.planParameter)
    if (routes.some(r => r.id === asked)) state.route = asked
    else if (!routes.some(r => r.id === state.route)) {
      // The situation chosen on the home page, when there is one.
      const chosen = store.slot("step-by-step", "choice").read().data
      state.route = chosen && routes.some(r => r.id === chosen.route) ? chosen.route : routes[0].id
    }

    // An outcome is a status; an error, an alert (RGAA 7.5.1, 7.5.2).
    const say = (text, { error = false } = {}) => {
      status.textContent = ""
      alert.textContent = ""
      requestAnimationFrame(() => {
        ;(error ? alert : status).textContent = text
      })
    }

    /* Each milestone dated: late when its end is before today, current when
       today falls within it (its start may be past without it being late). */
    const dated = route => {
      const m0 = parseDay(state.date)
      if (!m0) return null
      const today = new Date()
      today.setHours(0, 0, 0, 0)
      return route.rows.map(row => {
        const start = addMonths(m0, row.start)
        const end = addMonths(m0, row.end)
        return { ...row, start: start, end: end, late: end < today, current: start <= today && today <= end }
      })
    }

    const render = () => {
      const route = routes.find(r => r.id === state.route)
      select.value = route.id
      end.textContent = route.end
      input.value = state.date
      for (const r of routes) r.section.hidden = r !== route
      const milestones = dated(route)
      route.stateCol.hidden = !milestones
      route.summary.hidden = !milestones
      for (const row of route.rows) row.state.hidden = !milestones
      if (!milestones) {
        for (const row of route.rows) {
          row.when.textContent = row.relative
          row.row.classList.remove("app-plan__row--late")
        }
        return
      }
      const late = milestones.filter(m => m.late)
      const current = milestones.filter(m => m.current)
      milestones.forEach((m, i) => {
        const range = m.end > m.start ? message("range", { start: store.frenchDate(m.start), end: store.frenchDate(m.end) }) : store.frenchDate(m.start)
        route.rows[i].when.textContent = `${range} (${m.relative})`
        route.rows[i].row.classList.toggle("app-plan__row--late", m.late)
        route.rows[i].state.textContent = m.current
          ? message("current")
          : !m.late
            ? message("upcoming")
            : m === late[0]
              ? message("late-first", { first: m.first })
              : message("late")
      })
      // A milestone under way is neither late nor to come: its start, past,
      // is no date to announce.
      route.summary.textContent = late.length
        ? message("summary-late", { n: late.length, total: milestones.length, first: late[0].first })
        : current.length
          ? message("summary-current", { first: current[0].first, date: store.frenchDate(current[0].end) })
          : message("summary-none", { date: store.frenchDate(milestones[0].start) })
    }

    const save = () => slot.write(state)

    const markdown = (route, milestones) => {
      const head = [message("when"), message("milestone"), message("state")]
      const lines = [
        `# ${message("title", { title: route.title })}`,
        "",
        `- ${message("export-m0", { date: store.frenchDate(parseDay(state.date)) })}`,
        `- ${message("export-page", { url: location.href.split("#")[0] })}`,
        "",
        `| ${head.join(" | ")} |`,
        "|---|---|---|",
      ]
      for (const [i, m] of milestones.entries()) {
        lines.push(`| ${route.rows[i].when.textContent} | ${m.title} | ${route.rows[i].state.textContent} |`)
      }
      return `${lines.join("\n")}\n`
    }

    const calendar = (route, milestones, sequence) => {
      const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")
      const host = location.hostname || "guide-perennisation"
      const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${PRODID}`, "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
      for (const m of milestones) {
        lines.push(
          "BEGIN:VEVENT",
          `UID:${route.id}.${m.id}@${host}`,
          `DTSTAMP:${stamp}`,
          `DTSTART;VALUE=DATE:${compact(m.start)}`,
          `DTEND;VALUE=DATE:${compact(nextDay(m.end))}`,
          `SEQUENCE:${sequence}`,
          `SUMMARY:${escapeText(m.title)}`,
          `DESCRIPTION:${escapeText(message("event", { route: route.title, when: m.relative, first: m.first, url: location.href.split("#")[0] }))}`,
          "END:VEVENT",
        )
      }
      lines.push("END:VCALENDAR")
      return `${lines.map(fold).join("\r\n")}\r\n`
    }

    const actions = {
      ics(route, milestones) {
        // The same date again keeps the sequence; another date raises it.
        const last = state.exports[route.id]
        const sequence = !last ? 0 : last.date === state.date ? last.sequence : last.sequence + 1
        state.exports = { ...state.exports, [route.id]: { date: state.date, sequence } }
        save()
        store.download(`retroplanning-${route.id}.ics`, calendar(route, milestones, sequence), "text/calendar")
        say(message("downloaded-ics"))
      },
      markdown(route, milestones) {
        store.download(`retroplanning-${route.id}.md`, markdown(route, milestones))
        say(message("downloaded-md"))
      },
      print() {
        window.print()
      },
    }

    select.addEventListener("change", () => {
      state = { ...state, route: select.value }
      save()
      render()
    })
    input.addEventListener("change", () => {
      state = { ...state, date: parseDay(input.value) ? input.value : "" }
      save()
      render()
      // The outcome is said with the summary: how many milestones are past.
      if (state.date) {
        const { summary } = routes.find(r => r.id === state.route)
        say(message("dated", { summary: summary.textContent }))
      }
    })
    for (const button of root.querySelectorAll("[data-plan-action]")) {
      button.addEventListener("click", () => {
        const route = routes.find(r => r.id === state.route)
        const milestones = dated(route)
        if (!milestones && button.dataset.planAction !== "print") {
          say(message("date-first"), { error: true })
          input.focus()
          return
        }
        actions[button.dataset.planAction](route, milestones)
      })
    }
    form.addEventListener("submit", event => event.preventDefault())
    form.hidden = false
    render()
  }

  window.app.register("plan", mount)
})()
