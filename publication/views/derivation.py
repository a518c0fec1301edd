"""What the « Comment a-t-on calculé ? » page and the « Sources » sections show, ready for
templates.

Each figure a reader saw gets a block: its value, its formula, and each direct input with its
value, status and numbered source. A derived input links to its own block, so a reader can walk
from « plus de 25 000 t » down to the hypotheses it rests on. The article itself only says how
many figures it computes (``summary``). Templates only loop over this.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from calculators import CalculatorError, Figure, Source, Status
from calculators.units import written
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
    source_number: int | None
    source_anchor: str | None
    locator: str | None
    note: str | None
    #: The sentence read in the document that gives the value, verbatim (``quote:``).
    quote: str | None
    derivation_anchor: str | None
    #: Why a share has no quote (``no_quote:``).
    no_quote: str | None = None


@dataclass(frozen=True)
class DerivationView:
    anchor: str
    label: str
    value: str
    range: str | None
    status: str
    status_label: str
    formula: str | None
    inputs: tuple[InputView, ...]
    hypotheses: tuple[str, ...]
    reference: str | None
    source_number: int | None
    source_anchor: str | None
    locator: str | None
    note: str | None
    quote: str | None
    #: The id of the figure's first occurrence in the text, when the reader saw it there.
    text_anchor: str | None
    no_quote: str | None = None


@dataclass(frozen=True)
class SourceView:
    number: int
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


def value_text(figure: Figure, shown: DisplayUnit | None = None) -> str:
    """The value in ``shown`` (the unit the reader saw in the text) or in its own unit."""
    if shown is None:
        return format_quantity(figure.value, _display(figure), digits=DERIVATION_DIGITS)
    return format_quantity(figure.to(shown.pint).value, shown, digits=DERIVATION_DIGITS)


def range_text(figure: Figure, shown: DisplayUnit | None = None) -> str | None:
    if not figure.has_range:
        return None
    if shown is None:
        return format_range(figure.low.magnitude, figure.high.magnitude, _display(figure),
                            digits=3)
    converted = figure.to(shown.pint)
    return format_range(converted.low.magnitude, converted.high.magnitude, shown, digits=3)


class SourceIndex:
    """Numbers sources in order of first use on a page."""

    def __init__(self) -> None:
        self._numbers: dict[str, tuple[int, Source]] = {}

    def number(self, source: Source | None) -> int | None:
        if source is None:
            return None
        if source.id not in self._numbers:
            self._numbers[source.id] = (len(self._numbers) + 1, source)
        return self._numbers[source.id][0]

    def views(self) -> list[SourceView]:
        return [
            SourceView(
                number=n, anchor=source_anchor(s), authors=", ".join(s.authors), year=s.year,
                title=s.title, venue=s.venue, url=s.url, doi=s.doi, doi_url=s.doi_url,
                note=_spaced(s.note),
                accessed=french_date(s.accessed) if s.accessed else None,
                version=_spaced(s.version),
            )
            for n, s in self._numbers.values()
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


def _input_view(figure: Figure, sources: SourceIndex) -> InputView:
    derived = bool(figure.inputs)
    return InputView(
        label=_spaced(figure.describe()), value=value_text(figure), range=range_text(figure),
        status=figure.status.value, status_label=status_label(figure),
        source_number=sources.number(figure.source),
        source_anchor=source_anchor(figure.source) if figure.source else None,
        locator=_spaced(figure.parameter.locator if figure.parameter else None),
        note=_spaced(figure.note), quote=_quote(figure), no_quote=_no_quote(figure),
        derivation_anchor=anchor(figure) if derived else None,
    )


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
    sources.number(figure.reference.source)
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


def build(figures: Mapping[str, Figure], citations: Iterable[Source],
          units: Mapping[str, DisplayUnit] | None = None,
          ) -> tuple[list[DerivationView], list[SourceView]]:
    """The derivation blocks (figures in text first, then the derived inputs they lead to)."""
    sources = SourceIndex()
    shown = units or {}
    order: dict[str, tuple[Figure, bool]] = {key: (f, True) for key, f in figures.items()}
    queue = list(figures.values())
    while queue:
        figure = queue.pop(0)
        for child in figure.inputs:
            if child.inputs and anchor(child) not in order:
                order[anchor(child)] = (child, False)
                queue.append(child)
    blocks = []
    for key, (figure, in_text) in order.items():
        inputs = tuple(_input_view(child, sources) for child in figure.inputs)
        blocks.append(DerivationView(
            anchor=key, label=_spaced(figure.describe()),
            value=value_text(figure, shown.get(key)),
            range=range_text(figure, shown.get(key)), status=figure.status.value,
            status_label=status_label(figure), formula=_spaced(figure.formula), inputs=inputs,
            hypotheses=tuple(french_spacing(h.describe()) for h in figure.hypotheses()),
            reference=_reference(figure, sources, shown.get(key)),
            source_number=sources.number(figure.source),
            source_anchor=source_anchor(figure.source) if figure.source else None,
            locator=_spaced(figure.parameter.locator if figure.parameter else None),
            note=_spaced(figure.note), quote=_quote(figure), no_quote=_no_quote(figure),
            text_anchor=text_anchor(figure) if in_text else None,
        ))
    for source in citations:
        sources.number(source)
    return blocks, sources.views()


__all__ = ["DerivationView", "InputView", "SourceView", "Status", "build", "summary"]
