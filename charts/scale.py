"""Round axis ticks: 0, 5, 10, 15 rather than 0, 4.3, 8.6."""

from __future__ import annotations

import math
from decimal import Decimal

#: The steps an axis may take, times a power of ten.
_STEPS = (1, 2, 2.5, 5, 10)


def nice_ticks(top: float, count: int = 5) -> tuple[Decimal, ...]:
    """Ticks from 0 to at least ``top`` (> 0 and finite), about ``count`` of them, evenly
    spaced by a round step. Decimals, so that ticks print without float noise."""
    if not math.isfinite(top) or top <= 0:
        return (Decimal(0), Decimal(1))
    raw = top / max(1, count - 1)
    power = math.floor(math.log10(raw))
    step = next(Decimal(str(s)).scaleb(power) for s in _STEPS
                if s * 10.0 ** power >= raw * (1 - 1e-9))
    steps = math.ceil(Decimal(repr(top)) / step)
    return tuple(step * i for i in range(steps + 1))
