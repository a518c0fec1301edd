"""Build time: our site against plain Material, for N synthetic myths.

    python -m bench.build_bench --sizes 100 1000 --runs 5

For each N it generates both projects (see ``bench/synthetic.py``) in a temporary folder, builds
each once untimed (warm-up and output check), then alternates timed builds, each a fresh
``python -m mkdocs build --strict`` process. It prints medians of wall and CPU time (user +
system: the machine may be shared, CPU time is less disturbed by other processes), the ratio
ours / plain, the cost per article and the peak memory (ru_maxrss of each build process).
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

from .runner import Run, machine, median, mkdocs_build
from .synthetic import ARTICLES_DIR, PlainText, Variant, make_project

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


def _check_output(site: Path, variant: Variant, n: int) -> None:
    """The synthetic pages were built, with linked figures in ours and none in plain."""
    if n == 0:
        return
    page = site / ARTICLES_DIR / "mythe-synthetique-00001" / "index.html"
    html = page.read_text(encoding="utf-8")
    has_figures = 'class="vf-fig' in html
    if "{{" in html or has_figures != (variant == "ours"):
        raise RuntimeError(f"unexpected output in {page} ({variant})")


def measure_size(n: int, runs: int, distinct: bool, plain: PlainText, timeout: float
                 ) -> tuple[Measure, Measure]:
    with tempfile.TemporaryDirectory(prefix=f"vf-bench-{n}-") as tmp:
        root = Path(tmp)
        configs: dict[Variant, Path] = {
            variant: make_project(root / variant, n, variant, distinct=distinct, plain=plain)
            for variant in ("ours", "plain")
        }
        timed: dict[Variant, list[Run]] = {"ours": [], "plain": []}
        for variant, config in configs.items():
            site = root / f"site-{variant}"
            mkdocs_build(config, site, timeout)  # warm-up: disk cache, bytecode
            _check_output(site, variant, n)
        for i in range(runs):
            for variant, config in configs.items():
                result = mkdocs_build(config, root / f"site-{variant}", timeout)
                timed[variant].append(result)
                print(f"  N={n} {variant:5s} run {i + 1}/{runs}: {result.seconds:6.2f} s wall, "
                      f"{result.cpu_seconds:6.2f} s CPU, {result.peak_rss_mb:5.0f} MiB",
                      file=sys.stderr, flush=True)
    return Measure(n, "ours", timed["ours"]), Measure(n, "plain", timed["plain"])


def table(pairs: list[tuple[Measure, Measure]]) -> str:
    """Medians; "per article" is (T(N) − T(0)) / N, T(0) being the build of the real pages only."""
    base_ours, base_plain = pairs[0] if pairs[0][0].n == 0 else (None, None)
    head = ("| N | ours wall (s) | plain wall (s) | ratio wall | ours CPU (s) | plain CPU (s) "
            "| ratio CPU | ours CPU ms/article | plain CPU ms/article | our extra CPU ms/article "
            "| ours peak MiB | plain peak MiB |")
    lines = [head, "|" + "---|" * (head.count(" | ") + 1)]
    for ours, plain in pairs:
        n = ours.n
        per = "| – | – | – "
        if n and base_ours and base_plain:
            o = (ours.cpu - base_ours.cpu) / n * 1000
            p = (plain.cpu - base_plain.cpu) / n * 1000
            per = f"| {o:.2f} | {p:.2f} | {o - p:.2f} "
        lines.append(
            f"| {n:,} | {ours.wall:.2f} | {plain.wall:.2f} | {ours.wall / plain.wall:.2f} "
            f"| {ours.cpu:.2f} | {plain.cpu:.2f} | {ours.cpu / plain.cpu:.2f} "
            f"{per}| {ours.peak_mb:.0f} | {plain.peak_mb:.0f} |"
        )
    return "\n".join(lines)


def marginal(pairs: list[tuple[Measure, Measure]]) -> str:
    """Cost of each extra article between two sizes: flat if the build scales linearly."""
    lines = []
    for (small, small_plain), (large, large_plain) in itertools.pairwise(pairs):
        span = large.n - small.n
        ours = (large.wall - small.wall) / span * 1000
        ours_cpu = (large.cpu - small.cpu) / span * 1000
        plain = (large_plain.wall - small_plain.wall) / span * 1000
        plain_cpu = (large_plain.cpu - small_plain.cpu) / span * 1000
        lines.append(f"- N {small.n:,} → {large.n:,}: ours {ours:.2f} ms wall, {ours_cpu:.2f} ms "
                     f"CPU per extra article; plain {plain:.2f} ms wall, {plain_cpu:.2f} ms CPU")
    return "\n".join(lines)


def targets(pairs: list[tuple[Measure, Measure]]) -> str:
    lines = []
    for ours, plain in pairs:
        if ours.n == 1000:
            ratio = ours.wall / plain.wall
            verdict = "met" if ratio <= TARGET_RATIO else "NOT met"
            lines.append(f"- Full build at N = 1,000 ≤ {TARGET_RATIO:.2f}× plain Material: "
                         f"{ratio:.2f}× wall, {ours.cpu / plain.cpu:.2f}× CPU → {verdict}")
    steps = [(large.n, (large.cpu - small.cpu) / (large.n - small.n) * 1000)
             for (small, _), (large, _) in itertools.pairwise(pairs)]
    if len(steps) > 1:
        costs = [cost for _, cost in steps]
        lines.append("- Cost per article flat as N grows (marginal CPU ms per article, up to N): "
                     + ", ".join(f"{cost:.2f} (≤{n:,})" for n, cost in steps)
                     + f"; max/min {max(costs) / min(costs):.2f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000],
                        help="numbers of synthetic myths; N = 0 (real pages only) is always "
                        "measured too, as the fixed cost")
    parser.add_argument("--runs", type=int, default=5, help="timed builds per variant and N")
    parser.add_argument("--distinct-macros", action="store_true",
                        help="make every macro's text unique (defeats caches keyed by text)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds per build")
    args = parser.parse_args(argv)
    plain = PlainText()
    pairs = []
    for n in sorted({0, *args.sizes}):
        print(f"N = {n:,}: generating and building…", file=sys.stderr, flush=True)
        pairs.append(measure_size(n, args.runs, args.distinct_macros, plain, args.timeout))
    info = machine()
    print(f"\nBuild time, {args.runs} runs per cell (medians), "
          f"{'distinct' if args.distinct_macros else 'shared'} macro texts; {info['date']}, "
          f"{info['nproc']} CPUs, Python {info['python']}, MkDocs {info['mkdocs']}, "
          f"Material {info['mkdocs-material']}\n")
    print(table(pairs))
    print("\nMarginal cost per article\n" + (marginal(pairs) or "- (one size only)"))
    print("\nTargets (issue 7)\n" + targets(pairs))
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"build-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps({
        "machine": info, "runs": args.runs, "distinct_macros": args.distinct_macros,
        "measures": [asdict(m) for pair in pairs for m in pair],
    }, indent=1) + "\n", encoding="utf-8")
    print(f"\nRaw runs: {out.relative_to(Path.cwd()) if out.is_relative_to(Path.cwd()) else out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
