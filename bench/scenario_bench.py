"""« Et si… ? » (issue 17): what the scenario costs readers, on a built site.

    python -m bench.scenario_bench [--site site] [--rate 6] [--repeat 200]

- **Size**: gzip -9 bytes of ``vf-scenario.js`` and of each article's ``calcul/scenario.json``
  (budget for the ChatGPT calcul page: < 15 KB together).
- **Evaluation time** on the ChatGPT calcul page in headless Chromium with its CPU slowed down
  (CDP ``Emulation.setCPUThrottlingRate``, phone-class at 4 to 6): the graph evaluated and every
  figure formatted (``vfScenario.evaluate`` + ``texts``), and a whole update as a reader makes
  it (the input's ``change`` event: evaluate what depends on the input, format, write the texts
  that changed; the URL follows 200 ms later, once), then the same with the style recalculation
  and layout it causes forced at once (``offsetHeight``): the first, median, 95th percentile and
  maximum of ``--repeat`` runs each (budget: < 50 ms).
- **Article weight**: requests and bytes of the ChatGPT article as it loads, then what opening
  its « Et si… ? » box adds (nothing may load before).

No network: the site is served on 127.0.0.1. Times are printed, never asserted.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.browser import CHROMIUM, CHROMIUM_ARGS
from bench.serving import serve

ARTICLE = "mythes/chatgpt-magique/"
SCRIPT = "assets/javascripts/vf-scenario.js"
INPUT = "#vf-scenario-queries-per-user-day-seed"
EVALUATE = """([repeat]) => fetch('scenario.json').then(r => r.json()).then(graph => {
  const times = [];
  for (let i = 0; i < repeat; i++) {
    const input = graph.in.queries_per_user_day_seed;
    const overrides = {queries_per_user_day_seed: (5 + i % 20) * input.k};
    const start = performance.now();
    const values = vfScenario.evaluate(graph, overrides);
    for (const key of Object.keys(graph.fig)) {
      if (values[key]) vfScenario.texts(graph, key, values[key]);
    }
    times.push(performance.now() - start);
  }
  return times;
})"""
UPDATE = """([repeat, selector, layout]) => {
  const field = document.querySelector(selector), times = [];
  for (let i = 0; i < repeat; i++) {
    field.value = String(5 + i % 20);
    const start = performance.now();
    field.dispatchEvent(new Event('change'));
    if (layout) void document.documentElement.offsetHeight;  // style and layout, now
    times.push(performance.now() - start);
  }
  return times;
}"""


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def sizes(site: Path) -> None:
    script = gzip_size(site / SCRIPT)
    print(f"vf-scenario.js: {(site / SCRIPT).stat().st_size} B, gzip -9 {script} B")
    for path in sorted(site.glob("mythes/*/calcul/scenario.json")):
        size = gzip_size(path)
        print(f"{path.parent.parent.name:28} scenario.json {path.stat().st_size:6} B, gzip -9 "
              f"{size:5} B; with the script {(size + script) / 1024:.1f} KB")


def summary(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    return (f"first {times[0]:.2f} ms, median {statistics.median(times):.2f} ms, "
            f"95th percentile {p95:.2f} ms, max {max(times):.2f} ms (n = {len(times)})")


def browse(site: Path, rate: float, repeat: int) -> None:
    with serve(site) as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(locale="fr-FR")
        session = page.context.new_cdp_session(page)
        page.goto(server.base + ARTICLE + "calcul/")
        page.wait_for_selector(INPUT)
        for label, throttle in (("no throttling", 1), (f"CPU throttled x{rate:g}", rate)):
            session.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
            evaluation = page.evaluate(EVALUATE, [repeat])
            update = page.evaluate(UPDATE, [repeat, INPUT, False])
            laid_out = page.evaluate(UPDATE, [repeat, INPUT, True])
            print(f"{label}: evaluate + format every figure: {summary(evaluation)}")
            print(f"{label}: update (change event: evaluate, format, DOM writes): "
                  f"{summary(update)}")
            print(f"{label}: whole update, with the style and layout it causes: "
                  f"{summary(laid_out)}")
        session.send("Emulation.setCPUThrottlingRate", {"rate": 1})

        article = browser.new_page(locale="fr-FR")
        loaded: list[tuple[str, int]] = []
        article.on("requestfinished",
                   lambda r: loaded.append((r.url, r.sizes()["responseBodySize"])))
        article.goto(server.base + ARTICLE)
        article.wait_for_load_state("networkidle")
        before = list(loaded)
        print(f"article before opening: {len(before)} requests, "
              f"{sum(s for _, s in before) / 1024:.1f} KB of bodies; scenario files: "
              f"{[u for u, _ in before if 'scenario' in u]}")
        article.locator("details.vf-whatif summary").click()
        article.wait_for_selector(".vf-whatif " + INPUT)
        article.wait_for_load_state("networkidle")
        added = loaded[len(before):]
        print(f"opening « Et si… ? » adds {len(added)} requests, "
              f"{sum(s for _, s in added) / 1024:.1f} KB of bodies: "
              f"{[u.rsplit('/', 2)[-2] + '/' + u.rsplit('/', 1)[-1] for u, _ in added]}")
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--rate", type=float, default=6)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    sizes(args.site)
    browse(args.site, args.rate, args.repeat)


if __name__ == "__main__":
    main()
