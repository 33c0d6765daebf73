"""Reading an invoice's fields by label and cell, from a page's positioned text.

One reader serves every source of text: a document's own text layer (数电 PDF,
OFD, e-invoice XML — exact) and OCR lines of a page image (noisy). It finds each
printed label, in every wording the forms use, and takes the value from the
label's ruled cell, or from the cell beside it; nothing depends on coordinates
measured on one layout, so column widths, moved rows and reworded labels read
alike.

``read_form(page_text)`` gives a :class:`FormReading` (form, title, every value
with its box); ``einvoice.answer(reading)`` turns it into the CarInvoiceOCR answer
with the conventions of docs (数电 and paper forms alike).
"""

from desktop_app.recognition.forms.reader import FormReading, ReadValue, read_form

__all__ = ["FormReading", "ReadValue", "read_form"]
