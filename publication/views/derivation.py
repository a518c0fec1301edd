"""What the « Comment a-t-on calculé ? » page and the « Sources » sections show, ready for
templates.

Each figure a reader saw gets a block: its value as the article rounds it and the value the
calculation gave, its formula, and each direct input with its value, status and source, cited
by author and year as the article cites (« Patterson et al., 2021 »). An input that has a block
of its own links to it, so a reader can walk from « plus de 25 000 t » down to the hypotheses
it rests on. Blocks are grouped by the article's sections (``places``): the heading under which
each figure first appears. Sources are listed in alphabetical order of their citation, on the
article and on its calcul page alike. The article itself only says how many figures it computes
(``summary``). Templates only loop over this.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from calculators import CalculatorError, Figure, Source, Status
from calculators.figure import Check
from calculators.units import parse_unit, written
from macros.formatting import format_quantity, format_range, french_date
from macros.toolbox import anchor, source_anchor, text_anchor
from macros.units_fr import DISPLAY_UNITS, DisplayUnit, display, display_key_for
from vocabulary.french import french_spacing

#: Significant digits for values in derivations: enough to recompute them by hand.
DERIVATION_DIGITS = 4


@dataclass(frozen=True)
class InputView:
    label: str
    value: str
    range: str | None
    status: str  # Status value, for CSS classes
    status_label: str
    #: « Patterson et al., 2021 », as the article cites it.
    source_citation: str | None
    source_anchor: str | None
    locator: str | None
    note: str | None
    #: The sentence read in the document that gives the value, verbatim (``quote:``).
    quote: str | None
    #: The input's own block on the page, when it has one (derived, or shown in the text):
    #: its source, quote and notes are there, not repeated here.
    derivation_anchor: str | None
    #: Why a share has no quote (``no_quote:``).
    no_quote: str | None = None
    #: The input's id, where the calcul page's script updates its value (« Et si… ? »).
    key: str | None = None


@dataclass(frozen=True)
class DerivationView:
    anchor: str
    label: str
    #: The value the calculation gave, to ``DERIVATION_DIGITS`` significant digits.
    value: str
    range: str | None
    status: str
    status_label: str
    formula: str | None
    inputs: tuple[InputView, ...]
    hypotheses: tuple[str, ...]
    reference: str | None
    source_citation: str | None
    source_anchor: str | None
    locator: str | None
    note: str | None
    quote: str | None
    #: The id of the figure's first occurrence in the text, when the reader saw it there.
    text_anchor: str | None
    no_quote: str | None = None
    #: The figure as the article printed it (« environ 550 tonnes »), when it did.
    shown: str | None = None
    #: Whether ``value`` tells more than ``shown`` (« 553,1 t » under « environ 550 tonnes »,
    #: not « 14,8 j » under « 14,8 jours »), or there is no ``shown``.
    precise: bool = True
    #: The article's section (its ``##`` heading) where the figure, or the first figure that
    #: leads to it, first appears; None before the first heading.
    section: str | None = None
    #: The conditions the calculation met (``requires:``), each in words with its values.
    checks: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceView:
    #: « Patterson et al., 2021 », as the article cites it.
    citation: str
    anchor: str
    authors: str
    year: int
    title: str
    venue: str
    url: str | None
    doi: str | None
    doi_url: str | None
    note: str | None
    #: « consulté le 28 novembre 2026 », when the source records an access date.
    accessed: str | None
    #: The version of a dataset or a repository that was read.
    version: str | None = None


def _display(figure: Figure) -> DisplayUnit:
    """How a value's own unit reads: the site's named unit, else the unit in French as CLDR
    and our table write it (« g CO₂e par heure »), else its symbol."""
    key = display_key_for(figure.unit)
    if key is not None:
        return DISPLAY_UNITS[key]
    try:
        return display(written(figure.unit))
    except CalculatorError:
        symbol = f"{figure.unit:~P}"
        return DisplayUnit("", symbol, symbol, symbol)


def _spaced(text: str | None) -> str | None:
    """Texts from calculators and data files, typed with plain spaces, spaced the French way."""
    return french_spacing(text) if text else text


def value_text(figure: Figure, shown: DisplayUnit | None = None, qualify: bool = True) -> str:
    """The value in ``shown`` (the unit the reader saw in the text) or in its own unit;
    ``qualify=False`` leaves out « environ » where the block's heading value says it."""
    if shown is None:
        return format_quantity(figure.value, _display(figure), digits=DERIVATION_DIGITS,
                               qualify=qualify)
    return format_quantity(figure.to(shown.pint).value, shown, digits=DERIVATION_DIGITS,
                           qualify=qualify)


def magnitude_text(magnitude: float, figure: Figure) -> str:
    """A magnitude in ``figure``'s own unit, written as readers read that unit
    (« 113 ans », « 48,2 % »), to three significant digits and without qualifier."""
    return format_quantity(magnitude, _display(figure), digits=3, qualify=False)


def range_text(figure: Figure, shown: DisplayUnit | None = None) -> str | None:
    if not figure.has_range:
        return None
    if shown is None:
        return format_range(figure.low.magnitude, figure.high.magnitude, _display(figure),
                            digits=3)
    converted = figure.to(shown.pint)
    return format_range(converted.low.magnitude, converted.high.magnitude, shown, digits=3)


