"""The formula language of data-declared calculations: tokenizer, parser, unit check, evaluation.

Grammar (whitespace is free; everything else is refused)::

    formula  := sum
    sum      := product (("+" | "-" | "−") product)*
    product  := power (("*" | "×" | "/" | "÷") power)*
    power    := atom ("**" EXPONENT)?          EXPONENT: an integer literal from 2 to 4
    atom     := NAME | FUNCTION "(" sum ("," sum)* ")" | "(" sum ")"
    NAME     := [a-z][a-z0-9_]*                a parameter, convention or calculation id
    FUNCTION := "share" | "spread"

    condition := side COMPARE side             a calculation's ``requires:``
    side      := sum | "0"
    COMPARE   := "<" | ">" | "<=" | ">=" | "≤" | "≥"

There are no other numbers: a constant is a named convention (``conventions.yml``). ``share(x)``
is ``x`` (a fraction between 0 and 1) as a percentage; ``spread(a, b, …)`` is the median of its
arguments with their minimum and maximum as its range (``calculators.figure.spread``). A
condition compares the central values of its two sides, which measure the same quantity; zero,
the one number it may hold, compares with any unit (« eu_pace > 0 »).

Sums and products are parsed as flat chains evaluated left to right, so a long chain is a loop,
not a deep tree; only parentheses and calls nest, and their depth is bounded. The tree is plain
data (names, operators, exponents, function names), so a small script can evaluate it too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pint

from vocabulary.hints import suggest

from .errors import CalculatorError
from .figure import Figure, spread
from .shares import as_share
from .units import registry, written

#: Bounds on untrusted formulas: text length, nesting of parentheses and calls, arguments.
MAX_LENGTH = 500
MAX_DEPTH = 12
MAX_ARGUMENTS = 12
EXPONENTS = (2, 3, 4)
FUNCTIONS = ("share", "spread")

_OPERATORS = {"+": "+", "-": "-", "−": "-", "*": "*", "×": "*", "/": "/", "÷": "/"}
#: Comparisons of conditions, as written (two characters first) and as stored.
_COMPARISONS = {"<=": "<=", ">=": ">=", "≤": "<=", "≥": ">=", "<": "<", ">": ">"}
_SPACES = " \t\u00a0\u202f"
_NUMBER_HINT = "un nombre s’écrit comme une convention nommée (conventions.yml)"


class FormulaError(CalculatorError):
    """A formula is wrong; ``column`` (from 1) says where in it. The loader places it in its
    data file (``DataError``)."""

    def __init__(self, message: str, column: int | None = None, hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.column = column


# -- tree ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Name:
    name: str
    column: int


@dataclass(frozen=True)
class Chain:
    """``first op₁ operand₁ op₂ operand₂ …``, left to right; ops all ``+ -`` or all ``* /``."""

    first: Node
    rest: tuple[tuple[str, int, Node], ...]  # (operator, column, operand)


@dataclass(frozen=True)
class Power:
    base: Node
    exponent: int
    column: int


@dataclass(frozen=True)
class Call:
    function: str
    arguments: tuple[Node, ...]
    column: int


Node = Name | Chain | Power | Call


@dataclass(frozen=True)
class Zero:
    """The literal ``0``, allowed as a whole side of a condition only."""

    column: int


@dataclass(frozen=True)
class Condition:
    """``left operator right``: a requirement of a calculation, on central values."""

    left: Node | Zero
    operator: str  # "<", ">", "<=" or ">="
    right: Node | Zero
    column: int  # the operator's


def condition_names(condition: Condition) -> Iterator[Name]:
    """Every name the condition reads, left to right."""
    for side in (condition.left, condition.right):
        if not isinstance(side, Zero):
            yield from names(side)


def names(node: Node) -> Iterator[Name]:
    """Every name the formula reads, left to right (repeats included)."""
    if isinstance(node, Name):
        yield node
    elif isinstance(node, Chain):
        yield from names(node.first)
        for _, _, operand in node.rest:
            yield from names(operand)
    elif isinstance(node, Power):
        yield from names(node.base)
    else:
        for argument in node.arguments:
            yield from names(argument)


# -- tokenizer -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    kind: str  # "name", "number", "op", "compare", "(", ")", ",", "**", "end"
    text: str
    column: int


def _describe(token: _Token, whole: str = "formule") -> str:
    return f"la fin de la {whole}" if token.kind == "end" else f"« {token.text} »"


def tokenize(text: str) -> list[_Token]:
    """The tokens of ``text``; a ``FormulaError`` at the first character that cannot start one."""
    tokens: list[_Token] = []
    i = 0
    while i < len(text):
        char = text[i]
        column = i + 1
        if char in _SPACES:
            i += 1
        elif char.isascii() and (char.isalpha() or char == "_"):
            j = i
            while j < len(text) and text[j].isascii() and (text[j].isalnum() or text[j] == "_"):
                j += 1
            word = text[i:j]
            if not (word[0].islower() and word == word.lower()):
                raise FormulaError(f"nom invalide « {word} », colonne {column}", column,
                                   "un nom s’écrit en minuscules, chiffres et _, sans accent")
            tokens.append(_Token("name", word, column))
            i = j
        elif char.isdigit():
            j = i
            while j < len(text) and (text[j].isdigit() or (
                    text[j] in ".eE" and j + 1 < len(text) and text[j + 1].isdigit())):
                j += 1  # a whole number (0.5, 1e6), so that the error names it
            tokens.append(_Token("number", text[i:j], column))
            i = j
        elif text.startswith("**", i):
            tokens.append(_Token("**", "**", column))
            i += 2
        elif text[i:i + 2] in _COMPARISONS or char in _COMPARISONS:
            written_as = text[i:i + 2] if text[i:i + 2] in _COMPARISONS else char
            tokens.append(_Token("compare", _COMPARISONS[written_as], column))
            i += len(written_as)
        elif char in _OPERATORS:
            tokens.append(_Token("op", char, column))
            i += 1
        elif char in "(),":
            tokens.append(_Token(char, char, column))
            i += 1
        else:
            hint = {".": _NUMBER_HINT, ":": "pour diviser, écrivez ÷ ou /",
                    "·": "pour multiplier, écrivez × ou *",
                    "^": "une puissance s’écrit ** 2"}.get(
                        char, "opérations possibles : + - × ÷ * / ** et parenthèses")
            if not char.isascii() and char.isalpha():
                hint = "un nom s’écrit sans accent : minuscules, chiffres et _"
            if char == "=":
                hint = "une condition compare avec < > <= >= ≤ ≥ (pas d’égalité : les valeurs " \
                       "calculées sont rarement exactes)"
            raise FormulaError(f"caractère inattendu « {char} », colonne {column}", column, hint)
    tokens.append(_Token("end", "", len(text) + 1))
    return tokens


# -- parser --------------------------------------------------------------------------------------


class _Parser:
    def __init__(self, tokens: list[_Token], whole: str = "formule") -> None:
        self.tokens = tokens
        self.position = 0
        self.depth = 0
        #: What is parsed, for messages: « formule » or « condition ».
        self.whole = whole

    @property
    def current(self) -> _Token:
        return self.tokens[self.position]

    def advance(self) -> _Token:
        token = self.tokens[self.position]
        self.position += 1
        return token

    def unexpected(self, expected: str) -> FormulaError:
        token = self.current
        if token.kind == "number":
            return FormulaError(
                f"nombre inattendu « {token.text} », colonne {token.column}", token.column,
                "pas de nombre dans une formule : nommez-le dans conventions.yml "
                "(seuls les exposants ** 2, 3 ou 4 sont des nombres)",
            )
        return FormulaError(f"{_describe(token, self.whole)} inattendu, colonne {token.column}",
                            token.column, f"attendu : {expected}")

    def formula(self) -> Node:
        node = self.sum()
        if self.current.kind != "end":
            error = self.unexpected("une opération (+ - × ÷) ou la fin de la formule")
            if self.current.text == "x":
                error.hint = "pour multiplier, écrivez × ou *"
            elif self.current.kind == "compare":
                error.hint = "une comparaison s’écrit dans « requires: », pas dans la formule"
            raise error
        return node

    def condition(self) -> Condition:
        left = self.side()
        token = self.current
        if token.kind != "compare":
            raise self.unexpected("une comparaison : < > <= >= ≤ ≥")
        self.advance()
        right = self.side()
        if self.current.kind != "end":
            raise self.unexpected("la fin de la condition (une seule comparaison)")
        if isinstance(left, Zero) and isinstance(right, Zero):
            raise FormulaError(f"condition sans nom, colonne {left.column}", left.column,
                               "comparez un calcul ou un paramètre, par exemple : rythme > 0")
        return Condition(left, token.text, right, token.column)

    def side(self) -> Node | Zero:
        token = self.current
        if token.kind == "number" and token.text == "0":
            self.advance()
            if self.current.kind in ("end", "compare"):
                return Zero(token.column)
            raise FormulaError(f"« 0 » dans un calcul, colonne {token.column}", token.column,
                               "dans une condition, 0 est seul d’un côté de la comparaison")
        return self.sum()

    def _chain(self, operators: str, operand: Callable[[], Node]) -> Node:
        first = operand()
        rest: list[tuple[str, int, Node]] = []
        while self.current.kind == "op" and _OPERATORS[self.current.text] in operators:
            token = self.advance()
            rest.append((_OPERATORS[token.text], token.column, operand()))
        return Chain(first, tuple(rest)) if rest else first

    def sum(self) -> Node:
        return self._chain("+-", self.product)

    def product(self) -> Node:
        return self._chain("*/", self.power)

    def power(self) -> Node:
        base = self.atom()
        if self.current.kind != "**":
            return base
        operator = self.advance()
        token = self.current
        if token.kind != "number" or not token.text.isdigit() \
                or int(token.text) not in EXPONENTS:
            raise FormulaError(
                f"exposant invalide {_describe(token)}, colonne {token.column}", token.column,
                "un exposant est un entier écrit en chiffres : 2, 3 ou 4",
            )
        self.advance()
        if self.current.kind == "**":
            raise FormulaError(f"double exposant, colonne {self.current.column}",
                               self.current.column, "mettez des parenthèses")
        return Power(base, int(token.text), operator.column)

    def _enter(self, column: int) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise FormulaError(f"trop de parenthèses imbriquées, colonne {column}", column,
                               f"au plus {MAX_DEPTH} niveaux ; découpez la formule en "
                               "plusieurs calculs")

    def atom(self) -> Node:
        token = self.current
        if token.kind == "(":
            self.advance()
            self._enter(token.column)
            node = self.sum()
            self._close(token)
            self.depth -= 1
            return node
        if token.kind != "name":
            raise self.unexpected("un nom ou « ( »")
        self.advance()
        if self.current.kind != "(":
            return Name(token.text, token.column)
        opening = self.advance()
        self._enter(opening.column)
        if self.current.kind == ")":
            raise FormulaError(
                f"« {token.text}() » sans argument, colonne {token.column}", token.column,
                "dans une formule, un calcul s’écrit sans parenthèses : "
                f"{token.text}" if token.text not in FUNCTIONS else "indiquez ses arguments",
            )
        arguments = [self.sum()]
        while self.current.kind == ",":
            self.advance()
            arguments.append(self.sum())
            if len(arguments) > MAX_ARGUMENTS:
                raise FormulaError(f"trop d’arguments, colonne {token.column}", token.column,
                                   f"au plus {MAX_ARGUMENTS}")
        self._close(opening)
        self.depth -= 1
        return Call(token.text, tuple(arguments), token.column)

    def _close(self, opening: _Token) -> None:
        if self.current.kind != ")":
            if self.current.kind == "end":
                raise FormulaError(f"parenthèse ouverte colonne {opening.column} jamais "
                                   "refermée", opening.column, "ajoutez « ) »")
            raise self.unexpected("« ) »" + (" ou « , »" if opening.kind == "(" else ""))
        self.advance()


def parse(text: str) -> Node:
    """The tree of ``text``, or a ``FormulaError`` with the column of the first problem."""
    if not text.strip():
        raise FormulaError("formule vide", None, "exemple : a × b ÷ c")
    if len(text) > MAX_LENGTH:
        raise FormulaError(f"formule trop longue ({len(text)} caractères, au plus {MAX_LENGTH})",
                           None, "découpez-la en plusieurs calculs")
    return _Parser(tokenize(text)).formula()


def parse_condition(text: str) -> Condition:
    """The condition ``text`` (« a <= b »), or a ``FormulaError`` at its first problem."""
    if not text.strip():
        raise FormulaError("condition vide", None, "exemple : part_des_75_ans <= part_des_60_ans")
    if len(text) > MAX_LENGTH:
        raise FormulaError(f"condition trop longue ({len(text)} caractères, au plus "
                           f"{MAX_LENGTH})", None, "faites-en un calcul, puis comparez-le")
    return _Parser(tokenize(text), "condition").condition()


# -- checks without values -----------------------------------------------------------------------


def check_functions(node: Node) -> list[FormulaError]:
    """Calls to unknown functions, and calls with the wrong number of arguments."""
    problems = []
    for call in _calls(node):
        if call.function not in FUNCTIONS:
            problems.append(FormulaError(
                f"fonction inconnue « {call.function} », colonne {call.column}", call.column,
                suggest(call.function, FUNCTIONS) or "fonctions possibles : share(x), "
                "spread(a, b, …) ; un calcul s’écrit sans parenthèses",
            ))
        elif call.function == "share" and len(call.arguments) != 1:
            problems.append(FormulaError(f"share() prend un seul argument, colonne {call.column}",
                                         call.column, "exemple : share(part_des_femmes)"))
        elif call.function == "spread" and len(call.arguments) < 2:
            problems.append(FormulaError(f"spread() compare au moins deux estimations, colonne "
                                         f"{call.column}", call.column, "exemple : spread(a, b)"))
    return problems


def _calls(node: Node) -> Iterator[Call]:
    if isinstance(node, Call):
        yield node
        for argument in node.arguments:
            yield from _calls(argument)
    elif isinstance(node, Chain):
        yield from _calls(node.first)
        for _, _, operand in node.rest:
            yield from _calls(operand)
    elif isinstance(node, Power):
        yield from _calls(node.base)


_VERBS = {"+": "d’additionner", "-": "de soustraire"}


def unit_of(node: Node, lookup: Callable[[str], pint.Unit | None]) -> pint.Unit | None:
    """The unit the formula gives, from the units of its names (``lookup``; None: unknown).

    Sums, differences and ``spread`` need one dimension; ``share`` needs a fraction. A problem
    is a ``FormulaError`` at the column of the operator or call; None when a name's unit is
    unknown (already reported elsewhere).
    """
    if isinstance(node, Name):
        return lookup(node.name)
    if isinstance(node, Power):
        base = unit_of(node.base, lookup)
        return None if base is None else base ** node.exponent
    if isinstance(node, Call):
        units = [unit_of(argument, lookup) for argument in node.arguments]
        if any(unit is None for unit in units):
            return None
        if node.function == "share":
            if units[0].dimensionality:
                raise FormulaError(
                    f"share() attend une fraction sans unité, pas des {written(units[0])}, colonne "
                    f"{node.column}", node.column, "une part s’écrit 0.73 pour 73 %")
            return registry.percent
        for unit in units[1:]:
            if unit.dimensionality != units[0].dimensionality:
                raise FormulaError(
                    f"spread() compare des grandeurs différentes ({written(units[0])} et "
                    f"{written(unit)}), colonne {node.column}", node.column,
                    "chaque estimation doit avoir une unité compatible")
        return units[0]
    result = unit_of(node.first, lookup)
    for operator, column, operand in node.rest:
        unit = unit_of(operand, lookup)
        if result is None or unit is None:
            result = None
        elif operator in "+-":
            if unit.dimensionality != result.dimensionality:
                raise FormulaError(
                    f"impossible {_VERBS[operator]} des {_unit_text(result)} et des "
                    f"{_unit_text(unit)}, colonne {column}", column,
                    "les deux termes doivent mesurer la même grandeur")
        else:
            result = result * unit if operator == "*" else result / unit
    return result


def check_condition(condition: Condition, lookup: Callable[[str], pint.Unit | None]) -> None:
    """A ``FormulaError`` when the two sides of ``condition`` do not measure the same quantity
    (zero compares with anything), or when a side is itself wrong."""
    left, right = (None if isinstance(side, Zero) else unit_of(side, lookup)
                   for side in (condition.left, condition.right))
    if left is not None and right is not None and left.dimensionality != right.dimensionality:
        raise FormulaError(
            f"impossible de comparer des {_unit_text(left)} et des {_unit_text(right)}, "
            f"colonne {condition.column}", condition.column,
            "les deux côtés doivent mesurer la même grandeur")


def _unit_text(unit: pint.Unit) -> str:
    return f"« {written(unit)} »" if unit.dimensionality else "nombres sans unité"


# -- evaluation ----------------------------------------------------------------------------------


def evaluate(node: Node, resolve: Callable[[str], Figure]) -> Figure:
    """The formula computed on figures: units checked, ranges carried, derivation written."""
    if isinstance(node, Name):
        return resolve(node.name)
    if isinstance(node, Power):
        return evaluate(node.base, resolve) ** node.exponent
    if isinstance(node, Call):
        arguments = [evaluate(argument, resolve) for argument in node.arguments]
        if node.function == "share":
            return as_share(arguments[0])
        if node.function == "spread":
            return spread(arguments)
        raise CalculatorError(f"fonction inconnue « {node.function} »")
    result = evaluate(node.first, resolve)
    for operator, _, operand in node.rest:
        value = evaluate(operand, resolve)
        if operator == "+":
            result = result + value
        elif operator == "-":
            result = result - value
        elif operator == "*":
            result = result * value
        else:
            result = result / value
    return result


def holds(condition: Condition, resolve: Callable[[str], Figure]) -> bool:
    """Whether the central values of the condition's two sides compare as it says."""
    left, right = (0.0 if isinstance(side, Zero)
                   else float(evaluate(side, resolve).quantity.to_base_units().magnitude)
                   for side in (condition.left, condition.right))
    if condition.operator == "<":
        return left < right
    if condition.operator == ">":
        return left > right
    if condition.operator == "<=":
        return left <= right
    return left >= right


__all__ = ["EXPONENTS", "FUNCTIONS", "MAX_DEPTH", "MAX_LENGTH", "Call", "Chain", "Condition",
           "FormulaError", "Name", "Node", "Power", "Zero", "check_condition", "check_functions",
           "condition_names", "evaluate", "holds", "names", "parse", "parse_condition",
           "tokenize", "unit_of"]
