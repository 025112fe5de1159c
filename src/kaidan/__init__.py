"""Kaidan: cited, cross-checked records of leaders' summits."""
__version__ = "0.1.0"
