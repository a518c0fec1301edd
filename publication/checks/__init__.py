"""The rules an article body must follow, judged on its source (and on its rendered text).

``source_text`` blanks Jinja, code and comments so that the rules read what the editor typed;
``prose`` finds hand-typed figures and placeholders; ``html_policy`` raw HTML outside the
allow-list; ``jinja_names`` every unknown name the Jinja refers to; ``body`` runs them on one
page and places each problem at its line in the file. ``qualifiers`` reads the rendered text, where
each figure shows its rounding word: « environ » before a figure that already says « environ ».

May import: ``vocabulary``, ``macros``, ``publication.model``.
"""
