"""Across documents: events (one per summit), merged facts with all their citations, conflicts, the ledger.

* :mod:`events`  — which event a document reports (grouping, index lookups only);
* :mod:`match`   — whether two facts are the same fact (same language: wording; across languages:
  shared concepts, figures, people and topics);
* :mod:`merge`   — one record per event: merged facts, support, conflicts;
* :mod:`ledger`  — commitments linked from event to event, due dates and status.
"""
