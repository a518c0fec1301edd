"""The Jinja environment articles are rendered in.

Articles arrive by pull request, so their templates are untrusted. On top of Jinja's immutable
sandbox, this environment:

- exposes no default global (no ``range``, ``cycler``, ``namespace``, ``lipsum``…) and a short
  list of harmless filters;
- allows attribute access and calls only on a whitelist (our figures, our functions, a few
  string methods), so no ``__globals__`` or Pint internals can be reached;
- bounds every arithmetic operator, so no expression can allocate without limit;
- refuses arithmetic on figures: computations belong in calculators, where they are reviewed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from jinja2 import StrictUndefined
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from calculators import Figure

#: The longest string or sequence an operator may produce.
MAX_SEQUENCE = 10_000
#: The largest number an operator may produce.
MAX_NUMBER = 10**15

SAFE_FILTERS = ("capitalize", "escape", "e", "first", "last", "length", "lower", "title",
                "trim", "upper")
SAFE_STRING_METHODS = frozenset({"capitalize", "lower", "upper", "title", "strip"})
FIGURE_ATTRIBUTES = frozenset({"label", "has_range"})

EXPOSED = "_vraioufaux_exposed"


def exposed(function: Callable[..., Any]) -> Callable[..., Any]:
    """A function callable from article templates (bound methods are wrapped)."""

    @functools.wraps(function)
    def call(*args: Any, **kwargs: Any) -> Any:
        return function(*args, **kwargs)

    setattr(call, EXPOSED, True)
    return call


class ArticleSandbox(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"+", "-", "*", "/", "//", "%", "**"})
    intercepted_unops = frozenset({"-", "+"})

    def __init__(self, **options: Any) -> None:
        super().__init__(undefined=StrictUndefined, autoescape=True, **options)
        self.globals.clear()
        self.filters = {name: self.filters[name] for name in SAFE_FILTERS}

    # -- attribute and call whitelist -------------------------------------------------------------

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(obj, Figure):
            return attr in FIGURE_ATTRIBUTES
        if isinstance(obj, str):
            return attr in SAFE_STRING_METHODS
        return False

    def is_safe_callable(self, obj: Any) -> bool:
        if getattr(obj, EXPOSED, False):
            return True
        owner = getattr(obj, "__self__", None)
        return isinstance(owner, str) and getattr(obj, "__name__", "") in SAFE_STRING_METHODS

    # -- bounded operators ------------------------------------------------------------------------

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if isinstance(left, Figure) or isinstance(right, Figure):
            raise SecurityError("calcul sur une valeur chiffrée dans l’article")
        if operator == "**" and (
            not isinstance(right, int | float) or abs(right) > 64 or abs(left) > MAX_NUMBER
        ):
            raise SecurityError("puissance trop grande")
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                if isinstance(sequence, str | list | tuple) and isinstance(count, int) \
                        and len(sequence) * count > MAX_SEQUENCE:
                    raise SecurityError("répétition trop longue")
        result = super().call_binop(context, operator, left, right)
        if isinstance(result, str | list | tuple) and len(result) > MAX_SEQUENCE:
            raise SecurityError("chaîne trop longue")
        if isinstance(result, int | float) and not isinstance(result, bool) \
                and abs(result) > MAX_NUMBER:
            raise SecurityError("nombre trop grand")
        return result

    def call_unop(self, context: Any, operator: str, arg: Any) -> Any:
        if isinstance(arg, Figure):
            raise SecurityError("calcul sur une valeur chiffrée dans l’article")
        return super().call_unop(context, operator, arg)
