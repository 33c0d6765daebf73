"""The window's parts: page view, field panel and rows, queue panel, message area, banners."""
