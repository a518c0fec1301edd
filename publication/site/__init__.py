"""The MkDocs adapter: the plugin, the generated pages, the editors' preview.

The only package that imports MkDocs' plugin and structure APIs. ``plugin`` hands each page to
``publication.pipeline`` and each template its view; ``pages`` defines the generated page kinds
(listing, calcul, search), each owning its URLs, template, metadata, context and preview key;
``preview`` keeps what ``mkdocs serve --dirty`` carries from one build to the next; ``markdown``
is the French-typography Markdown extension.

May import: everything in ``publication`` but ``cli``.
"""
