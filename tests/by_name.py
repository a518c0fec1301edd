"""Calculators by name, for the topic tests: ``topic.gpt3_training_energy(p)`` computes the
calculator ``p`` knows by that name, whether it is declared as data or written in Python."""

from __future__ import annotations

from collections.abc import Callable

from calculators import Figure, Parameters


class Calculators:
    """``calculators.some_id(p)`` is ``p.calculate("some_id")`` (unknown ids fail there)."""

    def __getattr__(self, key: str) -> Callable[[Parameters], Figure]:
        if key.startswith("__"):
            raise AttributeError(key)

        def run(p: Parameters) -> Figure:
            return p.calculate(key)

        return run


calculators = Calculators()
