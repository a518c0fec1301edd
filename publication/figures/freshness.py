"""Warnings that keep figures honest over time: hypotheses in use, and sources growing old.

They are information in a normal build and errors in strict mode (``freshness_strict: true`` in
mkdocs.yml, or ``python -m publication freshness --strict``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from calculators import Status
from publication.pipeline import RenderedPage
from vocabulary.errors import ContentError

DAYS_PER_YEAR = 365.25


def freshness_warnings(pages: Iterable[RenderedPage], display_path: Callable[[str], str],
                       today: dt.date, max_age_years: float) -> list[ContentError]:
    """One warning per page and hypothesis, and per page and source older than the limit."""
    warnings: list[ContentError] = []
    for page in sorted(pages, key=lambda p: p.src_uri):
        file = display_path(page.src_uri)
        hypotheses: dict[str, str] = {}
        old_sources: dict[str, str] = {}
        for figure in page.rendered.figures.values():
            for leaf in figure.leaves():
                parameter = leaf.parameter
                if parameter is None:
                    continue
                if leaf.status is Status.HYPOTHESIS:
                    hypotheses.setdefault(parameter.id, f"{parameter.file}:{parameter.line}")
                source = parameter.source
                if source is None:
                    continue
                age = (today - source.date).days / DAYS_PER_YEAR
                if age > max_age_years:
                    label = f"{source.short_citation}, « {source.title} »"
                    old_sources.setdefault(source.id, label)
        warnings += [
            ContentError(file, None, f"utilise l’hypothèse « {key} », sans source publiée",
                         f"cherchez une source, puis changez son statut dans {where}")
            for key, where in hypotheses.items()
        ]
        warnings += [
            ContentError(file, None,
                         f"source de plus de {max_age_years:g} ans : {label}",
                         "vérifiez qu’aucune donnée plus récente n’existe")
            for label in old_sources.values()
        ]
    return warnings
