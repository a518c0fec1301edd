"""What the article template shows of one article, computed once when the article is rendered."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from calculators.comparisons import RELATION_WORDS, CheckedAssertion
from macros.comparisons import range_text
from macros.formatting import french_date
from macros.render import Rendered
from macros.toolbox import anchor
from publication.model.schema import ArticleMeta
from publication.model.verdicts import VERDICTS, Verdict
from publication.views import derivation
from vocabulary.french import french_spacing

WORDS_PER_MINUTE = 200
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class CallToAction:
    """A box under the article pointing to one of the newsroom's offers (``mkdocs.yml``)."""

    title: str
    text: str
    link_text: str
    link: str


@dataclass(frozen=True)
class CorrectionView:
    """One correction as the article's « Corrections » box shows it."""

    date_iso: str
    date_text: str
    what: str
    why: str


def updated(meta: ArticleMeta) -> dt.date:
    """When the article last changed: its latest correction, else its publication."""
    return max((correction.date for correction in meta.corrections or ()), default=meta.date)


def corrections(meta: ArticleMeta) -> tuple[CorrectionView, ...]:
    """The article's corrections, oldest first, their texts spaced the French way."""
    return tuple(CorrectionView(c.date.isoformat(), french_date(c.date), french_spacing(c.what),
                                french_spacing(c.why))
                 for c in sorted(meta.corrections or (), key=lambda c: c.date))


@dataclass(frozen=True)
class AssertionView:
    """A checked sentence, as the calcul page lists it: the words, and why the figures
    support them (« va de 1,2 à 35,8 : au-dessus de 1 sur toute sa fourchette »)."""

    text: str
    figure_label: str
    condition: str
    #: The figure's block on the calcul page, when the article shows the figure.
    derivation_anchor: str | None


def assertion_views(checked: Sequence[CheckedAssertion],
                    blocks: Sequence[derivation.DerivationView]) -> tuple[AssertionView, ...]:
    anchors = {block.anchor for block in blocks}
    views = []
    for assertion in checked:
        conditions = [
            f"{RELATION_WORDS[comparison.relation]} "
            f"{bound.label if bound.key is None else '« ' + (bound.label or '') + ' »'}"
            for comparison, bound in assertion.comparisons]
        first = assertion.comparisons[0][0]
        block = anchor(assertion.figure)
        views.append(AssertionView(
            text=french_spacing(assertion.text), figure_label=french_spacing(
                assertion.figure.describe()),
            condition=french_spacing(f"{range_text(first)} : "
                                     f"{' et '.join(conditions)} sur toute sa fourchette"),
            derivation_anchor=block if block in anchors else None))
    return tuple(views)


@dataclass(frozen=True)
class ArticleView:
    """Everything the article template shows, computed once."""

    meta: ArticleMeta
    verdict: Verdict
    date_text: str
    reading_minutes: int
    cta: CallToAction | None
    derivations: list[derivation.DerivationView]
    #: « 23 chiffres, dont 5 reposent sur des hypothèses sans source »
    derivation_summary: str
    sources: list[derivation.SourceView]
    corrections: tuple[CorrectionView, ...]
    #: The latest correction's date, or the publication date when there is none.
    updated: dt.date
    #: « 1er décembre 2026 », the latest correction's date; None when there is none.
    updated_text: str | None
    #: The sentences the build checked against the figures (``assertions:``).
    assertions: tuple[AssertionView, ...] = ()


def article_view(meta: ArticleMeta, rendered: Rendered,
                 calls_to_action: Mapping[str, CallToAction],
                 checked: Sequence[CheckedAssertion] = ()) -> ArticleView:
    """The view of an article whose front matter is valid and whose body rendered."""
    blocks, sources = derivation.build(rendered.figures, rendered.citations.values(),
                                       rendered.units)
    words = len(_TAG.sub(" ", rendered.text).split())
    date: dt.date = meta.date
    return ArticleView(
        meta=meta, verdict=VERDICTS[meta.verdict],
        date_text=french_date(date),
        reading_minutes=max(1, round(words / WORDS_PER_MINUTE)),
        cta=calls_to_action.get(meta.cta) if meta.cta else None,
        derivations=blocks, derivation_summary=derivation.summary(blocks), sources=sources,
        corrections=corrections(meta), updated=updated(meta),
        updated_text=french_date(updated(meta)) if meta.corrections else None,
        assertions=assertion_views(checked, blocks),
    )
