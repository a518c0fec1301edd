"""Shares (0.73 for 73 %) read from parameters, refused when they cannot be a share."""

from __future__ import annotations

from ..catalog import Parameters
from ..figure import Figure
from ..shares import as_share


def share(p: Parameters, key: str) -> Figure:
    """The parameter ``key`` as a percentage, after checking it lies between 0 and 1."""
    return as_share(p[key])
