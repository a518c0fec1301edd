// The search page (/recherche/): our search over the static index of the articles.
// publication/search/index.py describes the files and the ranking; publication/search/words.py
// how words are folded and cut, which fold() and WORD below repeat. Nothing is fetched until the
// reader types (or opens a link with ?q=): then one shard per query word, and the metadata files
// of the results shown. Loaded by /recherche/ only.
(() => {
  "use strict";
  const form = document.getElementById("vf-search");
  if (!form) return;
  const input = document.getElementById("vf-search-input");
  const clear = document.getElementById("vf-search-clear");
  const status = document.getElementById("vf-search-status");
  const list = document.getElementById("vf-search-results");
  const more = document.getElementById("vf-search-more");
  // The site's root: MkDocs writes it relative to this page, « .. » without a final slash.
  const root = new URL(`${form.dataset.vfRoot || "."}/`, document.baseURI);
  const indexUrl = new URL("search/", root);

  // As publication/search/words.py (MIN_LENGTH, STOP_WORDS; a test compares them).
  const MIN_LENGTH = 2;
  const STOP_WORDS = new Set(("au aux avec ca ce ces cet cette dans de des du elle elles en est et " +
    "eu il ils je la le les leur leurs lui ma mais me mes moi mon ne ni nos notre nous on ont ou " +
    "par pas pour qu que qui sa se ses si son sont sur ta te tes toi ton tu un une vos votre " +
    "vous").split(" "));
  // A stem found only through a longer word that the query word begins counts for less.
  const PREFIX_FACTOR = 0.5;
  const PAGE_SIZE = 10;
  const TYPING_DELAY_MS = 200;
  const NNBSP = "\u202f";
  const WORD = /[\p{L}\p{N}]+/gu;

  const fold = (text) => text.normalize("NFKD").toLowerCase().replace(/\p{M}/gu, "")
    .replace(/œ/g, "oe").replace(/æ/g, "ae");
  const length = (word) => Array.from(word).length;
  const shardName = (word) => Array.from(word).slice(0, 2)
    .map((c) => (/[a-z0-9]/.test(c) ? c : `_${c.codePointAt(0).toString(16)}_`)).join("");

  // The query's words as terms { word, prefix }: finished stop words and words too short to
  // search are left out; the last word, unless followed by a space or a sign, may be unfinished
  // and matches every word it begins. An unfinished stop word counts only when it is alone
  // (« de » may become « données »). No terms is an answer (« Aucun article »), but for a query
  // still at its first letter.
  const parse = (query) => {
    const folded = fold(query);
    const words = folded.match(WORD) || [];
    const open = words.length > 0 && /[\p{L}\p{N}]$/u.test(folded);
    const found = new Map();
    words.forEach((word, i) => {
      const prefix = open && i === words.length - 1;
      if (length(word) >= MIN_LENGTH && !STOP_WORDS.has(word)) {
        found.set(word, prefix || found.get(word) || false);
      }
    });
    const last = words[words.length - 1];
    if (!found.size && open && length(last) >= MIN_LENGTH) found.set(last, true);
    const terms = [...found].map(([word, prefix]) => ({ word, prefix }));
    const typing = !words.length || (open && length(last) < MIN_LENGTH);
    return { terms, waiting: !terms.length && typing };
  };

  // Index files, fetched once each per page; a missing shard (no word of the corpus begins so)
  // is empty. Each publication renumbers the articles, so the browser's cache must check with
  // the server ("no-cache": a file unchanged since costs an empty 304 answer) rather than mix
  // shards and metadata of two publications.
  const files = new Map();
  const load = (path) => {
    if (!files.has(path)) {
      const pending = fetch(new URL(path, indexUrl), { cache: "no-cache" }).then((response) => {
        if (response.status === 404) return null;
        if (!response.ok) throw new Error(`${response.status} ${path}`);
        return response.json();
      });
      pending.catch(() => files.delete(path));
      files.set(path, pending);
    }
    return files.get(path);
  };

  // Every article matching at least one term, best first (see search/index.py), and the number
  // of articles per metadata file.
  const rank = async (wanted) => {
    const shards = await Promise.all(wanted.map((t) => load(`words/${shardName(t.word)}.json`)));
    const results = new Map();
    let chunk = 1;
    wanted.forEach((term, i) => {
      const shard = shards[i];
      if (!shard) return;
      chunk = shard.chunk;
      const stems = new Map();
      if (term.word in shard.words) stems.set(shard.words[term.word], 1);
      if (term.prefix) {
        for (const [word, stem] of Object.entries(shard.words)) {
          if (word.startsWith(term.word) && !stems.has(stem)) stems.set(stem, PREFIX_FACTOR);
        }
      }
      const best = new Map();
      for (const [stem, factor] of stems) {
        const postings = shard.stems[stem];
        const idf = Math.log(1 + shard.articles / (postings.length / 2));
        let number = 0;
        for (let k = 0; k < postings.length; k += 2) {
          number += postings[k];
          const score = (1 + Math.log(postings[k + 1])) * idf * factor;
          if (score > (best.get(number) || 0)) best.set(number, score);
        }
      }
      for (const [number, score] of best) {
        const result = results.get(number) || { number, matched: 0, score: 0 };
        result.matched += 1;
        result.score += score;
        results.set(number, result);
      }
    });
    const ranked = [...results.values()].sort((a, b) =>
      b.matched - a.matched || b.score - a.score || a.number - b.number);
    return { numbers: ranked.map((r) => r.number), chunk };
  };

  // Records [url, claim, verdict, category, teaser] of articles `numbers`.
  const records = async (numbers, chunk) => {
    const chunks = [...new Set(numbers.map((n) => Math.floor(n / chunk)))];
    const loaded = await Promise.all(chunks.map((k) => load(`articles/${k}.json`)));
    const byChunk = new Map(chunks.map((k, i) => [k, loaded[i] || []]));
    return numbers.map((n) => byChunk.get(Math.floor(n / chunk))[n % chunk]).filter(Boolean);
  };

  const element = (tag, className, text) => {
    const node = document.createElement(tag);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const item = ([url, claim, verdict, category, teaser]) => {
    const li = element("li", "vf-search__result");
    const title = element("h2", "vf-search__title");
    const link = element("a", "vf-search__link", claim);
    link.href = new URL(url, root).href;
    title.append(link);
    const tags = element("p", "vf-search__tags");
    tags.append(
      element("span", "vf-search__tag", `Verdict\u00a0: ${verdict}`),
      element("span", "vf-search__tag", category));
    li.append(title, element("p", "vf-search__teaser", teaser), tags);
    return li;
  };

  const quoted = (text) => `«${NNBSP}${text}${NNBSP}»`;
  const countText = (count) => (count === 1 ? "1 article trouvé"
    : `${count.toLocaleString("fr-FR")} articles trouvés`);

  const failed = "La recherche n’a pas abouti. Vérifiez votre connexion, puis réessayez.";
  // Each search gets a number; a slower, older one never shows its results over a newer one's.
  let generation = 0;
  let shown = { numbers: [], chunk: 1, count: 0 };

  // Shows the next results of `shown`, in place of the list's results or after them; the new
  // items, or null when a newer search started meanwhile.
  const showNext = async (mine, replace) => {
    const next = shown.numbers.slice(shown.count, shown.count + PAGE_SIZE);
    const items = (await records(next, shown.chunk)).map(item);
    if (mine !== generation) return null;
    if (replace) list.replaceChildren(...items);
    else list.append(...items);
    shown.count += next.length;
    more.hidden = shown.count >= shown.numbers.length;
    return items;
  };

  const search = async () => {
    const mine = ++generation;
    const query = input.value.trim();
    const address = new URL(window.location.href);
    if (query) address.searchParams.set("q", query);
    else address.searchParams.delete("q");
    window.history.replaceState(null, "", address);
    const { terms, waiting } = parse(query);
    try {
      const { numbers, chunk } = waiting ? { numbers: [], chunk: 1 } : await rank(terms);
      if (mine !== generation) return;
      shown = { numbers, chunk, count: 0 };
      if (!(await showNext(mine, true))) return;
      if (waiting) status.textContent = "";
      else if (numbers.length) status.textContent = countText(numbers.length);
      else status.textContent = `Aucun article ne correspond à ${quoted(query)}`;
    } catch {
      if (mine === generation) status.textContent = failed;
    }
  };

  let timer = 0;
  input.addEventListener("input", () => {
    clear.hidden = !input.value;
    window.clearTimeout(timer);
    timer = window.setTimeout(search, TYPING_DELAY_MS);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    window.clearTimeout(timer);
    search();
  });
  clear.addEventListener("click", () => {
    input.value = "";
    clear.hidden = true;
    window.clearTimeout(timer);
    search();
    input.focus();
  });
  more.addEventListener("click", async () => {
    more.disabled = true;
    try {
      const items = await showNext(generation, false);
      if (items && items.length) items[0].querySelector("a").focus();
    } catch {
      status.textContent = failed;
    } finally {
      more.disabled = false;
    }
  });

  form.hidden = false;
  const initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    clear.hidden = false;
    search();
  }
  input.focus();
})();