def _sort_key(source: Source) -> tuple[str, int, str, str]:
    """Alphabetical, as a reader looks up « Patterson et al., 2021 »: accents and case aside,
    then by year, title and id, so that the order never depends on the order of use."""
    def plain(text: str) -> str:
        decomposed = unicodedata.normalize("NFKD", text.casefold())
        return "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain(source.short_citation.rsplit(",", 1)[0]), source.year, plain(source.title), \
        source.id


class SourceIndex:
    """The sources a page uses, each once; listed in alphabetical order (``_sort_key``)."""

    def __init__(self) -> None:
        self._sources: dict[str, Source] = {}

    def cite(self, source: Source | None) -> str | None:
        """Record ``source``; how the page cites it (« Patterson et al., 2021 »)."""
        if source is None:
            return None
        self._sources.setdefault(source.id, source)
        return source.short_citation

    def views(self) -> list[SourceView]:
        return [
            SourceView(
                citation=s.short_citation, anchor=source_anchor(s),
                authors=", ".join(s.authors), year=s.year, title=french_spacing(s.title),
                venue=french_spacing(s.venue), url=s.url, doi=s.doi, doi_url=s.doi_url,
                note=_spaced(s.note),
                accessed=french_date(s.accessed) if s.accessed else None,
                version=_spaced(s.version),
            )
            for s in sorted(self._sources.values(), key=_sort_key)
        ]


def status_label(figure: Figure) -> str:
    """The status readers see: the newsroom's own hypothesis (no source, its reasoning in its
    note) says so, apart from a hypothesis some document makes."""
    if figure.status is Status.HYPOTHESIS and figure.parameter is not None \
            and figure.parameter.source is None:
        return "hypothèse de la rédaction"
    return figure.status.label_fr


def _quote(figure: Figure) -> str | None:
    """The source's sentence, as read: verbatim, in its own language and typography."""
    return figure.parameter.quote if figure.parameter else None


def _no_quote(figure: Figure) -> str | None:
    """Why a share has no quote, spaced the French way."""
    return _spaced(figure.parameter.no_quote if figure.parameter else None)


def _input_view(figure: Figure, sources: SourceIndex, blocks: Mapping[str, object]
                ) -> InputView:
    own = anchor(figure) in blocks
    citation = sources.cite(figure.source)
    return InputView(
        label=_spaced(figure.describe()), value=value_text(figure), range=range_text(figure),
        status=figure.status.value, status_label=status_label(figure),
        source_citation=None if own else citation,
        source_anchor=source_anchor(figure.source) if figure.source and not own else None,
        locator=None if own else _spaced(figure.parameter.locator if figure.parameter else None),
        note=None if own else _spaced(figure.note), quote=None if own else _quote(figure),
        no_quote=None if own else _no_quote(figure),
        derivation_anchor=anchor(figure) if own else None, key=figure.key,
    )


_OPERATORS = {"<": "<", ">": ">", "<=": "≤", ">=": "≥"}
PERCENT = parse_unit("percent")


def check_text(check: Check) -> str:
    """A condition the figure met, as readers read it: « a (12 %) < b (50 %) »; a fraction
    compared with a percentage reads as one too."""
    figures = [side for side in (check.left, check.right) if side is not None]
    percent = any(f.unit == PERCENT for f in figures)
    sides = []
    for side in (check.left, check.right):
        if side is None:
            sides.append("0")
            continue
        shown = side.to("percent") if percent and not side.unit.dimensionality else side
        sides.append(f"{side.describe()} ({value_text(shown, qualify=False)})")
    return french_spacing(f"{sides[0]} {_OPERATORS[check.operator]} {sides[1]}")


#: Below this gap (in percent), recomputed and published values agree to the published precision.
NEGLIGIBLE_GAP_PERCENT = 0.1


def _gap_text(gap: float) -> str:
    percent = DISPLAY_UNITS["percent"]
    if gap * 100 < NEGLIGIBLE_GAP_PERCENT:
        return "moins de " + format_quantity(NEGLIGIBLE_GAP_PERCENT, percent, qualify=False)
    return format_quantity(gap * 100, percent, digits=2, qualify=False)


def _reference(figure: Figure, sources: SourceIndex, shown: DisplayUnit | None) -> str | None:
    """The published value next to the recomputed one, in the same unit, and the gap."""
    gap = figure.relative_gap()
    if figure.reference is None or gap is None:
        return None
    sources.cite(figure.reference.source)
    reference = figure.reference.to(f"{figure.unit}")
    published = value_text(reference, shown) if shown else value_text(reference)
    return f"{published} ({figure.reference.describe()})\u202f; écart\u00a0: {_gap_text(gap)}"


