"""Opening what clerks have: images and PDFs, as page images at a known size.

The only package that imports PyMuPDF and Pillow.
"""
