"""Adapters for data-processing frameworks; each needs its own extra and is imported on its own."""
