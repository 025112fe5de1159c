"""Scoring extractor output against gold fact records (the rules of FACTS.md)."""
from .scorer import Names, score_documents, load_gold, load_names

__all__ = ["Names", "score_documents", "load_gold", "load_names"]
