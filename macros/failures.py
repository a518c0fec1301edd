"""Every failing call of a page, recorded at its line, so that one render reports them all.

Jinja stops a template at its first exception. An article's globals and filters (calculators,
``param``, ``cite``, ``chart``, ``what_if``, ``figure``, ``figure_range``) are therefore
``guarded``: inside a render that records failures (``recording``), an editor's mistake in one of
them is kept with the template line of the call, and the call returns ``FAILED``, a harmless
placeholder, so the page goes on to its next call. The renderer then raises every recorded error
together, and never produces the page. A value that already failed is passed through by the next
guarded call without a second error (``param("typo") | figure("kWh")`` is one mistake).

What is not an editor's mistake in a call is never recorded: the sandbox's refusals and bounds
(``SecurityError``, ``LimitExceeded``: time, output size, loops) still stop the page at once.
Outside ``recording`` (a template rendered on its own, in a test), a guarded call raises as if it
were not guarded.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Undefined, UndefinedError
from jinja2.exceptions import SecurityError
from markupsafe import Markup

from vocabulary.errors import ContentError

#: The file names Jinja gives the code it compiles from a string (``Environment.compile``).
TEMPLATE_FILES = frozenset({"<template>", "<article>"})
#: Most distinct failures one page records: past them, the render stops (a call in a loop).
MAX_FAILURES = 50


class Failed(Markup):
    """What a failed call returns: prints as nothing, and stands for the value it failed to
    give (a figure's ``label`` and ``has_range`` are Failed, and false)."""

    __slots__ = ()

    @property
    def label(self) -> Failed:
        return FAILED

    @property
    def has_range(self) -> bool:
        return False

    def __bool__(self) -> bool:
        return False


FAILED = Failed("")


@dataclass
class Failure:
    """One recorded mistake: the error, and the template line of the call (None: unknown)."""

    error: BaseException
    line: int | None


@dataclass
class Failures:
    """The failures of one render, in the order the calls ran."""

    items: list[Failure] = field(default_factory=list)
    #: (line, message) of each failure kept: the same mistake in a loop is kept once.
    seen: set[tuple[int | None, str]] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.items)


class TooManyFailures(ContentError):
    """The page made more than ``MAX_FAILURES`` distinct mistakes: the render stops there."""


_active: ContextVar[Failures | None] = ContextVar("vraioufaux_failures", default=None)


@contextmanager
def recording() -> Iterator[Failures]:
    """Record the guarded calls' failures of what renders inside, instead of raising them."""
    failures = Failures()
    token = _active.set(failures)
    try:
        yield failures
    finally:
        _active.reset(token)


def template_line(debug_info: str, code_line: int) -> int:
    """The template line of a line of the code Jinja compiled, from the ``debug_info`` string
    the compiled module holds (as ``Template.get_corresponding_lineno`` reads it)."""
    pairs = [tuple(map(int, pair.split("="))) for pair in debug_info.split("&") if pair]
    for line, code in reversed(pairs):
        if code <= code_line:
            return line
    return 1


def calling_line() -> int | None:
    """The template line being rendered: that of the nearest compiled template's frame."""
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename in TEMPLATE_FILES:
            return template_line(str(frame.f_globals.get("debug_info", "")), frame.f_lineno)
        frame = frame.f_back
    return None


def fail(error: BaseException) -> Failed:
    """Record ``error`` at the calling template's line and return ``FAILED``; outside
    ``recording``, raise it."""
    failures = _active.get()
    if failures is None:
        raise error
    line = calling_line()
    message = getattr(error, "message", None) or str(error)
    if (line, message) not in failures.seen:
        if len(failures.seen) >= MAX_FAILURES:
            raise TooManyFailures(
                None, None, f"plus de {MAX_FAILURES} erreurs dans la page : la vérification "
                "s’arrête ici", "corrigez celles-ci, puis relancez la vérification",
                located=False)
        failures.seen.add((line, message))
        failures.items.append(Failure(error, line))
    return FAILED


def undefined_error(value: Undefined) -> UndefinedError:
    try:
        str(value)  # a strict undefined raises its own error (the unknown name)
    except UndefinedError as error:
        return error
    return UndefinedError(f"{value!r} is undefined")


def guarded(function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` as an article calls it: an editor's mistake is recorded (``fail``), a value
    that already failed passes through, an unknown name given as an argument is reported as
    such; the sandbox's refusals and bounds are raised."""

    @functools.wraps(function)
    def call(*args: Any, **kwargs: Any) -> Any:
        values = (*args, *kwargs.values())
        if any(isinstance(value, Failed) for value in values):
            return FAILED
        undefined = next((value for value in values if isinstance(value, Undefined)), None)
        if undefined is not None:
            return fail(undefined_error(undefined))
        try:
            return function(*args, **kwargs)
        except SecurityError:
            raise
        except (ContentError, TypeError, UndefinedError) as error:
            if isinstance(error, TooManyFailures):
                raise
            return fail(error)

    return call


__all__ = ["FAILED", "MAX_FAILURES", "Failed", "Failure", "Failures", "TooManyFailures",
           "calling_line", "fail", "guarded", "recording", "template_line", "undefined_error"]
