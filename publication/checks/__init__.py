"""The rules a page must follow besides rendering.

On the source: ``source_text`` blanks Jinja, code and comments so that the rules read what the
editor typed; ``prose`` finds hand-typed figures and placeholders; ``jinja_names`` every unknown
name the Jinja refers to; ``body`` runs them on one page and places each problem at its line.
On the rendered text: ``qualifiers`` finds « environ » before a figure that already says
« environ »; ``markdown_bounds`` caps what Python-Markdown may receive. On the HTML, once
Markdown has run: ``output_html`` cleans it with nh3 on an allow-list and says what it removed.
Against the figures: ``assertions`` checks that the comparison words an article declares are
still in it and that the figures still support them.

May import: ``vocabulary``, ``calculators``, ``macros``, ``publication.model``.
"""
