"""Charts drawn as static inline SVG from plain numbers, with no library and no JavaScript.

``charts.model`` holds what a chart shows (marks already converted to the unit they are shown
in, their French texts already written); ``charts.scale`` chooses round axis ticks;
``charts.svg`` writes the ``<figure>``: the SVG, its caption and legend, and the values as a
table. Knows nothing of figures, units or templates: it may import ``vocabulary`` only; the
article macro that builds a chart from parameters is ``macros.chart_calls``.
"""
