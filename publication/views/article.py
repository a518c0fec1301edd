"""What the article template shows of one article, computed once when the article is rendered."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from markupsafe import Markup

from calculators import Source
from calculators.comparisons import RELATION_WORDS, CheckedAssertion
from macros.formatting import french_date
from macros.render import Rendered
from macros.toolbox import anchor
from publication.model.schema import ArticleMeta
from publication.model.verdicts import VERDICTS, Verdict
from publication.views import derivation
from vocabulary.french import french_spacing

WORDS_PER_MINUTE = 200
NO_SUMMARY = Markup("")
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
    #: What a reader's scenario checks again (``views.scenario``): the figure's id, and each
    #: (relation, bound) with a bound's id, or a number in the figure's unit.
    figure_key: str | None = None
    bounds: tuple[tuple[str, str | float], ...] = ()


def _condition(assertion: CheckedAssertion) -> str:
    """« va de 0,86 à 35,8 : au-dessus de 1 sur toute sa fourchette », in the figure's unit as
    readers read it."""
    figure = assertion.figure
    low, high = (derivation.magnitude_text(value, figure) for value in (figure.low.to(
        figure.unit).magnitude, figure.high.to(figure.unit).magnitude))
    side = f"vaut {low}" if low == high else f"va de {low} à {high}"
    bounds = [f"{RELATION_WORDS[comparison.relation]} " + (
        derivation.magnitude_text(comparison.bound_low, figure) if bound.key is None
        else f"« {bound.describe()} »") for comparison, bound in assertion.comparisons]
    return french_spacing(f"{side} : {' et '.join(bounds)} sur toute sa fourchette")


def assertion_views(checked: Sequence[CheckedAssertion],
                    blocks: Sequence[derivation.DerivationView]) -> tuple[AssertionView, ...]:
    """The checked sentences, each linked to its figure's block when the page has one; the
    same words checked against one figure several times read as one item with every bound."""
    anchors = {block.anchor for block in blocks}
    grouped: dict[tuple[str, str | None], CheckedAssertion] = {}
    for assertion in checked:
        key = (assertion.text, assertion.figure.key)
        if key in grouped:
            first = grouped[key]
            assertion = replace(first, comparisons=first.comparisons + assertion.comparisons)
        grouped[key] = assertion
    return tuple(AssertionView(
        text=french_spacing(assertion.text),
        figure_label=french_spacing(assertion.figure.describe()),
        condition=_condition(assertion),
        derivation_anchor=anchor(assertion.figure) if anchor(assertion.figure) in anchors
        else None, figure_key=assertion.figure.key,
        bounds=tuple((comparison.relation, bound.key or comparison.bound_low)
                     for comparison, bound in assertion.comparisons))
        for assertion in grouped.values())


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
    #: « En bref », rendered like the body and cleaned: HTML with its figure links.
    summary: Markup = NO_SUMMARY
    #: The article this one is based on (front matter ``based_on``), where the claim first
    #: appeared.
    based_on: Source | None = None


def article_view(meta: ArticleMeta, rendered: Rendered,
                 calls_to_action: Mapping[str, CallToAction],
                 checked: Sequence[CheckedAssertion] = (),
                 summary: Markup = NO_SUMMARY, based_on: Source | None = None
                 ) -> ArticleView:
    """The view of an article whose front matter is valid and whose body rendered."""
    blocks, sources = derivation.build(rendered.figures, rendered.citations.values(),
                                       rendered.units, rendered.text)
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
        summary=summary, based_on=based_on,
    )
