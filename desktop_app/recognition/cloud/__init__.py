"""Tencent Cloud OCR ``CarInvoiceOCR`` over HTTPS with ``requests`` (no vendor SDK)."""
