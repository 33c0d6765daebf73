"""Recognition backends behind one protocol: cloud (CarInvoiceOCR) and local (offline OCR).

Backends take a :class:`~desktop_app.documents.page.PageImage`, return a core
:class:`~desktop_app.core.model.RecognitionResult` and raise only
:class:`~desktop_app.core.errors.RecognitionError` or ``Cancelled``.
"""
