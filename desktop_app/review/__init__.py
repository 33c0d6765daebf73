"""The Qt-free review model: what the window shows, testable without Qt.

Review state and its checks, the queue snapshot, intake of added files, recognition
jobs and their worker function, stored reviews, preferences and the backend builder.
Nothing here imports PySide6; ``desktop_app.ui`` adapts these to widgets.
"""
