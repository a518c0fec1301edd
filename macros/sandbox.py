"""The Jinja environment articles are rendered in.

Articles arrive by pull request, so their templates are untrusted. On top of Jinja's immutable
sandbox, this environment:

- exposes no default global (no ``range``, ``cycler``, ``namespace``, ``lipsum``…) and a short
  list of harmless filters;
- allows attribute access and calls only on a whitelist (our figures, our functions, a few
  string methods), so no ``__globals__`` or Pint internals can be reached;
- refuses arithmetic on figures: computations belong in calculators, where they are reviewed;
- bounds, before it runs, everything that makes a page grow or work: the template's size and
  nesting before it is parsed (``SourceBounds``), every operator and every concatenation
  (``~``), ``%`` formatting (refused), and, for each page, the loop iterations, the characters
  operators build and the time it takes (``Budget``, opened by the renderer with ``budget()``).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from jinja2 import StrictUndefined, Undefined, nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.exceptions import SecurityError, TemplateSyntaxError
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from calculators import Figure

from .failures import Failed, fail, undefined_error
from .formatting import format_number

#: The longest string or sequence an operator may produce.
MAX_SEQUENCE = 10_000
#: The largest number an operator may produce.
MAX_NUMBER = 10**15
#: The most loop iterations a page may run, all its loops together.
MAX_ITERATIONS = 10_000
#: The most characters the operators of a page may build, all together.
MAX_WORK = 2_000_000
#: The most seconds a page may take to render (a last resort: the bounds above come first).
MAX_SECONDS = 3.0
#: The most characters of template a page may have (its body, front matter excluded).
MAX_SOURCE = 200_000
#: The deepest nesting of brackets, and of blocks (``{% if %}``, ``{% for %}``), in a template.
MAX_NESTING = 16
#: The most tokens one ``{{ … }}`` or ``{% … %}`` may hold.
MAX_TAG_TOKENS = 256
#: The deepest syntax tree a template may parse into.
MAX_TREE_DEPTH = 48

SAFE_FILTERS = ("capitalize", "escape", "e", "first", "last", "length", "lower", "title",
                "trim", "upper")
SAFE_STRING_METHODS = frozenset({"capitalize", "lower", "upper", "title", "strip"})
FIGURE_ATTRIBUTES = frozenset({"label", "has_range"})

EXPOSED = "_vraioufaux_exposed"

_SIMPLIFY = "simplifiez : un article affiche des chiffres, il ne calcule pas de texte"


def exposed(function: Callable[..., Any]) -> Callable[..., Any]:
    """A function callable from article templates (bound methods are wrapped)."""

    @functools.wraps(function)
    def call(*args: Any, **kwargs: Any) -> Any:
        return function(*args, **kwargs)

    setattr(call, EXPOSED, True)
    return call


class LimitExceeded(SecurityError):
    """A bound reached while rendering; ``reason`` and ``hint`` are the editor's, in French."""

    def __init__(self, reason: str, hint: str = _SIMPLIFY) -> None:
        super().__init__(reason)
        self.reason = reason
        self.hint = hint


class TemplateTooComplex(TemplateSyntaxError):
    """A template refused before it is parsed or compiled: too large, too deeply nested."""

    def __init__(self, reason: str, lineno: int, hint: str) -> None:
        super().__init__(reason, lineno)
        self.reason = reason
        self.hint = hint


# -- the per-page budget ---------------------------------------------------------------------


@dataclass
class Budget:
    """What one page may still spend: loop iterations, characters built, time."""

    iterations: int = MAX_ITERATIONS
    characters: int = MAX_WORK
    deadline: float = field(default_factory=lambda: time.perf_counter() + MAX_SECONDS)

    def spend(self, iterations: int = 0, characters: int = 0) -> None:
        """Take from the budget before the work is done; raise once it is exhausted."""
        self.iterations -= iterations
        self.characters -= characters
        if self.iterations < 0:
            raise LimitExceeded(
                f"boucles trop longues : plus de {format_number(MAX_ITERATIONS)} tours",
                "une boucle parcourt au plus quelques éléments ; retirez les boucles imbriquées "
                "ou répétées")
        if self.characters < 0:
            raise LimitExceeded(
                f"la page assemble plus de {format_number(MAX_WORK)} caractères")
        if time.perf_counter() > self.deadline:
            raise LimitExceeded(
                f"la page met plus de {format_number(MAX_SECONDS)} seconde"
                f"{'s' if MAX_SECONDS >= 2 else ''} à s’afficher",
                "une boucle ou une expression s’emballe ; simplifiez-la")


_active_budget: ContextVar[Budget | None] = ContextVar("vraioufaux_budget", default=None)
_CONTEXT_BUDGET = "_vraioufaux_budget"


# -- bounds on the source, checked as the parser reads it ------------------------------------


_OPENING_TAGS = frozenset({"for", "if", "macro", "call", "filter", "block", "with", "autoescape",
                           "trans"})
