"""MkDocs' own warnings (a dead link, a missing anchor), caught during a build and turned into
French errors located in the page, so that the build reports them with every other error and
``check``, which is the build, shows them too. Strict mode would otherwise stop the build after
the fact with English log lines."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from vocabulary.errors import ContentError

_DOC_FILE = re.compile(r"^Doc file '(?P<file>[^']+)' contains (?P<rest>.*)$", re.S)
_LINK = re.compile(r"a link '(?P<link>[^']*)', but (?P<problem>.*)", re.S)
_LINK_HINT = ("un lien vers une autre page du site est le chemin de son fichier .md depuis la "
              "page, par exemple ../mythes/autre-article.md ; une ancre (#…) doit exister")


class WarningsAsErrors(logging.Handler):
    """Collects the warnings MkDocs logs during one build, as ``ContentError``s.

    ``display`` writes a page's path (relative to the content folder) as editors read it;
    ``source`` gives its text, to find the line of the link.
    """

    def __init__(self, display: Callable[[str], str], source: Callable[[str], str | None]
                 ) -> None:
        super().__init__(logging.WARNING)
        self.display = display
        self.source = source
        self.errors: list[ContentError] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.errors.append(self.explain(record.getMessage()))

    def explain(self, message: str) -> ContentError:
        about = _DOC_FILE.match(message)
        if about is None:
            return ContentError(None, None, f"avertissement de MkDocs : {message}",
                                "signalez-le aux développeurs si vous ne savez pas le corriger")
        file, rest = about.group("file"), about.group("rest")
        link = _LINK.match(rest)
        if link is None:
            return ContentError(self.display(file), None,
                                f"avertissement de MkDocs : {rest}", _LINK_HINT)
        target = link.group("link")
        what = ("ancre introuvable" if "no such anchor" in link.group("problem")
                else "lien vers une page introuvable")
        return ContentError(self.display(file), self._line(file, target),
                            f"{what} : « {target} »", _LINK_HINT)

    def _line(self, src_uri: str, target: str) -> int | None:
        text = self.source(src_uri)
        if not text or not target:
            return None
        index = text.find(target)
        return text.count("\n", 0, index) + 1 if index >= 0 else None

    def attach(self) -> None:
        logging.getLogger("mkdocs").addHandler(self)

    def detach(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self)
