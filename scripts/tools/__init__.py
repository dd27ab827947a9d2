"""Maintainers' one-off tools: `make new-letter` and the social card."""
