"""One module a myth (or a shared theme): its calculators."""
