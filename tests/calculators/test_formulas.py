"""The formula language: tokens, precedence, errors with their column, units, evaluation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import CalculatorError, Figure, UnitMismatchError, spread
from calculators.formulas import (
    MAX_DEPTH,
    MAX_LENGTH,
    Call,
    Chain,
    FormulaError,
    Name,
    Node,
    Power,
    check_functions,
    evaluate,
    parse,
    unit_of,
)
from calculators.model import Parameter, Source, Status
from calculators.shares import as_share
from calculators.units import parse_unit

SOURCE = Source(id="s", authors=("A",), title="T", venue="V", year=2020, url="https://e.org")


def shape(node: Node) -> object:
    """The tree as nested tuples, without columns: easy to compare."""
    if isinstance(node, Name):
        return node.name
    if isinstance(node, Power):
        return ("**", shape(node.base), node.exponent)
    if isinstance(node, Call):
        return (node.function, *(shape(a) for a in node.arguments))
    assert isinstance(node, Chain)
    result = shape(node.first)
    for operator, _, operand in node.rest:
        result = (operator, result, shape(operand))
    return result


def error_of(text: str) -> FormulaError:
    with pytest.raises(FormulaError) as caught:
        parse(text)
    return caught.value


# -- parsing -------------------------------------------------------------------------------------


def test_products_bind_tighter_than_sums_and_chains_go_left_to_right() -> None:
    assert shape(parse("a + b × c")) == ("+", "a", ("*", "b", "c"))
    assert shape(parse("a - b - c")) == ("-", ("-", "a", "b"), "c")
    assert shape(parse("a / b / c")) == ("/", ("/", "a", "b"), "c")
    assert shape(parse("(a + b) * c")) == ("*", ("+", "a", "b"), "c")
    assert shape(parse("a × b ** 2")) == ("*", "a", ("**", "b", 2))
    assert shape(parse("(a × b) ** 3")) == ("**", ("*", "a", "b"), 3)


def test_typographic_operators_are_the_ascii_ones() -> None:
    assert shape(parse("a × b ÷ c − d")) == shape(parse("a * b / c - d"))
    assert shape(parse("a\u00a0×\u202fb")) == ("*", "a", "b")


def test_functions_take_expressions() -> None:
    assert shape(parse("spread(a, share(b), c × d)")) == \
        ("spread", "a", ("share", "b"), ("*", "c", "d"))


def test_columns_point_at_names_and_operators() -> None:
    tree = parse("aa + bbb")
    assert isinstance(tree, Chain) and isinstance(tree.first, Name)
    assert tree.first.column == 1
    operator, column, operand = tree.rest[0]
    assert (operator, column) == ("+", 4)
    assert isinstance(operand, Name) and operand.column == 6


@pytest.mark.parametrize(("text", "column", "words"), [
    ("a + * b", 5, "« * » inattendu"),
    ("a + ", 5, "la fin de la formule inattendu"),
    ("a b", 3, "« b » inattendu"),
    ("(a + b", 1, "jamais refermée"),
    ("a + b)", 6, "« ) » inattendu"),
    ("a × 24", 5, "nombre inattendu « 24 »"),
    ("a × 0.5", 5, "nombre inattendu"),
    ("a ** 5", 6, "exposant invalide « 5 »"),
    ("a ** b", 6, "exposant invalide « b »"),
    ("a ** 2 ** 2", 8, "double exposant"),
    ("a % b", 3, "caractère inattendu « % »"),
    ("énergie × b", 1, "caractère inattendu « é »"),
    ("Energy × b", 1, "nom invalide « Energy »"),
    ("calcul() × b", 1, "« calcul() » sans argument"),
])
def test_syntax_errors_give_their_column(text: str, column: int, words: str) -> None:
    error = error_of(text)
    assert error.column == column
    assert words in error.message
    assert f"colonne {column}" in error.message


@pytest.mark.parametrize(("text", "hint"), [
    ("a x b", "pour multiplier, écrivez × ou *"),
    ("a · b", "pour multiplier, écrivez × ou *"),
    ("a : b", "pour diviser, écrivez ÷ ou /"),
    ("a ^ 2", "une puissance s’écrit ** 2"),
    ("a × 0.5", "pas de nombre dans une formule : nommez-le dans conventions.yml (seuls les "
     "exposants ** 2, 3 ou 4 sont des nombres)"),
])
def test_common_slips_get_a_hint(text: str, hint: str) -> None:
    assert error_of(text).hint == hint


def test_a_called_calculation_is_told_to_drop_its_parentheses() -> None:
    assert "sans parenthèses" in error_of("gpt3_training_energy() × b").hint


def test_bounds_on_length_and_nesting() -> None:
    assert "trop longue" in error_of("a + " * (MAX_LENGTH // 4) + "a").message
    deep = "(" * (MAX_DEPTH + 1) + "a" + ")" * (MAX_DEPTH + 1)
    assert "imbriquées" in error_of(deep).message
    parse("(" * MAX_DEPTH + "a" + ")" * MAX_DEPTH)
    assert error_of("   ").message == "formule vide"


def test_long_chains_are_flat_not_deep() -> None:
    tree = parse(" + ".join(["a"] * 120))
    assert isinstance(tree, Chain) and len(tree.rest) == 119


def test_unknown_functions_and_wrong_arguments() -> None:
    messages = [e.message for e in check_functions(parse("sqrt(a) + share(a, b) + spread(a)"))]
    assert messages[0] == "fonction inconnue « sqrt », colonne 1"
    assert messages[1].startswith("share() prend un seul argument")
    assert messages[2].startswith("spread() compare au moins deux")
    [suggested] = check_functions(parse("shar(a)"))
    assert suggested.hint == "vouliez-vous dire « share » ?"


# -- units ---------------------------------------------------------------------------------------

UNITS = {"energy": "kWh", "power": "W", "time": "hour", "days": "day", "share": "",
         "intensity": "kgCO2e/kWh", "count": "query"}


def units(text: str) -> object:
    return unit_of(parse(text), lambda name: parse_unit(UNITS[name]) if name in UNITS else None)


def test_units_follow_the_operations() -> None:
    assert units("power × time").dimensionality == parse_unit("kWh").dimensionality
    assert units("energy × intensity") == parse_unit("kgCO2e")
    assert units("energy ÷ count") == parse_unit("kWh/query")
    assert units("time ** 2") == parse_unit("hour ** 2")
    assert units("share(share)") == parse_unit("percent")
    assert units("spread(energy, power × time)") == parse_unit("kWh")
    assert units("energy × unknown") is None


@pytest.mark.parametrize(("text", "column", "words"), [
    ("energy + power", 8, "impossible d’additionner des « kWh » et des « W »"),
    ("energy - share", 8, "de soustraire des « kWh » et des nombres sans unité"),
    ("share(energy)", 1, "share() attend une fraction"),
    ("spread(energy, time)", 1, "spread() compare des grandeurs différentes"),
])
def test_unit_errors_give_their_column(text: str, column: int, words: str) -> None:
    with pytest.raises(FormulaError) as caught:
        units(text)
    assert caught.value.column == column
    assert words in caught.value.message


# -- evaluation ----------------------------------------------------------------------------------


def figure(key: str, value: float, unit: str, low: float | None = None,
           high: float | None = None) -> Figure:
    return Figure.from_parameter(Parameter(
        id=key, label=key.replace("_", " "), value=value, unit=unit, status=Status.PRIMARY,
        source=SOURCE, locator="p. 1", low=low, high=high,
    ))


positive = st.floats(min_value=1e-3, max_value=1e6, allow_nan=False, allow_infinity=False)


@given(a=positive, b=positive, c=positive, d=positive)
def test_evaluation_is_the_python_arithmetic(a: float, b: float, c: float, d: float) -> None:
    figures = {"a": figure("a", a, "kWh", low=a / 2), "b": figure("b", b, "kWh", high=b * 3),
               "c": figure("c", c, "hour"), "d": figure("d", d, "")}
    fa, fb, fc, fd = (figures[k] for k in "abcd")
    cases = {
        "(a + b) × d ÷ c - a ÷ c": (fa + fb) * fd / fc - fa / fc,
        "a × d ** 2 ÷ (c × c)": fa * fd ** 2 / (fc * fc),
        "spread(a, b, a + b) × d": spread([fa, fb, fa + fb]) * fd,
        "share(d ÷ (d + d)) × a": as_share(fd / (fd + fd)) * fa,
    }
    for text, expected in cases.items():
        result = evaluate(parse(text), figures.__getitem__)
        assert result.quantity == expected.quantity
        assert (result.low, result.high) == (expected.low, expected.high)
        named = result.named("x", "x", str(result.unit))
        python = expected.named("x", "x", str(expected.unit))
        assert named.formula == python.formula
        assert [i.describe() for i in named.inputs] == [i.describe() for i in python.inputs]
        assert list(named.leaves()) == list(python.leaves())


def test_derivation_text_is_the_python_calculators() -> None:
    a, b, c = figure("a_b", 2, "kWh"), figure("c_d", 3, "kWh"), figure("e", 4, "hour")
    figures = {"ab": a, "cd": b, "e": c}
    result = evaluate(parse("(ab + cd) ÷ e - cd ÷ e ÷ e × e"), figures.__getitem__)
    python = (a + b) / c - b / c / c * c
    assert result.named("r", "r", "kW").formula == python.named("r", "r", "kW").formula == \
        "(a b + c d) ÷ e − c d ÷ e ÷ e × e"


def test_powers_write_a_superscript_and_keep_the_range() -> None:
    x = figure("x", 3, "m", low=1, high=4)
    squared = evaluate(parse("x ** 2"), {"x": x}.__getitem__)
    assert squared.named("s", "s", "m**2").formula == "x²"
    assert (squared.low.magnitude, squared.high.magnitude) == (1, 16)
    cubed = evaluate(parse("(x × x) ** 3"), {"x": x}.__getitem__).named("c", "c", "m**6")
    assert cubed.formula == "(x × x)³"


def test_evaluation_checks_units_and_shares() -> None:
    figures = {"e": figure("e", 1, "kWh"), "t": figure("t", 1, "hour"),
               "big": figure("big", 73, "")}
    with pytest.raises(UnitMismatchError):
        evaluate(parse("e + t"), figures.__getitem__)
    with pytest.raises(CalculatorError) as caught:
        evaluate(parse("share(big)"), figures.__getitem__)
    assert caught.value.key == "big" and "0.73" in caught.value.hint
    with pytest.raises(CalculatorError) as caught:
        evaluate(parse("share(e)"), figures.__getitem__)
    assert "n’est pas une part" in caught.value.message
