"""The recorder's rows read in time order or entity by entity: the same history either way.

`scripts/test` runs this module on SQLite, MariaDB and PostgreSQL.
"""

from datetime import timedelta
from typing import Any
from unittest.mock import patch

import pytest
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)
from sqlalchemy import select

from custom_components.ai_automation.analysis.run import entities_to_analyse
from custom_components.ai_automation.recorder_reader import tables
from custom_components.ai_automation.recorder_reader.tables import HistoryReader, load_history
from custom_components.ai_automation.settings import Settings
from homeassistant.components.recorder.db_schema import StatesMeta
from homeassistant.core import HomeAssistant
from homeassistant.helpers.recorder import get_instance, session_scope
from homeassistant.util import dt as dt_util

from .kept_reads import assert_same, recorded_home
from .recorder_rows import TOOL_USER, write_changes

SHARE = "custom_components.ai_automation.recorder_reader.tables.TIME_ORDER_SHARE"


@pytest.mark.freeze_time("2026-10-19 12:00:00+00:00")
async def test_in_time_order_or_entity_by_entity_the_history_is_the_same(
    hass: HomeAssistant, freezer: Any
) -> None:
    """Both ways of walking the table give the same history, bit for bit; the counts decide."""
    home = await recorded_home(hass, seed=4, place=3)
    instance = get_instance(hass)
    now = home.start + timedelta(days=20)
    freezer.move_to(now)
    await instance.async_add_executor_job(
        write_changes, instance, home.changes, home.start.timestamp() - 1, now.timestamp(), 3
    )
    await async_wait_recording_done(hass)
    settings = Settings(lookback_days=14)
    analysed, person = entities_to_analyse(hass, settings)
    start = dt_util.utcnow() - timedelta(days=14)

    def read(share: float) -> Any:
        with patch(SHARE, share):
            reader = HistoryReader(
                instance, analysed, person, start, now, home.time_zone, [TOOL_USER]
            )
            return load_history(reader)

    by_time = await instance.async_add_executor_job(read, 0.0)
    by_entity = await instance.async_add_executor_job(read, 2.0)
    assert_same(by_time, by_entity)
    assert len(by_time.when) > 1000

    def decide(entities: list[str]) -> bool:
        with session_scope(session=instance.get_session(), read_only=True) as session:
            ids = list(
                session.execute(
                    select(StatesMeta.metadata_id).where(StatesMeta.entity_id.in_(entities))
                ).scalars()
            )
            return tables._in_time_order(session, ids, start.timestamp(), now.timestamp())

    # All the home's entities: time order; one light among them: entity by entity. (PostgreSQL's
    # planner walks the table in its own order: there it always decides.)
    assert await instance.async_add_executor_job(decide, analysed) == (
        instance.dialect_name != "postgresql"
    )
    assert not await instance.async_add_executor_job(decide, sorted(analysed)[:1])
