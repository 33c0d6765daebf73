"""The window's dialogs: settings, export, send back."""
