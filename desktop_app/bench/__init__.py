"""Benchmarks of the recognition engines (commands, not tests): ``python -m desktop_app.bench``."""
