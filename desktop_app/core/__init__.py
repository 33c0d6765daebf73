"""Pure-Python heart of the app: schema, data model, codec, checks, money words.

Nothing here imports Qt, requests, PyMuPDF or Pillow (an import-linter contract enforces it).
"""
