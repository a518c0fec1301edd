// The search page (/recherche/): our search over the static index of the articles.
// publication/search/index.py describes the files and the ranking; publication/search/words.py
// how words are folded and cut, which fold() and WORD below repeat. Nothing is fetched until the
// reader types (or opens a link with ?q=): then one shard per query word, the metadata files of
// the results shown and, for each, the text file holding its excerpt; the facets file only when
// a filter is set or nothing is found. Every text of the index reaches the page as text nodes
// (textContent, <mark> elements built here): never as HTML. Loaded by /recherche/ only.
(() => {
  "use strict";
  const form = document.getElementById("vf-search");
  if (!form) return;
  const input = document.getElementById("vf-search-input");
  const clear = document.getElementById("vf-search-clear");
  const status = document.getElementById("vf-search-status");
  const list = document.getElementById("vf-search-results");
  const more = document.getElementById("vf-search-more");
  const verdictFilter = document.getElementById("vf-search-verdict");
  const categoryFilter = document.getElementById("vf-search-category");
  const suggest = document.getElementById("vf-search-suggest");
  const suggestTags = document.getElementById("vf-search-suggest-tags");
  const suggestLatest = document.getElementById("vf-search-suggest-latest");
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
  // As publication/search/index.py (SENTENCES): sentences per text file.
  const SENTENCES = 8;
  // An excerpt shows at most about this many characters around the first word found.
  const EXCERPT = 220;
  const LATEST = 5;
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

  // Every article matching at least one term, best first (see search/index.py), the number of
  // articles per metadata file, the sentence of each result's excerpt (0: none of its body),
  // and the folded words to highlight.
  const rank = async (wanted) => {
    const shards = await Promise.all(wanted.map((t) => load(`words/${shardName(t.word)}.json`)));
    const results = new Map();
    const highlight = new Set();
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
      for (const [word, stem] of Object.entries(shard.words)) {
        if (stems.has(stem)) {
          highlight.add(word);
          for (const other of (shard.also && shard.also[word]) || []) highlight.add(other);
        }
      }
      const best = new Map();
      for (const [stem, factor] of stems) {
        const postings = shard.stems[stem];
        const idf = Math.log(1 + shard.articles / (postings.length / 3));
        let number = 0;
        for (let k = 0; k < postings.length; k += 3) {
          number += postings[k];
          const score = (1 + Math.log(postings[k + 1])) * idf * factor;
          if (score > ((best.get(number) || {}).score || 0)) {
            best.set(number, { score, sentence: postings[k + 2] });
          }
        }
      }
      for (const [number, { score, sentence }] of best) {
        const result = results.get(number) || { number, matched: 0, score: 0, sentences: [] };
        result.matched += 1;
        result.score += score;
        if (sentence) result.sentences.push(sentence);
        results.set(number, result);
      }
    });
    const ranked = [...results.values()].sort((a, b) =>
      b.matched - a.matched || b.score - a.score || a.number - b.number);
    // The excerpt: the sentence the most query words point to, else the first word's.
    const sentences = new Map(ranked.map((r) => {
      const counts = new Map();
      r.sentences.forEach((s) => counts.set(s, (counts.get(s) || 0) + 1));
      let chosen = 0;
      for (const s of r.sentences) if (!chosen || counts.get(s) > counts.get(chosen)) chosen = s;
      return [r.number, chosen];
    }));
    return { numbers: ranked.map((r) => r.number), chunk, sentences, highlight };
  };

  // The facets (verdict, category of each article; tags to suggest), loaded when needed.
  const facets = () => load("facets.json");
  const filtered = async (numbers) => {
    const verdict = verdictFilter.value;
    const category = categoryFilter.value;
    if (!verdict && !category) return numbers;
    const f = await facets();
    if (!f) return numbers;
    return numbers.filter((n) => (!verdict || f.verdicts[f.of[2 * n]] === verdict) &&
      (!category || f.categories[f.of[2 * n + 1]] === category));
  };

  // Records [url, claim, verdict, category, teaser, tags] of articles `numbers`.
  const records = async (numbers, chunk) => {
    const chunks = [...new Set(numbers.map((n) => Math.floor(n / chunk)))];
    const loaded = await Promise.all(chunks.map((k) => load(`articles/${k}.json`)));
    const byChunk = new Map(chunks.map((k, i) => [k, loaded[i] || []]));
    return numbers.map((n) => byChunk.get(Math.floor(n / chunk))[n % chunk]);
  };

  // The sentence `sentence` (from 1) of article `number`'s body, or null.
  const sentenceOf = async (number, sentence) => {
    if (!sentence) return null;
    const k = Math.floor((sentence - 1) / SENTENCES);
    const file = await load(`text/${number}/${k}.json`);
    return (file && file[(sentence - 1) % SENTENCES]) || null;
  };

  // `text` as nodes, each word whose folded form is in `words` inside a <mark>.
  const marked = (text, words) => {
    const nodes = [];
    let last = 0;
    for (const match of text.matchAll(WORD)) {
      if (!words.has(fold(match[0]))) continue;
      if (match.index > last) nodes.push(document.createTextNode(text.slice(last, match.index)));
      const mark = document.createElement("mark");
      mark.textContent = match[0];
      nodes.push(mark);
      last = match.index + match[0].length;
    }
    if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
    return nodes;
  };

  // At most about EXCERPT characters of `text` around its first highlighted word, cut at spaces.
  const around = (text, words) => {
    if (text.length <= EXCERPT) return text;
    let first = 0;
    for (const match of text.matchAll(WORD)) {
      if (words.has(fold(match[0]))) { first = match.index; break; }
    }
    let start = Math.max(0, first - EXCERPT / 3);
    let end = Math.min(text.length, start + EXCERPT);
    if (start > 0) start = text.indexOf(" ", start) + 1;
    if (end < text.length) end = Math.max(text.lastIndexOf(" ", end), start + 1);
    return `${start > 0 ? "… " : ""}${text.slice(start, end)}${end < text.length ? " …" : ""}`;
  };

  const element = (tag, className, text) => {
    const node = document.createElement(tag);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const item = ([url, claim, verdict, category, teaser, tags], excerpt, words) => {
    const li = element("li", "vf-search__result");
    const title = element("h2", "vf-search__title");
    const link = element("a", "vf-search__link");
    link.append(...marked(claim, words));
    link.href = new URL(url, root).href;
    title.append(link);
    const text = element("p", "vf-search__excerpt");
    text.append(...marked(excerpt ? around(excerpt, words) : teaser, words));
    const labels = element("p", "vf-search__tags");
    const verdictTag = element("span", "vf-search__tag vf-search__tag--verdict", "Verdict\u00a0: ");
    verdictTag.append(...marked(verdict, words));
    const categoryTag = element("span", "vf-search__tag");
    categoryTag.append(...marked(category, words));
    labels.append(verdictTag, categoryTag);
    for (const tag of tags || []) {
      const label = element("span", "vf-search__tag vf-search__tag--tag");
      label.append("#", ...marked(tag, words));
      labels.append(label);
    }
    li.append(title, text, labels);
    return li;
  };

  const quoted = (text) => `«${NNBSP}${text}${NNBSP}»`;
  const countText = (count) => (count === 1 ? "1 article trouvé"
    : `${count.toLocaleString("fr-FR")} articles trouvés`);

  const failed = "La recherche n’a pas abouti. Vérifiez votre connexion, puis réessayez.";
  // Each search gets a number; a slower, older one never shows its results over a newer one's.
  let generation = 0;
  let shown = { numbers: [], chunk: 1, count: 0, sentences: new Map(), highlight: new Set() };

  // Shows the next results of `shown`, in place of the list's results or after them; the new
  // items, or null when a newer search started meanwhile.
  const showNext = async (mine, replace) => {
    const next = shown.numbers.slice(shown.count, shown.count + PAGE_SIZE);
    const [found, excerpts] = await Promise.all([
      records(next, shown.chunk),
      Promise.all(next.map((n) => sentenceOf(n, shown.sentences.get(n)).catch(() => null))),
    ]);
    if (mine !== generation) return null;
    const items = found.map((record, i) => record && item(record, excerpts[i], shown.highlight))
      .filter(Boolean);
    if (replace) list.replaceChildren(...items);
    else list.append(...items);
    shown.count += next.length;
    more.hidden = shown.count >= shown.numbers.length;
    return items;
  };

  // When nothing is found: the most used tags, and the latest articles.
  const showSuggestions = async (mine) => {
    const [f, latest] = await Promise.all([facets(), load("articles/0.json")]);
    if (mine !== generation) return;
    const tagItems = ((f && f.tags) || []).map(([name, url]) => {
      const li = document.createElement("li");
      const link = element("a", "vf-search__suggest-tag", name);
      link.href = new URL(url, root).href;
      li.append(link);
      return li;
    });
    const latestItems = (latest || []).slice(0, LATEST).map(([url, claim, verdict]) => {
      const li = document.createElement("li");
      const link = element("a", "vf-search__suggest-link", claim);
      link.href = new URL(url, root).href;
      li.append(link, element("span", "vf-search__suggest-verdict", ` (${verdict})`));
      return li;
    });
    suggestTags.replaceChildren(...tagItems);
    suggestLatest.replaceChildren(...latestItems);
    suggest.hidden = !tagItems.length && !latestItems.length;
  };

  const filterText = () => {
    const parts = [verdictFilter.value && `verdict ${quoted(verdictFilter.value)}`,
      categoryFilter.value && `catégorie ${quoted(categoryFilter.value)}`].filter(Boolean);
    return parts.length ? ` (${parts.join(", ")})` : "";
  };

  const search = async () => {
    const mine = ++generation;
    const query = input.value.trim();
    const address = new URL(window.location.href);
    for (const [key, value] of [["q", query], ["verdict", verdictFilter.value],
      ["categorie", categoryFilter.value]]) {
      if (value) address.searchParams.set(key, value);
      else address.searchParams.delete(key);
    }
    window.history.replaceState(null, "", address);
    const { terms, waiting } = parse(query);
    const filtering = Boolean(verdictFilter.value || categoryFilter.value);
    try {
      let result = { numbers: [], chunk: 1, sentences: new Map(), highlight: new Set() };
      if (terms.length) {
        result = await rank(terms);
      } else if (filtering && !query) {
        // No words, a filter: every article it keeps, newest first.
        const f = await facets();
        result.numbers = Array.from({ length: f ? f.of.length / 2 : 0 }, (_, n) => n);
        result.chunk = (f && f.chunk) || 1;
      }
      const numbers = await filtered(result.numbers);
      if (mine !== generation) return;
      shown = { ...result, numbers, count: 0 };
      if (!(await showNext(mine, true))) return;
      suggest.hidden = true;
      if (query ? waiting : !filtering) status.textContent = "";
      else if (numbers.length) status.textContent = countText(numbers.length) + filterText();
      else {
        status.textContent = query
          ? `Aucun article ne correspond à ${quoted(query)}${filterText()}`
          : `Aucun article${filterText()}`;
        await showSuggestions(mine);
      }
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
  for (const filter of [verdictFilter, categoryFilter]) {
    filter.addEventListener("change", () => {
      window.clearTimeout(timer);
      search();
    });
  }
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

  const params = new URLSearchParams(window.location.search);
  const initial = params.get("q");
  const choose = (select, value) => {
    if (value && [...select.options].some((o) => o.value === value)) select.value = value;
  };
  choose(verdictFilter, params.get("verdict"));
  choose(categoryFilter, params.get("categorie"));
  if (initial) {
    input.value = initial;
    clear.hidden = false;
  }
  if (initial || verdictFilter.value || categoryFilter.value) search();
  input.focus();
})();
