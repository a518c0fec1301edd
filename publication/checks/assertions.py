"""Checked sentences: the words an article declares in ``assertions:`` must still be in it, and
the figures must still support them.

A sentence such as « l’utilisation émet bien davantage que l’entraînement » is true only while
the low end of the ratio stays above 1. The editor writes, in the front matter, the words and the
condition; this module finds the words in the file (front matter or body, outside the
``assertions:`` block itself) and reports, at their line, a condition the figures no longer meet.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

from calculators import CalculatorError, Figure
from calculators.comparisons import RELATION_WORDS, CheckedAssertion, Comparison, compare
from calculators.units import Quantity
from macros.comparisons import number_text, range_text
from publication.checks.source_text import blank, prose_of
from publication.model.frontmatter import SourceFile
from publication.model.schema import Assertion
from vocabulary.errors import ContentError
from vocabulary.hints import suggest

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_SPACE = re.compile(r"[\s\u00a0\u202f\u2009]+")
SHARE_HINT = ("la borne semble écrite en pourcentage : une part s’écrit 0.5 pour 50 % "
              "(« above: 0.5 »)")
REWORD_HINT = ("reformulez la phrase pour qu’elle vaille sur toute la fourchette, ou, si elle "
               "dit autre chose, corrigez sa condition dans « assertions »")


def _normal(text: str) -> str:
    return _SPACE.sub(" ", text.replace("'", "’")).casefold()


class _Searchable:
    """The file's text with whitespace folded, each character remembering its line; the
    ``assertions:`` block is left out, since it quotes every sentence it checks, and so are the
    body's code, Jinja and comments, which readers never see."""

    def __init__(self, raw: str, source: SourceFile) -> None:
        # The body as readers get it: no code, no Jinja, no comment (words there are unseen).
        prose = _COMMENT.sub(blank, prose_of(source.body).text)
        lines = raw.splitlines()[:source.body_offset] + prose.splitlines()
        skipped = self._assertion_lines(source, len(lines))
        chars: list[str] = []
        line_of: list[int] = []
        for number, line in enumerate(lines, 1):
            if number in skipped:
                continue
            for char in _normal(line) + " ":
                if char == " " and chars and chars[-1] == " ":
                    continue
                chars.append(char)
                line_of.append(number)
        self.text = "".join(chars)
        self.line_of = line_of

    @staticmethod
    def _assertion_lines(source: SourceFile, count: int) -> range:
        start = source.key_lines.get("assertions")
        if start is None:
            return range(0)
        later = [line for line in source.key_lines.values() if line > start]
        end = min([*later, source.body_offset or count + 1])
        return range(start, end)

    def find(self, words: str) -> int | None:
        """The line where ``words`` start, or None when the file no longer holds them."""
        index = self.text.find(_normal(words).strip())
        return None if index < 0 else self.line_of[index]


def _bound_figure(bound: float | str, figure: Figure,
                  resolve: Callable[[str], Figure]) -> Figure:
    if isinstance(bound, str):
        return resolve(bound)
    quantity = Quantity(bound, figure.unit)
    return Figure(quantity=quantity, low=quantity, high=quantity, status=figure.status,
                  label=number_text(bound))


def _share_against_percent(comparison: Comparison, bound: Figure) -> bool:
    """A share (0 to 1) against a number bound above 1: the bound was written as a
    percentage (50 for 0.5), not the sentence wrong."""
    return (bound.key is None and not comparison.unit.dimensionality
            and 0 <= comparison.low <= comparison.high <= 1 < comparison.bound_low)


def _failure(assertion: Assertion, figure: Figure, comparison: Comparison,
             bound: Figure) -> str:
    bound_text = bound.label if bound.key is None else f"« {bound.label} »"
    return (f"« {assertion.text} » : les chiffres ne le soutiennent plus ; « {figure.label} » "
            f"{range_text(comparison)}, alors que la phrase demande qu’il soit "
            f"{RELATION_WORDS[comparison.relation]} {bound_text} sur toute sa fourchette")


def _unknown(name: str, names: Collection[str]) -> CalculatorError | None:
    if name in names:
        return None
    return CalculatorError("chiffre inconnu", key=name,
                           hint=suggest(name, names) or "un identifiant de paramètre ou de "
                           "calcul, tel que l’article l’appelle ; voir make calculators")


def check_assertions(assertions: Sequence[Assertion], raw: str, source: SourceFile, file: str,
                     resolve: Callable[[str], Figure], names: Collection[str]
                     ) -> tuple[list[CheckedAssertion], list[ContentError]]:
    """The assertions that hold, and an error for each that does not: at the line of its words,
    or, when the words are gone or a figure cannot be computed, at the line of the assertion's
    field that says so (``text``, ``figure`` or the bound)."""
    searchable = _Searchable(raw, source)
    checked: list[CheckedAssertion] = []
    errors: list[ContentError] = []
    for assertion in assertions:
        number = assertion.number

        def line_of(field: str, number: int = number) -> int:
            return source.line_of(("assertions", number - 1, field))

        line = searchable.find(assertion.text)
        if line is None:
            errors.append(ContentError(
                file, line_of("text"), f"affirmation {number} : « {assertion.text} » ne figure "
                "pas dans l’article", "copiez les mots exacts de la phrase (l’en-tête ou le "
                "texte), ou retirez l’affirmation si la phrase a disparu", key="assertions"))
            continue
        named = [("figure", assertion.figure),
                 *((relation, b) for relation, b in assertion.bounds() if isinstance(b, str))]
        unknown = next(((f, error) for f, name in named
                        if (error := _unknown(name, names)) is not None), None)
        field = unknown[0] if unknown else "figure"
        try:
            if unknown:
                raise unknown[1]
            figure = resolve(assertion.figure)
            pairs = []
            for field, bound in assertion.bounds():
                bound_figure = _bound_figure(bound, figure, resolve)
                pairs.append((compare(figure, field, bound_figure), bound_figure))
        except CalculatorError as error:
            name = error.key or assertion.figure
            errors.append(ContentError(file, line_of(field), f"affirmation {number} : "
                                       f"« {name} » : {error.message}", error.hint,
                                       key="assertions"))
            continue
        failed = [(c, b) for c, b in pairs if not c.holds]
        errors.extend(ContentError(file, line, _failure(assertion, figure, c, b),
                                   SHARE_HINT if _share_against_percent(c, b) else REWORD_HINT)
                      for c, b in failed)
        if not failed:
            checked.append(CheckedAssertion(assertion.text, figure, tuple(pairs)))
    return checked, errors


__all__ = ["check_assertions"]
