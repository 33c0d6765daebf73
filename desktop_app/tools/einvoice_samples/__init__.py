"""Synthetic vehicle e-invoices (数电票) of both forms with truth, for the benchmark.

``python -m desktop_app.tools.einvoice_samples OUT_DIR --count N --seed S`` writes each
invoice as a PDF with a text layer, as an OFD built like the platform's, and as a
printed-and-scanned JPEG, each with its truth answer in the CarInvoiceOCR shape, plus
manifest.json, so ``python -m desktop_app.bench accuracy OUT_DIR`` can score a reader.
Modules: values (random valid values), places (the tables they are drawn from),
layout_model, layouts, layouts_motor, layouts_used, layouts_blind (issuing-software
versions), sheet (the page placed in mm), images (QR code, seal), pdf_writer, ofd_writer and ofd_parts, scan,
truth, generate.
"""
