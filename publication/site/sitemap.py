"""What crawlers read besides the pages: ``robots.txt``, and each page's ``lastmod`` in
``sitemap.xml``.

MkDocs dates every page with the build's date, so a sitemap said that every page changed
today. A page's date is now the last commit that touched its source (``git log``, one call per
build, no network), and a page that shows articles (listing, calcul and search pages) takes the
latest date of those it shows. An article outside git takes its front matter's date or its
latest correction; a plain page outside git takes the latest article's. The same sources give
the same dates: the sitemap is byte-identical from one build to the next. A change not yet
committed keeps the date of the last commit until it is.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

#: ``git log`` should take well under a second; past this, the build goes on without it.
GIT_TIMEOUT_SECONDS = 60


def git_dates(folder: Path) -> dict[str, str]:
    """The date (YYYY-MM-DD, the committer's) of the last commit touching each file under
    ``folder``, by path relative to it; empty when ``folder`` is not in a git work tree or git
    is missing."""
    command = ["git", "-c", "core.quotepath=off", "-C", str(folder), "log", "--format=%x00%cs",
               "--name-only", "--relative", "--no-renames", "--", "."]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False,
                                timeout=GIT_TIMEOUT_SECONDS, env={"PATH": "/usr/bin:/bin",
                                                                  "GIT_CONFIG_NOSYSTEM": "1"})
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    dates: dict[str, str] = {}
    date = None
    for line in result.stdout.splitlines():
        if line.startswith("\0"):
            date = line[1:]
        elif line and date:
            dates.setdefault(line, date)  # newest first: the first date seen is the last
    return dates


@dataclass
class Lastmod:
    """Each page's ``lastmod``, from git and from the articles' own dates."""

    #: Source path (relative to the content folder) → date of its last commit.
    git: Mapping[str, str]
    #: Article source path → its front matter date or latest correction (``views.article``).
    articles: Mapping[str, dt.date]
    _latest: str | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self._latest = max((self.article(a) for a in self.articles), default=None)

    def article(self, src_uri: str) -> str:
        dates = [self.articles[src_uri].isoformat()]
        if src_uri in self.git:
            dates.append(self.git[src_uri])
        return max(dates)

    def of(self, src_uri: str, shows: Iterable[str] = ()) -> str | None:
        """A page's date: its own source's last commit, and the latest date of the articles
        it shows (itself, for an article); else the latest article's."""
        dates = [self.article(a) for a in {*shows, src_uri} if a in self.articles]
        if src_uri in self.git:
            dates.append(self.git[src_uri])
        return max(dates, default=self._latest)


def robots_txt(sitemap_url: str | None) -> str:
    """Every page may be crawled; where the sitemap is, when the site knows its address."""
    lines = ["User-agent: *", "Allow: /"]
    if sitemap_url:
        lines += ["", f"Sitemap: {sitemap_url}"]
    return "\n".join(lines) + "\n"
