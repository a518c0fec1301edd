"""``render(text, toolbox)``: an article's Markdown with every figure computed, or its errors.

The core knows nothing of MkDocs. It compiles the article as a template in the sandbox, streams
the output under a size bound, and turns every failure into a ``ContentError`` that names the
file and the line *in the source file*: ``line_offset`` is the number of lines before the body
(the front matter), since Jinja counts from the first line it is given. A failing figure, chart
or « Et si… ? » call does not stop the render (``failures``): the page's every failing call is
raised at the end, together (``PageErrors``), and no page is produced.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from jinja2 import Template, TemplateSyntaxError, Undefined, UndefinedError, nodes
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from markupsafe import Markup

from calculators import CalculatorError, Figure, Source
from vocabulary.errors import ContentError
from vocabulary.hints import TEMPLATE_NAMES, suggest

from . import failures
from .formatting import format_number
from .sandbox import MAX_SOURCE, ArticleSandbox, LimitExceeded, TemplateTooComplex
from .toolbox import Toolbox, figure_filter, recording
from .units_fr import DisplayUnit

#: The most characters a page may produce.
MAX_OUTPUT = 1_000_000
TEMPLATE_NAME = "<article>"
#: The most distinct compiled expressions a renderer keeps.
MAX_EXPRESSIONS = 50_000
_MARKERS = ("{{", "{%", "{#")
_EXPRESSION = re.compile(r"\{\{(.*?)\}\}", re.S)
_NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Rendered:
    """An article body with its figures computed, and the figures and citations it shows."""

    text: str
    figures: Mapping[str, Figure]
    units: Mapping[str, DisplayUnit]
    citations: Mapping[str, Source]
    #: HTML that replaces each token of ``text`` after Markdown (``chart_calls.place_blocks``).
    blocks: Mapping[str, str] = field(default_factory=dict)
    #: How each figure was first written (``toolbox.PageRecord.formats``).
    formats: Mapping[str, tuple[str, int, str, bool]] = field(default_factory=dict)


class PageErrors(ContentError):
    """Every error one render of a page found, in line order. It is caught as a
    ``ContentError`` and reads, field by field, as the first; ``page_errors`` gives them all."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = errors
        first = errors[0]
        super().__init__(first.file, first.line, first.message, first.hint, first.key)

    def __str__(self) -> str:
        return "\n".join(str(error) for error in self.errors)


def page_errors(error: ContentError) -> list[ContentError]:
    """The errors a render raised: several when it is ``PageErrors``, else ``error`` alone."""
    return list(error.errors) if isinstance(error, PageErrors) else [error]


