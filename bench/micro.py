"""CPU cost per article of each stage of our plugin, in one process, without MkDocs.

    python -m bench.micro --n 300

Three corpora: synthetic myths whose macros repeat from article to article (as in the build
benchmark), the same with every macro's text unique (``--distinct-macros``), and "cold": a fresh
catalog, renderer and empty formatting caches for every article, so nothing computed for one
article helps the next (an upper bound for a corpus where no figure repeats). A what-if
measures what the figure links' inline HTML costs Python-Markdown.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from macros.formatting import format_quantity, format_range
from macros.units_fr import display_key_for
from publication.figures import report
from publication.model.frontmatter import split
from publication.model.schema import validate
from publication.pipeline import Publication, RenderedPage
from publication.views import derivation

from .runner import stop_on_sigterm
from .synthetic import ROOT, article

STAGES = ("front matter split", "front matter schema", "render (figures)", "derivation views",
          "report records", "report JSON")


def _clear_caches() -> None:
    for cached in (format_quantity, format_range, display_key_for):
        cached.cache_clear()


def _publication() -> Publication:
    return Publication(ROOT / "content", "mythes", {}, ROOT, ROOT / "calculators" / "data")


def _timed(costs: dict[str, float], stage: str, action: Callable[[], Any]) -> Any:
    start = time.process_time()
    result = action()
    costs[stage] = costs.get(stage, 0.0) + time.process_time() - start
    return result


def run_corpus(texts: list[str], cold: bool) -> dict[str, float]:
    """Milliseconds of CPU per article for each stage."""
    costs: dict[str, float] = {}
    publication = _publication()
    pages = []
    for i, text in enumerate(texts):
        if cold:
            _clear_caches()
            publication = _publication()
        renderer = publication.renderer
        source = _timed(costs, STAGES[0], lambda text=text: split(text, "x.md"))
        _timed(costs, STAGES[1], lambda source=source: validate(source.meta))
        rendered = _timed(costs, STAGES[2], lambda source=source, renderer=renderer:
                          renderer.render(source.body, file="x.md", article=source.meta))
        _timed(costs, STAGES[3], lambda rendered=rendered:
               derivation.build(rendered.figures, rendered.citations.values()))
        pages.append(RenderedPage(f"mythes/{i:05d}.md", rendered, None))
    records = _timed(costs, STAGES[4], lambda: report.build_report(pages, publication.catalog))
    _timed(costs, STAGES[5], lambda: json.dumps(records, ensure_ascii=False, indent=1,
                                                sort_keys=True))
    return {stage: seconds / len(texts) * 1000 for stage, seconds in costs.items()}


def markdown_cost(texts: list[str]) -> tuple[float, float]:
    """Python-Markdown on our rendered bodies, and on the same bodies with the figure and
    citation links unwrapped (plain text): what the inline HTML of the links costs. ms/article.
    """
    import markdown

    from .synthetic import PlainText

    publication = _publication()
    plain = PlainText()
    ours = [publication.renderer.render(split(t, "x.md").body, file="x.md").text for t in texts]
    unwrapped = [split(plain.convert(t, "x.md"), "x.md").body for t in texts]
    converter = markdown.Markdown(extensions=["admonition", "attr_list", "md_in_html",
                                              "footnotes", "toc"])
    costs = []
    for bodies in (ours, unwrapped):
        start = time.process_time()
        for body in bodies:
            converter.reset()
            converter.convert(body)
        costs.append((time.process_time() - start) / len(bodies) * 1000)
    return costs[0], costs[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=300, help="articles per corpus")
    parser.add_argument("--repeat", type=int, default=3, help="passes; the median is shown")
    args = parser.parse_args(argv)
    stop_on_sigterm()
    shared = [article(i) for i in range(1, args.n + 1)]
    distinct = [article(i, distinct=True) for i in range(1, args.n + 1)]
    corpora = {"shared macros": (shared, False), "distinct macros": (distinct, False),
               "cold (nothing reused)": (shared, True)}
    results = {}
    for name, (texts, cold) in corpora.items():
        passes = [run_corpus(texts, cold) for _ in range(args.repeat)]
        results[name] = {stage: statistics.median(p[stage] for p in passes) for stage in STAGES}
    print(f"CPU ms per article, {args.n} articles, median of {args.repeat} passes\n")
    print("| stage | " + " | ".join(results) + " |")
    print("|---|" + "---|" * len(results))
    for stage in (*STAGES, "total"):
        cells = [sum(r.values()) if stage == "total" else r[stage] for r in results.values()]
        print(f"| {stage} | " + " | ".join(f"{c:.3f}" for c in cells) + " |")
    print("\nWhat-if, shared macros:")
    with_links, without = markdown_cost(shared)
    print(f"- Markdown of our bodies: {with_links:.3f} ms per article; the same text without the "
          f"link tags: {without:.3f} ms (links inserted after Markdown would save the gap)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
