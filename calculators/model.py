"""The records behind every figure: sources and sourced parameters."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum


class Status(Enum):
    """How far a value was verified (see ``shared/facts.md``)."""

    PRIMARY = "primary"        # read in the primary source
    SECONDARY = "secondary"    # read only through press or a copy
    DERIVED = "derived"        # computed from other parameters
    HYPOTHESIS = "hypothesis"  # an assumption; no source was found
    CONVENTION = "convention"  # a named definition (data/conventions.yml), such as 30 days a month

    @property
    def label_fr(self) -> str:
        return _STATUS_LABELS_FR[self]


_STATUS_LABELS_FR = {
    Status.PRIMARY: "source primaire",
    Status.SECONDARY: "source secondaire",
    Status.DERIVED: "calculé",
    Status.HYPOTHESIS: "hypothèse",
    Status.CONVENTION: "convention",
}

#: Statuses an editor may give a parameter in a data file.
DATA_STATUSES = (Status.PRIMARY, Status.SECONDARY, Status.DERIVED, Status.HYPOTHESIS)


@dataclass(frozen=True)
class Source:
    """A document that parameters are read from."""

    id: str
    authors: tuple[str, ...]
    title: str
    venue: str
    year: int
    url: str | None = None
    doi: str | None = None
    published: dt.date | None = None
    accessed: dt.date | None = None
    note: str | None = None
    cite_as: str | None = None
    #: ``dataset`` or ``repository`` when the source is data that changes between versions.
    kind: str | None = None
    #: The version of the data read: a commit, a release, a data date. Required for a dataset
    #: or a repository, whose figures change from one version to the next.
    version: str | None = None

    @property
    def short_citation(self) -> str:
        """« Patterson et al., 2021 »: ``cite_as`` or the first author's surname, and the year."""
        if self.cite_as:
            return f"{self.cite_as}, {self.year}"
        surname = self.authors[0].split()[-1]
        return f"{surname}{' et al.' if len(self.authors) > 1 else ''}, {self.year}"

    @property
    def doi_url(self) -> str | None:
        return f"https://doi.org/{self.doi}" if self.doi else None

    @property
    def date(self) -> dt.date:
        """The date used to judge freshness: publication date, or 1 January of the year."""
        return self.published or dt.date(self.year, 1, 1)


@dataclass(frozen=True)
class Parameter:
    """A sourced input value, as written in a parameters data file."""

    id: str
    label: str
    value: float
    unit: str
    status: Status
    #: None for the newsroom's own hypothesis, whose reasoning is its ``note``.
    source: Source | None
    locator: str | None
    low: float | None = None
    high: float | None = None
    note: str | None = None
    #: The sentence of the document read that gives the value, verbatim: for a share or a
    #: rate, it shows over which population the value is taken.
    quote: str | None = None
    #: Why a share has no quote (the document can no longer be read), shown to readers.
    no_quote: str | None = None
    file: str | None = None
    line: int | None = None
    #: The year the value describes, when it is one year's (a point of a time series chart).
    year: int | None = None