class Renderer:
    """One sandboxed environment bound to one toolbox, reused for every page of a build.

    Most pages only print expressions (``{{ … }}``) between plain text. For those, the renderer
    compiles each distinct expression once and reuses it on every page that writes the same
    text; the Markdown around it is copied as is, as Jinja would. Any page this fast path cannot
    reproduce exactly (statements, comments, whitespace control, an error, an oversize output)
    is rendered as one whole template, which also locates its errors.
    """

    def __init__(self, toolbox: Toolbox) -> None:
        self.toolbox = toolbox
        self.environment = ArticleSandbox(finalize=_finalize)
        self.environment.globals.update(toolbox.globals)
        self.environment.filters.update(toolbox.filters)
        #: Compiled expressions by their text (what is between ``{{`` and ``}}``); ``None``
        #: when the expression needs the whole-page path. Bound to this environment's globals.
        self.expressions: dict[str, Template | None] = {}
        #: Expressions met once, on a page compiled whole (see ``_prepare``).
        self._seen: set[str] = set()
        env = self.environment
        self._fast_path = (
            (env.variable_start_string, env.variable_end_string, env.block_start_string,
             env.comment_start_string) == ("{{", "}}", "{%", "{#")
            and env.newline_sequence == "\n" and not env.keep_trailing_newline
            and env.line_statement_prefix is None and env.line_comment_prefix is None
        )

    def render(self, text: str, *, file: str, line_offset: int = 0,
               article: Mapping[str, Any] | None = None, derivations_url: str = "",
               anchored: frozenset[str] = frozenset()) -> Rendered:
        """``derivations_url``: where figure links lead, relative to the page; ``anchored``:
        figures whose ids another text of the page holds (see ``PageRecord``)."""
        if not any(marker in text for marker in _MARKERS):
            return Rendered(text, {}, {}, {})
        article_view = MappingProxyType(dict(article or {}))
        if len(text) <= MAX_SOURCE:  # a longer page is refused, with its line, by the parser
            rendered = self._render_expressions(text, article_view, derivations_url, anchored)
            if rendered is not None:
                return rendered
        return self.render_template(text, file=file, line_offset=line_offset,
                                    article_view=article_view, derivations_url=derivations_url,
                                    anchored=anchored)

    def render_template(self, text: str, *, file: str, line_offset: int = 0,
                        article_view: Mapping[str, Any] | None = None,
                        derivations_url: str = "",
                        anchored: frozenset[str] = frozenset()) -> Rendered:
        """The page compiled as one template: the reference behaviour, errors located. Every
        failing call of the page is reported (``failures``): one error raised as itself,
        several as ``PageErrors``."""
        with recording(derivations_url, anchored) as record, failures.recording() as failed, \
                self.environment.budget():
            typed: list[ContentError] = []
            try:
                tree = self.environment.parse(text)
                _refuse_statements(tree, file, line_offset)
                typed = _typed_numbers(tree, file, line_offset)  # Jinja would fold them: now
                template = self.environment.from_string(tree)
                context = template.new_context({"article": article_view or MappingProxyType({})})
                chunks = self._stream(template, context, file)
            except Exception as error:  # every failure becomes a located French error
                if _is_page_error(error):
                    stop = _in_file(error, line_offset)
                else:
                    stop = self._explain(error, file, line_offset)
                raise self._failed(failed, file, line_offset, [*typed, stop]) from (
                    None if _is_page_error(error) else error)
            if failed or typed:
                raise self._failed(failed, file, line_offset, typed)
            return Rendered("".join(chunks), dict(record.figures), dict(record.units),
                            dict(record.citations), dict(record.blocks),
                            dict(record.formats))

    def _failed(self, failed: failures.Failures, file: str, offset: int,
                found: list[ContentError]) -> ContentError:
        """The page's recorded failures, and the errors ``found`` besides (numbers typed in
        braces, what stopped the render), as one error: itself when there is one,
        ``PageErrors`` when there are several."""
        errors = [self._explain(f.error, file, offset,
                                f.line + offset if f.line is not None else None)
                  for f in failed.items]
        errors += found
        errors = list({(e.line, e.message, e.key): e for e in errors}.values())
        if len(errors) == 1:
            return errors[0]
        return PageErrors(sorted(errors, key=lambda e: e.line or 0))

    def _render_expressions(self, text: str, article_view: Mapping[str, Any],
                            derivations_url: str,
                            anchored: frozenset[str] = frozenset()) -> Rendered | None:
        """The page with each expression rendered on its own, or None to take the whole path."""
        if not self._fast_path or "{%" in text or "{#" in text:
            return None
        text = _as_jinja_reads(text)
        if text.rfind("{{") > text.rfind("}}"):
            # An unclosed {{: a syntax error, located by the whole path. Checked first, since
            # splitting would try every {{ against the whole rest of the page: n² steps.
            return None
        parts = _EXPRESSION.split(text)
        data, expressions = parts[::2], parts[1::2]
        if any("{{" in chunk for chunk in data):
            return None  # an unclosed {{: a syntax error, located by the whole path
        compiled = self._prepare(expressions)
        if compiled is None:
            return None
        templates = [compiled[e] for e in expressions]
        with recording(derivations_url, anchored) as record, failures.recording() as failed, \
                self.environment.budget():
            chunks = [data[0]]
            size = len(data[0])
            try:
                for template, after in zip(templates, data[1:], strict=True):
                    context = template.new_context({"article": article_view})
                    value = "".join(template.root_render_func(context))
                    chunks += (value, after)
                    size += len(value) + len(after)
                    if size > MAX_OUTPUT:
                        return None
            except Exception:
                return None  # the whole path raises the same error, with its line
            if failed:
                return None  # the whole path reports every failing call, at its line
            return Rendered("".join(chunks), dict(record.figures), dict(record.units),
                            dict(record.citations), dict(record.blocks),
                            dict(record.formats))

    def _prepare(self, expressions: list[str]) -> dict[str, Template] | None:
        """The page's expressions compiled alone, or None if the page is better compiled whole.

        Compiling an expression alone costs about twice its share of a whole-page compile, which
        also has a fixed part worth about two expressions (measured with Jinja 3.1). So an
        expression seen on an earlier page is compiled alone (it repeats: it will be reused), and
        new ones only when they are few enough that the page costs no more than compiling it
        whole; otherwise they are remembered as seen and the page is compiled whole.
        """
        distinct = list(dict.fromkeys(expressions))
        new = [e for e in distinct if e not in self.expressions and e not in self._seen]
        for expression in distinct:
            if expression not in self.expressions and expression in self._seen:
                self._compiled(expression)
        if 2 * len(new) > 2 + len(distinct):
            if len(self._seen) >= MAX_EXPRESSIONS:
                self._seen.clear()
            self._seen.update(new)
            return None
        compiled = {e: self._compiled(e) for e in distinct}
        if any(template is None for template in compiled.values()):
            return None
        return compiled  # type: ignore[return-value]

    def _compiled(self, expression: str) -> Template | None:
        if expression in self.expressions:
            return self.expressions[expression]
        template = None
        modifiers = ("-", "+")  # whitespace control: {{- x -}}
        if expression and not expression.startswith(modifiers) \
                and not expression.endswith(modifiers):
            try:
                tree = self.environment.parse("{{" + expression + "}}")
                if _typed_numbers(tree, "", 0):
                    raise ValueError("a number typed in braces: the whole path reports it")
                template = self.environment.from_string(tree)
            except Exception:
                template = None
        if len(self.expressions) >= MAX_EXPRESSIONS:
            self.expressions.clear()
        self._seen.discard(expression)
        self.expressions[expression] = template
        return template

    def _stream(self, template: Template, context: Context, file: str) -> list[str]:
        """The template's output, stopped with a located error once it exceeds MAX_OUTPUT."""
        stream = template.root_render_func(context)
        chunks: list[str] = []
        size = 0
        try:
            for chunk in stream:
                size += len(chunk)
                if size > MAX_OUTPUT:
                    frame = stream.gi_frame
                    line = template.get_corresponding_lineno(frame.f_lineno) if frame else None
                    raise ContentError(
                        file, line, f"la page produit plus de {format_number(MAX_OUTPUT)} "
                        "caractères",
                        "une boucle ou une répétition s’emballe : simplifiez l’expression",
                        located=False,
                    )
                chunks.append(chunk)
        except Exception as error:
            if _is_page_error(error):
                raise
            self.environment.handle_exception()  # maps the traceback to template lines
        return chunks

    def _explain(self, error: BaseException, file: str, offset: int,
                 line: int | None = None) -> ContentError:
        """``error`` in French, at ``line`` (counted in the file), else at the line of the
        template frame its traceback went through."""
        if line is None:
            line = _template_line(error, offset)
        if isinstance(error, TemplateTooComplex):
            return ContentError(file, (error.lineno or 0) + offset or None,
                                f"article refusé ({error.reason})", error.hint)
        if isinstance(error, TemplateSyntaxError):
            unknown = re.match(r"No (filter|test) named '([^']+)'", error.message or "")
            if unknown:
                return ContentError(
                    file, (error.lineno or 0) + offset or None,
                    f"filtre inconnu « {unknown.group(2)} »",
                    suggest(unknown.group(2), self.environment.filters)
                    or "filtres disponibles : figure, figure_range",
                )
            return ContentError(
                file, (error.lineno or 0) + offset or None,
                f"syntaxe Jinja invalide ({error.message})",
                "chaque {{ doit être fermé par }}, chaque {% par %}",
            )
        if isinstance(error, UndefinedError):
            return ContentError(file, line, *self._undefined(error))
        if isinstance(error, LimitExceeded):
            return ContentError(file, line, f"opération interdite dans un article "
                                f"({error.reason})", error.hint)
        if isinstance(error, SecurityError):
            return ContentError(
                file, line, f"opération interdite dans un article ({_security_reason(error)})",
                "un article n’appelle que des calculateurs, param(), cite() et les filtres "
                "figure / figure_range ; les calculs se font dans calculators/",
            )
        if isinstance(error, ContentError):  # a calculator's or a filter's, not yet placed
            return error.at(file, line)
        if isinstance(error, TypeError):
            return ContentError(file, line, f"appel invalide ({error})",
                                "vérifiez les arguments : un calculateur s’appelle sans "
                                "argument, par exemple mon_calculateur()")
        return ContentError(file, line, f"erreur inattendue : {type(error).__name__}: {error}")

    def _undefined(self, error: UndefinedError) -> tuple[str, str]:
        message = str(error.message or "")
        name = re.search(r"'([^']+)' is undefined", message)
        if name:
            known = [*self.environment.globals, "article"]
            hint = suggest(name.group(1), known) or TEMPLATE_NAMES
            return f"nom inconnu « {name.group(1)} »", hint
        attribute = re.search(r"has no attribute '([^']+)'", message)
        if attribute:
            return (f"champ inconnu ou interdit « {attribute.group(1)} »",
                    "dans l’en-tête, utilisez article.<champ> ; rien d’autre n’est accessible")
        return f"valeur indéfinie ({message})", ""


