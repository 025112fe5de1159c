"""Fact extractors, one module per fact type, each a function of a :class:`DocContext`.

The orchestrator (``kaidan.pipeline``) builds the context once and calls them
in order: zones → meetings → event → signed documents → quantities →
agreements → commitments → statements.
"""