_OPENING_BRACKETS = frozenset({"lparen", "lbracket", "lbrace"})
_CLOSING_BRACKETS = frozenset({"rparen", "rbracket", "rbrace"})
_TAG_BEGIN = frozenset({"variable_begin", "block_begin"})
_TAG_END = frozenset({"variable_end", "block_end"})


class SourceBounds(Extension):
    """Refuses a template too large or too deeply nested before the parser recurses into it.

    Jinja's parser and code generator are recursive: a few thousand nested parentheses, filters
    or ``{% if %}`` would exhaust Python's stack. The size is checked before lexing; brackets,
    block nesting and the length of each tag as the parser pulls tokens, so a refusal comes at
    the first token past a bound, with its line.
    """

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        if len(source) > MAX_SOURCE:
            raise TemplateTooComplex(
                f"article trop long : plus de {format_number(MAX_SOURCE)} caractères",
                source.count("\n", 0, MAX_SOURCE) + 1,
                "découpez-le en plusieurs articles")
        return source

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        brackets = blocks = tag_tokens = 0
        in_tag = False
        opens_set = False  # a {% set %} without « = » opens a block until {% endset %}
        previous = ""
        for token in _lexed(stream):
            kind = token.type
            if kind in _TAG_BEGIN:
                in_tag, tag_tokens, brackets, opens_set = True, 0, 0, False
            elif kind in _TAG_END:
                in_tag = False
                blocks += opens_set
            elif in_tag:
                tag_tokens += 1
                if kind in _OPENING_BRACKETS:
                    brackets += 1
                elif kind in _CLOSING_BRACKETS:
                    brackets -= 1
                elif kind == "name" and previous == "block_begin":
                    if token.value in _OPENING_TAGS:
                        blocks += 1
                    elif token.value.startswith("end"):
                        blocks -= 1
                    opens_set = token.value == "set"
                elif kind == "assign":
                    opens_set = False
            _check_counts(tag_tokens, brackets, blocks, token.lineno)
            previous = kind
            yield token


def _lexed(stream: TokenStream) -> Iterator[Token]:
    """The stream's tokens; a number Python will not convert (over 4,300 digits) is refused
    at its line, where Jinja's lexer would let Python's own ValueError through, unlocated."""
    iterator = iter(stream)
    while True:
        try:
            token = next(iterator)
        except StopIteration:
            return
        except ValueError as error:
            # The lexer runs one token ahead: the stream's current token precedes the number.
            raise TemplateTooComplex("nombre écrit avec des milliers de chiffres",
                                     stream.current.lineno,
                                     "un chiffre vient d’un calculateur ou d’un paramètre"
                                     ) from error
        yield token


def _check_counts(tag_tokens: int, brackets: int, blocks: int, line: int) -> None:
    """Refuse a tag too long, brackets or blocks nested too deep, at ``line``."""
    if tag_tokens > MAX_TAG_TOKENS:
        raise TemplateTooComplex(
            f"expression trop longue : plus de {MAX_TAG_TOKENS} éléments", line, _SIMPLIFY)
    if brackets > MAX_NESTING:
        raise TemplateTooComplex(
            f"parenthèses ou crochets imbriqués sur plus de {MAX_NESTING} niveaux", line,
            _SIMPLIFY)
    if blocks > MAX_NESTING:
        raise TemplateTooComplex(
            f"blocs {{% if %}} ou {{% for %}} imbriqués sur plus de {MAX_NESTING} niveaux", line,
            _SIMPLIFY)


def _check_depth(tree: nodes.Node) -> None:
    """Refuse a syntax tree deeper than MAX_TREE_DEPTH (walked without recursion)."""
    stack = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_TREE_DEPTH:
            raise TemplateTooComplex(
                f"expression imbriquée sur plus de {MAX_TREE_DEPTH} niveaux",
                node.lineno or 1, _SIMPLIFY)
        stack.extend((child, depth + 1) for child in node.iter_child_nodes())


# -- bounded code: concatenation and loops go through the environment -----------------------


class BoundedCodeGenerator(CodeGenerator):
    """Jinja's code generator, with ``~`` and ``{% for %}`` routed through the environment."""

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        # As Jinja's own, except that the pieces reach concat_bounded before joining.
        if frame.eval_ctx.volatile:
            join = "(markup_join if context.eval_ctx.volatile else str_join)"
        elif frame.eval_ctx.autoescape:
            join = "markup_join"
        else:
            join = "str_join"
        self.write(f"environment.concat_bounded(context, {join}, (")
        for piece in node.nodes:
            self.visit(piece, frame)
            self.write(", ")
        self.write("))")

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        # Jinja allows no custom node type: the loop's iterable is marked, and wrapped when
        # Jinja's visit_For writes it.
        self._loop_iterables.add(id(node.iter))
        super().visit_For(node, frame)

    def visit(self, node: nodes.Node, *args: Any, **kwargs: Any) -> Any:
        if id(node) not in self._loop_iterables:
            return super().visit(node, *args, **kwargs)
        self._loop_iterables.discard(id(node))
        self.write("environment.iterate(context, ")
        super().visit(node, *args, **kwargs)
        self.write(")")
        return None

    @functools.cached_property
    def _loop_iterables(self) -> set[int]:
        """The ids of the ``{% for %}`` iterables about to be written."""
        return set()


class ArticleSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, with a whitelist, bounded operators, loops and source."""

    intercepted_binops = frozenset({"+", "-", "*", "/", "//", "%", "**"})
    intercepted_unops = frozenset({"-", "+"})
    code_generator_class = BoundedCodeGenerator

    def __init__(self, **options: Any) -> None:
        extensions = [*options.pop("extensions", ()), SourceBounds]
        super().__init__(undefined=StrictUndefined, autoescape=True, extensions=extensions,
                         **options)
        self.globals.clear()
        self.filters = {name: self.filters[name] for name in SAFE_FILTERS}

    # -- the page's budget ------------------------------------------------------------------------

    @contextmanager
    def budget(self) -> Iterator[Budget]:
        """One page's budget: everything rendered inside draws on it."""
        budget = Budget()
        token = _active_budget.set(budget)
        try:
            yield budget
        finally:
            _active_budget.reset(token)

    @staticmethod
    def _budget(context: Context) -> Budget:
        """The page's budget, or, rendered outside ``budget()``, one for this Jinja context."""
        budget = _active_budget.get()
        if budget is None:
            budget = getattr(context, _CONTEXT_BUDGET, None)
            if budget is None:
                budget = Budget()
                setattr(context, _CONTEXT_BUDGET, budget)
        return budget

    # -- source bounds ----------------------------------------------------------------------------

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        _check_depth(tree)
        return tree

    # -- attribute and call whitelist -------------------------------------------------------------

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(obj, Failed):  # a failed call: it stands for a figure or a text
            return attr in FIGURE_ATTRIBUTES or attr in SAFE_STRING_METHODS
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

    def call(self, context: Context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        self._budget(context).spend()  # the deadline
        if isinstance(obj, Undefined):  # an unknown name called: recorded, the page goes on
            return fail(undefined_error(obj))
        return super().call(context, obj, *args, **kwargs)

    # -- bounded operators ------------------------------------------------------------------------

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if isinstance(left, Figure) or isinstance(right, Figure):
            raise SecurityError("calcul sur une valeur chiffrée dans l’article")
        if operator == "%" and isinstance(left, str):
            raise LimitExceeded(
                "mise en forme « % » d’un texte",
                "les chiffres se mettent en forme avec les filtres figure et figure_range")
        if operator == "**" and (
            not isinstance(right, int | float) or abs(right) > 64 or abs(left) > MAX_NUMBER
        ):
            raise LimitExceeded("puissance trop grande")
        size = _result_size(operator, left, right)
        if size > MAX_SEQUENCE:
            raise LimitExceeded("répétition trop longue" if operator == "*"
                                else "chaîne trop longue")
        self._budget(context).spend(characters=size)
        result = super().call_binop(context, operator, left, right)
        if isinstance(result, str | list | tuple) and len(result) > MAX_SEQUENCE:
            raise LimitExceeded("chaîne trop longue")
        if isinstance(result, int | float) and not isinstance(result, bool) \
                and abs(result) > MAX_NUMBER:
            raise LimitExceeded("nombre trop grand")
        return result

    def call_unop(self, context: Any, operator: str, arg: Any) -> Any:
        if isinstance(arg, Figure):
            raise SecurityError("calcul sur une valeur chiffrée dans l’article")
        return super().call_unop(context, operator, arg)

    def concat_bounded(self, context: Context, join: Callable[[Iterable[Any]], str],
                       pieces: tuple[Any, ...]) -> str:
        """``a ~ b ~ c``: the pieces' total length is checked, and paid for, before joining."""
        size = sum(len(str(piece)) for piece in pieces)
        if size > MAX_SEQUENCE:
            raise LimitExceeded(f"texte assemblé par « ~ » de plus de "
                                f"{format_number(MAX_SEQUENCE)} caractères")
        self._budget(context).spend(characters=size)
        return join(pieces)

    def iterate(self, context: Context, iterable: Any) -> Iterator[Any]:
        """A ``{% for %}``'s iterable: each step is paid for before the loop body runs."""
        budget = self._budget(context)
        for item in iterable:
            budget.spend(iterations=1)
            yield item


def _result_size(operator: str, left: Any, right: Any) -> int:
    """The length of the string or sequence ``left operator right`` would build, else 0."""
    sized = str | list | tuple
    if operator == "+" and isinstance(left, sized) and isinstance(right, sized):
        return len(left) + len(right)
    if operator == "*":
        for sequence, count in ((left, right), (right, left)):
            if isinstance(sequence, sized) and isinstance(count, int):
                return len(sequence) * max(count, 0)
    return 0