_UNSAFE_ATTRIBUTE = re.compile(r"access to attribute '([^']*)' of '([^']*)' object is unsafe")
_UNSAFE_CALL = re.compile(r"is not safely callable")


def _is_page_error(error: BaseException) -> bool:
    """An error the renderer raised about the page itself, already naming the file."""
    return isinstance(error, ContentError) and bool(error.file)


def _in_file(error: ContentError, line_offset: int) -> ContentError:
    """``error`` with its line counted from the top of the file (front matter included)."""
    if not error.located:
        error.line = error.line + line_offset if error.line else None
        error.located = True
    return error


def _security_reason(error: SecurityError) -> str:
    """The sandbox's refusal, in French."""
    message = str(error)
    attribute = _UNSAFE_ATTRIBUTE.search(message)
    if attribute:
        return f"accès interdit à l’attribut « {attribute.group(1)} »"
    if _UNSAFE_CALL.search(message):
        return "appel de fonction interdit"
    return message


def _as_jinja_reads(text: str) -> str:
    """``text`` with its newlines as Jinja's lexer normalizes them: ``\\n``, one trailing one
    dropped (``keep_trailing_newline`` is off)."""
    lines = _NEWLINE.split(text)
    if lines[-1] == "":
        del lines[-1]
    return "\n".join(lines)


