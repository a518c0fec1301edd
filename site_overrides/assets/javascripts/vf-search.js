// The search page: Pagefind's default UI, in French, over the index of the article bodies.
// Loaded by /recherche/ only. The index (WebAssembly, chunks, excerpts) loads when the reader
// types, on the main thread (no worker script to fetch), and results show no images.
(() => {
  const element = document.getElementById("vf-search");
  if (!element) return;
  if (typeof PagefindUI === "undefined") {
    // No index: the preview (make serve) does not build one.
    element.innerHTML = '<p class="vf-search__nojs">La recherche n’est pas disponible sur ' +
      "cette version du site : son index est construit avec le site publié (make site).</p>";
    return;
  }
  const root = new URL(element.dataset.vfRoot || "./", document.baseURI).pathname;
  const nnbsp = "\u202f";
  const quoted = (text) => `«${nnbsp}${text}${nnbsp}»`;
  new PagefindUI({
    element: "#vf-search",
    baseUrl: root,
    showImages: false,
    showSubResults: false,
    excerptLength: 24,
    autofocus: true,
    noWorker: true,
    // The UI writes « key: value » under each result; French puts a space before the colon.
    processResult: (result) => {
      const meta = { title: result.meta.title };
      if (result.meta.verdict) meta["Verdict\u00a0"] = result.meta.verdict;
      return { ...result, meta };
    },
    translations: {
      placeholder: "Un mot, un sujet, une idée reçue…",
      search_label: "Rechercher dans les articles",
      clear_search: "Effacer",
      load_more: "Plus de résultats",
      results_label: "Résultats de la recherche",
      zero_results: `Aucun article pour ${quoted("[SEARCH_TERM]")}`,
      one_result: `[COUNT] article pour ${quoted("[SEARCH_TERM]")}`,
      many_results: `[COUNT] articles pour ${quoted("[SEARCH_TERM]")}`,
      alt_search: `Aucun article pour ${quoted("[SEARCH_TERM]")}. ` +
        `Voici les résultats pour ${quoted("[DIFFERENT_TERM]")}.`,
      search_suggestion: `Aucun article pour ${quoted("[SEARCH_TERM]")}. ` +
        "Essayez l’une de ces recherches\u00a0:",
      searching: `Recherche de ${quoted("[SEARCH_TERM]")}…`,
      error_search: "La recherche a échoué.",
    },
  });
  // The page's heading is the input's visible label (Pagefind's input has a title only).
  const input = element.querySelector("input");
  const heading = document.getElementById("vf-search-title");
  if (input && heading) input.setAttribute("aria-labelledby", heading.id);
})();
