"""Work off the GUI thread: document loading, recognition, batch runs, store reads."""
