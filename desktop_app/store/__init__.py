"""Persistence of the review queue, results, edits and exports (SQLite, Qt-free).

Filled by the review-workflow issue; the import-linter contracts already cover it.
"""
