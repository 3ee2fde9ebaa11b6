"""Repository checks need no Home Assistant: no recorder, no hass."""

import pytest


@pytest.fixture(autouse=True)
def auto_recorder() -> None:
    """Replace the package-wide recorder fixture: these checks read files only."""