def summary(blocks: Iterable[DerivationView]) -> str:
    """How many figures the reader saw, and how many of them rest on hypotheses without a
    source: « 23 chiffres, dont 5 reposent sur des hypothèses sans source »."""
    shown = [block for block in blocks if block.text_anchor]
    assumed = [block for block in shown if block.hypotheses]
    if not shown:
        return "aucun chiffre"
    hypotheses = "une hypothèse" if len({h for b in assumed for h in b.hypotheses}) == 1 \
        else "des hypothèses"
    if len(shown) == 1:
        rest = (f"qui repose sur {hypotheses} sans source" if assumed
                else "qui ne repose sur aucune hypothèse sans source")
        return f"1 chiffre, {rest}"
    if not assumed:
        rest = "dont aucun ne repose sur une hypothèse sans source"
    elif len(assumed) == 1:
        rest = f"dont 1 repose sur {hypotheses} sans source"
    else:
        rest = f"dont {len(assumed)} reposent sur {hypotheses} sans source"
    return f"{len(shown)} chiffres, {rest}"


@dataclass(frozen=True)
class Place:
    """Where the reader first saw a figure: the section's heading, and the figure's text."""

    section: str | None
    shown: str


_HEADING = re.compile(r"^##(?!#)[ \t]*(.*?)[ \t#]*$", re.M)
_FIRST_FIGURE = re.compile(
    r'<a class="vf-fig[^"]*" href="[^"]*#(calcul-[^"]+)" id="texte-\1">(.*?)</a>', re.S)
_FLAG = re.compile(r'<span class="vf-fig__flag">.*?</span>', re.S)
_ATTRIBUTES = re.compile(r"\s*\{[:#.][^}]*\}\s*$")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_TAGS = re.compile(r"<[^>]+>")
_NUMBER = re.compile(r"\d(?:[\d\u202f\u00a0 ]*\d)?(?:,\d+)?")


def _numbers(text: str) -> list[str]:
    return [re.sub(r"\s", "", n) for n in _NUMBER.findall(text)]


def _heading_text(markdown: str) -> str:
    """A ``##`` heading as readers see it: no attribute list, link syntax, emphasis or tags."""
    text = _LINK.sub(r"\1", _ATTRIBUTES.sub("", markdown))
    text = _TAGS.sub("", text).replace("**", "").replace("*", "").replace("`", "")
    return french_spacing(" ".join(html.unescape(text).split()))


def places(text: str) -> dict[str, Place]:
    """Each figure's first appearance in an article's rendered Markdown (figure links carry
    ``id="texte-calcul-…"`` there only): the ``##`` heading above it, and its text without
    the « (hypothèse) » flag."""
    headings = [(m.start(), _heading_text(m.group(1))) for m in _HEADING.finditer(text)]
    found: dict[str, Place] = {}
    for match in _FIRST_FIGURE.finditer(text):
        above = [title for start, title in headings if start < match.start()]
        shown = html.unescape(_TAGS.sub("", _FLAG.sub("", match.group(2)))).strip()
        found.setdefault(match.group(1), Place(above[-1] if above else None, shown))
    return found


def build(figures: Mapping[str, Figure], citations: Iterable[Source],
          units: Mapping[str, DisplayUnit] | None = None, text: str = "",
          ) -> tuple[list[DerivationView], list[SourceView]]:
    """The derivation blocks: figures in the text in order, then the derived inputs they lead
    to, each in the section of the first figure that leads to it. ``text`` is the article's
    rendered Markdown (``places``)."""
    sources = SourceIndex()
    shown = units or {}
    seen = places(text)
    order: dict[str, tuple[Figure, bool, str | None]] = {
        key: (f, True, seen[key].section if key in seen else None)
        for key, f in figures.items()}
    queue = list(figures.values())
    while queue:
        figure = queue.pop(0)
        for child in figure.inputs:
            if child.inputs and anchor(child) not in order:
                order[anchor(child)] = (child, False, order[anchor(figure)][2])
                queue.append(child)
    blocks = []
    for key, (figure, in_text, section) in order.items():
        inputs = tuple(_input_view(child, sources, order) for child in figure.inputs)
        blocks.append(DerivationView(
            anchor=key, label=_spaced(figure.describe()),
            value=value_text(figure, shown.get(key), qualify=False),
            range=range_text(figure, shown.get(key)), status=figure.status.value,
            status_label=status_label(figure), formula=_spaced(figure.formula), inputs=inputs,
            hypotheses=tuple(french_spacing(h.describe()) for h in figure.hypotheses()),
            reference=_reference(figure, sources, shown.get(key)),
            source_citation=sources.cite(figure.source),
            source_anchor=source_anchor(figure.source) if figure.source else None,
            locator=_spaced(figure.parameter.locator if figure.parameter else None),
            note=_spaced(figure.note), quote=_quote(figure), no_quote=_no_quote(figure),
            text_anchor=text_anchor(figure) if in_text else None,
            shown=seen[key].shown if in_text and key in seen else None, section=section,
            checks=tuple(check_text(check) for check in figure.checks),
        ))
        if blocks[-1].shown:
            blocks[-1] = replace(blocks[-1], precise=_numbers(blocks[-1].shown)
                                 != _numbers(blocks[-1].value))
    for source in citations:
        sources.cite(source)
    return blocks, sources.views()


__all__ = ["DerivationView", "InputView", "Place", "SourceView", "Status", "build", "places",
           "summary"]
