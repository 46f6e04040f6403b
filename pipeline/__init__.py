"""Claimhouse: scraped documents in, a DuckDB warehouse of claims and bodies out."""
