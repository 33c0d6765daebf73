"""One folder of generated e-invoice samples shared by the generator's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.tools.einvoice_samples.generate import generate
from desktop_app.tools.einvoice_samples.layouts import LAYOUTS


@pytest.fixture(scope="session")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One invoice of every layout (8) in every format, written once per run."""
    out = tmp_path_factory.mktemp("einv")
    generate(out, len(LAYOUTS), seed=7)
    return out
