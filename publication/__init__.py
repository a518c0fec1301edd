"""The content model and the MkDocs adapter: articles, their front matter, listings, builds."""
