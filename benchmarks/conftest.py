"""Benchmarks run in Home Assistant's test harness, with the recorder on a SQLite file."""

import custom_components.ai_automation  # noqa: F401  # isort: skip

import logging

import pytest

logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)
logging.getLogger("homeassistant.components.recorder").setLevel(logging.INFO)


@pytest.fixture
def persistent_database() -> bool:
    """Keep the recorder's database in a file, as a real installation does."""
    return True


@pytest.fixture
def expected_lingering_timers() -> bool:
    """Allow the timers the MQTT test client leaves."""
    return True
