"""The Jinja bridge: a sandboxed render(text) core, its figure filters and French formatting."""
