// What stands between focusable elements and a visible focus, one line per
// problem. With `within` (a selector), checks the focused element alone, and
// returns null once focus has left `within`; with `skip` (a selector), focuses
// in turn and checks every focusable element outside it.
async ({ within, skip }) => {
  const rgb = (colour) => {
    const match = colour.match(/rgba?\(([^)]+)\)/)
    if (!match) return null
    const [r, g, b, a = 1] = match[1].split(/[\s,/]+/).filter(Boolean).map(Number)
    return { r, g, b, a }
  }
  const luminance = ({ r, g, b }) => {
    const linear = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
  }
  const contrast = (a, b) => {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
    return (light + 0.05) / (dark + 0.05)
  }
  // The outline is drawn outside the element: what lies behind it is the
  // first opaque background among its ancestors.
  const background = (element) => {
    for (let node = element.parentElement; node; node = node.parentElement) {
      const colour = rgb(getComputedStyle(node).backgroundColor)
      if (colour && colour.a > 0.5) return colour
    }
    return { r: 255, g: 255, b: 255 }
  }
  const name = (element) => {
    const text = (element.textContent || element.getAttribute("aria-label") || "").trim().replace(/\s+/g, " ")
    const id = element.id ? `#${element.id}` : ""
    return `${element.tagName.toLowerCase()}${id}.${[...element.classList].join(".")} « ${text.slice(0, 40)} »`
  }
  const onScreen = (box) =>
    box.width >= 1 && box.height >= 1 && box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight
  const problem = (shown) => {
    const box = shown.getBoundingClientRect()
    // A link that wraps has one box per line: the first one on screen counts.
    const line = [...shown.getClientRects()].find(onScreen)
    if (!line) {
      return `hors de l'écran (${Math.round(box.x)}, ${Math.round(box.y)}, ${Math.round(box.width)}×${Math.round(box.height)})`
    }
    // The middle of the element's visible part must be the element itself.
    const x = (Math.max(line.left, 0) + Math.min(line.right, innerWidth)) / 2
    const y = (Math.max(line.top, 0) + Math.min(line.bottom, innerHeight)) / 2
    const hit = document.elementFromPoint(x, y)
    if (!hit || !(shown.contains(hit) || hit.contains(shown))) return `caché par ${hit ? name(hit) : "rien"}`
    // The outline may be drawn around a group (a row of tab labels).
    const outlined = [shown, shown.parentElement].find((node) => getComputedStyle(node).outlineStyle !== "none") || shown
    const style = getComputedStyle(outlined)
    const colour = rgb(style.outlineColor)
    if (style.outlineStyle === "none" || parseFloat(style.outlineWidth) < 2 || !colour) {
      return `contour absent ou trop fin (${style.outlineStyle} ${style.outlineWidth})`
    }
    const ratio = contrast(colour, background(outlined))
    return ratio < 3 ? `contour peu contrasté (${ratio.toFixed(2)}:1)` : null
  }
  // A visually hidden radio button shows its focus on a label: the one that
  // follows it (Material's colour-scheme toggle), or its own (content tabs).
  const indicator = (element) => {
    const shows = (node) => {
      const box = node?.getBoundingClientRect()
      return box && box.width > 0 && box.height > 0 && getComputedStyle(node).opacity !== "0"
    }
    if (shows(element)) return element
    const next = element.nextElementSibling?.tagName === "LABEL" ? element.nextElementSibling : null
    const own = element.id ? document.querySelector(`label[for="${CSS.escape(element.id)}"]`) : null
    return [next, own].find(shows) || element
  }
  // The theme settles on the frames after a focus or a scroll (sticky
  // sidebars resize, the search box opens): check again then.
  const nextFrames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
  const check = async (element) => {
    let found = problem(indicator(element))
    for (let retry = 0; found && retry < 3; retry++) {
      await nextFrames()
      found = problem(indicator(element))
    }
    return found ? `${name(element)} : ${found}` : null
  }

  if (within) {
    if (!document.activeElement.closest(within)) return null
    const found = await check(document.activeElement)
    return found ? [found] : []
  }
  const problems = []
  for (const element of document.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]")) {
    if (element.tabIndex < 0 || element.closest(skip)) continue
    if (element.type === "radio") {
      // Only one radio button of a group is in the tab order.
      const group = [...document.getElementsByName(element.name)]
      if (element !== (group.find((radio) => radio.checked) || group[0])) continue
    }
    element.focus()
    if (document.activeElement !== element) continue // disabled, or hidden
    const found = await check(element)
    if (found) problems.push(found)
  }
  return problems
}
