"""Benchmarks: build time, page weight and serve rebuild time. Not tests; see bench/README.md."""
