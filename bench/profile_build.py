"""Where a build of N synthetic myths spends its time (cProfile, in one process).

    python -m bench.profile_build --n 1000 [--variant plain] [--distinct-macros] [--top 25]

Prints the cumulative time of the stages of our plugin and of MkDocs' own stages, then the
functions with the most time of their own. cProfile slows Python code down (about twice here),
so read the shares, not the absolute times; the build benchmark gives the real ones.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

from .runner import stop_on_sigterm
from .synthetic import make_project

#: (label, file suffix, function name): the stages worth watching.
STAGES = (
    ("mkdocs build, total", "mkdocs/commands/build.py", "build"),
    ("  page Markdown → HTML (MkDocs)", "mkdocs/structure/pages.py", "render"),
    ("  page templates (MkDocs + Material)", "mkdocs/commands/build.py", "_build_page"),
    ("  our on_page_markdown", "publication/site/plugin.py", "on_page_markdown"),
    ("    front matter split", "publication/model/frontmatter.py", "split"),
    ("    front matter schema", "publication/model/schema.py", "validate"),
    ("    Renderer.render", "macros/render.py", "render"),
    ("      Jinja parse", "jinja2/environment.py", "parse"),
    ("      Jinja compile (from_string)", "jinja2/environment.py", "from_string"),
    ("      figure filter", "macros/toolbox.py", "figure_filter"),
    ("    derivation views", "publication/views/derivation.py", "build"),
    ("  our on_page_content (sanitiser)", "publication/site/plugin.py", "on_page_content"),
    ("  Markdown convert", "markdown/core.py", "convert"),
    ("  our on_post_build (figures report)", "publication/site/plugin.py", "on_post_build"),
    ("  search index (Material)", "material/plugins/search/plugin.py", "on_post_build"),
)


def stage_times(stats: pstats.Stats) -> list[tuple[str, float, int]]:
    table = stats.stats  # type: ignore[attr-defined]
    rows = []
    for label, suffix, name in STAGES:
        cumulative, calls = 0.0, 0
        for (file, _, function), (_, ncalls, _, cum, _) in table.items():
            if function == name and file.replace(os.sep, "/").endswith(suffix):
                cumulative += cum
                calls += ncalls
        rows.append((label, cumulative, calls))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--variant", choices=("ours", "plain"), default="ours")
    parser.add_argument("--distinct-macros", action="store_true")
    parser.add_argument("--charts", choices=("own", "new"),
                        help="one chart per myth (issue 16; see build_bench.py --charts)")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--save", type=Path, help="write the raw profile (.prof) there")
    args = parser.parse_args(argv)
    stop_on_sigterm()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with tempfile.TemporaryDirectory(prefix="vf-profile-") as tmp:
        config_file = make_project(Path(tmp) / args.variant, args.n, args.variant,
                                   distinct=args.distinct_macros, charts=args.charts or "")
        config = load_config(str(config_file), site_dir=str(Path(tmp) / "site"))
        profiler = cProfile.Profile()
        start = time.perf_counter()
        profiler.enable()
        build(config)
        profiler.disable()
        wall = time.perf_counter() - start
    stats = pstats.Stats(profiler)
    if args.save:
        stats.dump_stats(str(args.save))
    print(f"Profile of one {args.variant} build, N = {args.n:,} synthetic myths "
          f"({'distinct' if args.distinct_macros else 'shared'} macro texts): "
          f"{wall:.1f} s under cProfile\n")
    print("| stage | cumulative s | share | calls |\n|---|---|---|---|")
    total = stage_times(stats)[0][1] or 1.0
    for label, cumulative, calls in stage_times(stats):
        print(f"| {label.replace(' ', ' ')} | {cumulative:.2f} | {cumulative / total:.0%} "
              f"| {calls} |")
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(args.top)
    print("\nMost time of their own:\n" + out.getvalue().split("\n\n", 2)[-1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