def _template_line(error: BaseException, offset: int) -> int | None:
    """The source-file line of the deepest template frame in the error's traceback."""
    line = None
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename == TEMPLATE_NAME or frame.filename == "<template>":
            line = frame.lineno
    return line + offset if line else None


#: The only statements an article needs; everything else (macro, include, import, extends,
#: autoescape, filter blocks, call blocks…) is refused before the template is compiled.
ALLOWED_STATEMENTS = (nodes.Output, nodes.If, nodes.For, nodes.Assign)


_TAGS = {"Scope": "autoescape", "ScopedEvalContextModifier": "autoescape",
         "EvalContextModifier": "autoescape", "OverlayScope": "with",
         "CallBlock": "call", "FilterBlock": "filter", "FromImport": "from … import",
         "ExprStmt": "do", "AssignBlock": "set … endset"}


def _line_of(node: nodes.Node) -> int:
    """A node's line; some nodes (autoescape) carry none, their first child does."""
    if node.lineno:
        return node.lineno
    return next((child.lineno for child in node.find_all(nodes.Node) if child.lineno), 1)


def _refuse_statements(tree: nodes.Template, file: str, offset: int) -> None:
    for statement in tree.find_all(nodes.Stmt):
        if not isinstance(statement, ALLOWED_STATEMENTS):
            name = type(statement).__name__
            tag = _TAGS.get(name, name.lower())
            raise ContentError(
                file, _line_of(statement) + offset,
                f"instruction « {{% {tag} %}} » interdite dans un article",
                "un article n’utilise que {{ … }}, et au besoin {% if %}, {% for %}, {% set %}",
            )


def _typed_numbers(tree: nodes.Template, file: str, offset: int) -> list[ContentError]:
    """``{{ 552 }}`` is a figure typed by hand: found before Jinja folds it into text."""
    return [ContentError(file, child.lineno + offset, *_TYPED_NUMBER)
            for output in tree.find_all(nodes.Output) for child in output.nodes
            if isinstance(child, nodes.Const) and isinstance(child.value, int | float)
            and not isinstance(child.value, bool)]


_TYPED_NUMBER = (
    "nombre écrit à la main dans l’article",
    "un chiffre vient d’un calculateur ou d’un paramètre : "
    "{{ param('identifiant') }} ou {{ calculateur() }}",
)


def _finalize(value: Any) -> Any:
    """What ``{{ … }}`` prints: figures formatted with their defaults, and no bare numbers.
    A mistake is recorded at its line (``failures.fail``) and prints nothing."""
    if isinstance(value, Undefined):
        try:
            str(value)  # the undefined name's own error (unknown name, unsafe attribute)
        except SecurityError:
            raise
        except UndefinedError as error:
            return failures.fail(error)
    if isinstance(value, Figure):
        return guarded_figure(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return failures.fail(CalculatorError(_TYPED_NUMBER[0], hint=_TYPED_NUMBER[1]))
    if isinstance(value, Markup | str):
        return value
    if value is None:
        return ""
    return failures.fail(CalculatorError(
        f"cette valeur ne peut pas être affichée ({type(value).__name__})"))


#: ``{{ x }}`` for a figure: the ``figure`` filter with its defaults, its mistakes recorded.
guarded_figure = failures.guarded(figure_filter)
