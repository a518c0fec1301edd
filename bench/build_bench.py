"""Build time: our site against plain Material, for N synthetic myths.

    python -m bench.build_bench --sizes 100 1000 --runs 5 [--baseline-rev REV]

For each N (and N = 0: the real pages only, the fixed cost) it generates the projects (see
``bench/synthetic.py``) in a temporary folder, builds each once untimed (warm-up and output
check), then alternates timed builds, each a fresh ``python -m mkdocs build --strict`` process.
Variants: ``ours`` (this checkout), ``plain`` (Material without our features) and, with
``--baseline-rev``, ``base`` (our project built by the code of another git revision, for a
before/after comparison in the same conditions).

It prints medians of wall and CPU time (user + system; the machine may be shared, and CPU time
is less disturbed by other processes), ratios to plain, the CPU cost per article
((T(N) − T(0)) / N) and the peak memory (ru_maxrss of each build process).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from .runner import (
    Run,
    export_revision,
    imported_from,
    machine,
    median,
    mkdocs_build,
    stop_on_sigterm,
)
from .synthetic import ARTICLES_DIR, ROOT, PlainText, make_project

RESULTS = Path(__file__).parent / "results"
#: The issue's target for a full build at N = 1,000: at most this ratio to plain Material.
TARGET_RATIO = 1.10


@dataclass(frozen=True)
class Measure:
    n: int
    variant: str
    runs: list[Run]

    @property
    def wall(self) -> float:
        return median([r.seconds for r in self.runs])

    @property
    def cpu(self) -> float:
        return median([r.cpu_seconds for r in self.runs])

    @property
    def peak_mb(self) -> float:
        return max(r.peak_rss_mb for r in self.runs)


Results = dict[int, dict[str, Measure]]


def _check_output(site: Path, figures: bool, n: int, charts: bool = False) -> None:
    """The synthetic pages were built, with linked figures in ours and none in plain, and a
    chart in the ``charts`` variant only."""
    if n == 0:
        return
    page = site / ARTICLES_DIR / "mythe-synthetique-00001" / "index.html"
    html = page.read_text(encoding="utf-8")
    if "{{" in html or ('class="vf-fig' in html) != figures \
            or ('<figure class="vf-chart' in html) != charts:
        raise RuntimeError(f"unexpected output in {page}")


def measure_size(n: int, runs: int, distinct: bool, plain: PlainText, timeout: float,
                 baseline: Path | None, charts: str = "") -> dict[str, Measure]:
    with tempfile.TemporaryDirectory(prefix=f"vf-bench-{n}-") as tmp:
        root = Path(tmp)
        # A baseline that predates « Et si… ? » (issue 17) would refuse its calls: every
        # variant then builds the real content without them.
        drop = ("what_if",) if baseline is not None else ()
        ours = make_project(root / "ours", n, "ours", distinct=distinct, drop_calls=drop)
        builds: dict[str, tuple[Path, Path | None]] = {
            "ours": (ours, None),
            "plain": (make_project(root / "plain", n, "plain", distinct=distinct, plain=plain,
                                   drop_calls=drop), None),
        }
        if baseline is not None:
            builds["base"] = (ours, baseline)
        if charts:  # the same myths, each with one chart (issue 16)
            builds["charts"] = (make_project(root / "charts", n, "ours", distinct=distinct,
                                             charts=charts), None)
        for variant, (config, code) in builds.items():
            source = imported_from(code, config.parent)
            if source != (code or ROOT).resolve():
                raise RuntimeError(f"{variant} would import our code from {source}")
        timed: dict[str, list[Run]] = {variant: [] for variant in builds}
        for variant, (config, code) in builds.items():
            site = root / f"site-{variant}"
            mkdocs_build(config, site, timeout, code)  # warm-up: disk cache, bytecode
            _check_output(site, variant != "plain", n, variant == "charts")
        for i in range(runs):
            for variant, (config, code) in builds.items():
                result = mkdocs_build(config, root / f"site-{variant}", timeout, code)
                timed[variant].append(result)
                print(f"  N={n} {variant:5s} run {i + 1}/{runs}: {result.seconds:6.2f} s wall, "
                      f"{result.cpu_seconds:6.2f} s CPU, {result.peak_rss_mb:5.0f} MiB",
                      file=sys.stderr, flush=True)
    return {variant: Measure(n, variant, found) for variant, found in timed.items()}


def table(results: Results) -> str:
    base = results.get(0)
    lines = ["| N | variant | wall (s) | CPU (s) | wall / plain | CPU / plain "
             "| CPU ms per article | peak MiB |", "|---|---|---|---|---|---|---|---|"]
    for n, measures in results.items():
        plain = measures["plain"]
        for variant, m in measures.items():
            per = "–"
            if n and base:
                per = f"{(m.cpu - base[variant].cpu) / n * 1000:.2f}"
            lines.append(f"| {n:,} | {variant} | {m.wall:.2f} | {m.cpu:.2f} "
                         f"| {m.wall / plain.wall:.2f} | {m.cpu / plain.cpu:.2f} | {per} "
                         f"| {m.peak_mb:.0f} |")
    return "\n".join(lines)


def marginal(results: Results) -> str:
    """CPU cost of each extra article between two sizes: flat if the build scales linearly."""
    lines = []
    for (small_n, small), (large_n, large) in itertools.pairwise(results.items()):
        span = large_n - small_n
        costs = ", ".join(f"{v} {(large[v].cpu - small[v].cpu) / span * 1000:.2f}"
                          for v in large)
        lines.append(f"- N {small_n:,} → {large_n:,}: {costs} CPU ms per extra article")
    return "\n".join(lines)


def targets(results: Results) -> str:
    lines = []
    if 1000 in results:
        ours, plain = results[1000]["ours"], results[1000]["plain"]
        ratio = ours.wall / plain.wall
        verdict = "met" if max(ratio, ours.cpu / plain.cpu) <= TARGET_RATIO else "NOT met"
        lines.append(f"- Full build at N = 1,000 ≤ {TARGET_RATIO:.2f}× plain Material: "
                     f"{ratio:.2f}× wall, {ours.cpu / plain.cpu:.2f}× CPU → {verdict}")
    steps = [(large_n, (large["ours"].cpu - small["ours"].cpu) / (large_n - small_n) * 1000)
             for (small_n, small), (large_n, large) in itertools.pairwise(results.items())]
    if len(steps) > 1:
        costs = [cost for _, cost in steps]
        lines.append("- Cost per article flat as N grows (ours, marginal CPU ms per article, up "
                     "to N): " + ", ".join(f"{cost:.2f} (≤{n:,})" for n, cost in steps)
                     + f"; max/min {max(costs) / min(costs):.2f}")
    if "charts" in next(iter(results.values())):
        for n, measures in results.items():
            if n:
                ours, charts = measures["ours"], measures["charts"]
                verdict = "met" if charts.cpu / ours.cpu < 1.10 else "NOT met"
                lines.append(f"- One chart per myth at N = {n:,} (issue 16: < 10 % more): "
                             f"{charts.wall / ours.wall:.3f}× wall, "
                             f"{charts.cpu / ours.cpu:.3f}× CPU → {verdict}")
    if "base" in next(iter(results.values())):
        for n, measures in results.items():
            if n:
                lines.append(f"- Before/after at N = {n:,}: base {measures['base'].cpu:.2f} s "
                             f"→ ours {measures['ours'].cpu:.2f} s CPU "
                             f"({measures['base'].cpu / measures['ours'].cpu:.2f}× faster)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000],
                        help="numbers of synthetic myths (N = 0 is always measured too)")
    parser.add_argument("--runs", type=int, default=5, help="timed builds per variant and N")
    parser.add_argument("--distinct-macros", action="store_true",
                        help="make every macro's text unique (defeats caches keyed by text)")
    parser.add_argument("--baseline-rev", help="also build with our code at this git revision")
    parser.add_argument("--charts", choices=("own", "new"),
                        help="also build the same myths with one chart each (issue 16): bars "
                        "of figures the article shows (own), or of values it does not (new)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds per build")
    args = parser.parse_args(argv)
    stop_on_sigterm()
    plain = PlainText()
    results: Results = {}
    with tempfile.TemporaryDirectory(prefix="vf-baseline-") as code_dir:
        baseline = export_revision(args.baseline_rev, Path(code_dir)) if args.baseline_rev \
            else None
        for n in sorted({0, *args.sizes}):
            print(f"N = {n:,}: generating and building…", file=sys.stderr, flush=True)
            results[n] = measure_size(n, args.runs, args.distinct_macros, plain, args.timeout,
                                      baseline, args.charts or "")
    info = machine()
    print(f"\nBuild time, median of {args.runs} runs, "
          f"{'distinct' if args.distinct_macros else 'shared'} macro texts"
          f"{f', base = {args.baseline_rev}' if args.baseline_rev else ''}; {info['date']}, "
          f"{info['nproc']} CPUs, Python {info['python']}, MkDocs {info['mkdocs']}, "
          f"Material {info['mkdocs-material']}\n")
    print(table(results))
    print("\nMarginal cost per article\n" + marginal(results))
    print("\nTargets (issue 7)\n" + targets(results))
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"build-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps({
        "machine": info, "runs": args.runs, "distinct_macros": args.distinct_macros,
        "baseline_rev": args.baseline_rev,
        "measures": [asdict(m) for measures in results.values() for m in measures.values()],
    }, indent=1) + "\n", encoding="utf-8")
    print(f"\nRaw runs: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
