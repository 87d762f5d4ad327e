"""Cleaning steps: text normalisation, page structure, dates."""
