/* Material's search results are links wrapping an <article>: Chromium
 * computes no accessible name for such a link, so a screen reader moving
 * through the results hears « lien » alone (RGAA 6.2). Each result link is
 * named by its own title (aria-labelledby), as Material renders it; the
 * teaser stays readable inside the link. The count of results (« 12
 * documents trouvés ») changes as the reader types: a status message
 * (RGAA 7.5), so it becomes a status region before the first query.
 * Material writes « 5 de plus sur cette page » as a <div> inside a
 * <summary>, which holds phrasing content only (RGAA 8.2): the <div>
 * becomes a <span>, styled as Material styles the <div> (app.css).
 *
 * The search dialog sits in the header, which outlives instant navigation:
 * init runs once, and its observer must outlive the first page, so init
 * leaves the page's signal alone (see app.js). */
(() => {
  "use strict"
  let titles = 0

  const name = (link) => {
    const title = link.querySelector("h1, h2")
    if (!title) return
    if (!title.id) title.id = `app-search-title-${++titles}`
    link.setAttribute("aria-labelledby", title.id)
  }

  const phrasing = (div) => {
    const span = document.createElement("span")
    span.className = "app-search-more"
    span.append(...div.childNodes)
    div.replaceWith(span)
  }

  const init = (search) => {
    search.querySelector(".md-search-result__meta")?.setAttribute("role", "status")
    const list = search.querySelector(".md-search-result__list")
    if (!list) return
    // Material renders the results as the query changes, and more as the
    // reader scrolls down the list.
    new MutationObserver(() => {
      for (const link of list.querySelectorAll("a.md-search-result__link:not([aria-labelledby])")) name(link)
      for (const div of list.querySelectorAll(".md-search-result__more > summary > div")) phrasing(div)
    }).observe(list, { childList: true, subtree: true })
  }

  app.register("search", init)
})()
