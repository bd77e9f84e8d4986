"""Pieces of `compose_differential.py`: corpus documents, their mutations, and the Compose binary as judge."""
