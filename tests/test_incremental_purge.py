"""The recorder's purges leave the kept days in use, and the result a full read's.

The recorder keeps 10 days unless told otherwise, the analysis looks back 14: every night its
purge deletes the oldest rows, and the automation runs and starts with them. A full read then
sees no rows older than the recorder holds; the kept days leave those out too, and ask again
about rows a purged automation run made. `recorder.purge_entities` cuts one entity's oldest
rows the same way. Rows missing in the middle (a restored backup) throw the kept days away.

`scripts/test` runs this module on SQLite, MariaDB and PostgreSQL.
"""

from collections import Counter
from typing import Any

import pytest
from sqlalchemy import delete

from homeassistant.components.recorder.db_schema import States, StatesMeta
from homeassistant.core import HomeAssistant
from homeassistant.helpers.recorder import get_instance

from .kept_story import FIRST_RUN_DAY, Story, begin, run_days

PLACES = [0, 2]


async def _nightly_purge(story: Story) -> None:
    """Purge as the recorder does each night with its default `purge_keep_days` (10)."""
    await story.hass.services.async_call("recorder", "purge", {"keep_days": 10}, blocking=True)


@pytest.mark.freeze_time("2026-10-19 12:00:00+00:00")
@pytest.mark.parametrize("place", PLACES)
async def test_the_recorders_nightly_purge(
    hass: HomeAssistant, freezer: Any, caplog: pytest.LogCaptureFixture, place: int
) -> None:
    """Purged to 10 days before each run, the 14-day analysis still reads only what is new."""
    story = await begin(hass, freezer, caplog, place)
    last = FIRST_RUN_DAY + 3
    await run_days(
        story, FIRST_RUN_DAY, last, dict.fromkeys(range(FIRST_RUN_DAY, last + 1), _nightly_purge)
    )
    assert min(story.kept_changes[1:]) > 0


@pytest.mark.freeze_time("2026-10-19 12:00:00+00:00")
@pytest.mark.parametrize("place", PLACES)
async def test_a_purge_of_the_oldest_rows(
    hass: HomeAssistant, freezer: Any, caplog: pytest.LogCaptureFixture, place: int
) -> None:
    """`recorder.purge` to 12 days after the days were kept: they still serve."""
    story = await begin(hass, freezer, caplog, place)

    async def purge(story: Story) -> None:
        await hass.services.async_call("recorder", "purge", {"keep_days": 12}, blocking=True)

    await run_days(story, FIRST_RUN_DAY, FIRST_RUN_DAY + 2, {FIRST_RUN_DAY + 1: purge})


@pytest.mark.freeze_time("2026-10-19 12:00:00+00:00")
@pytest.mark.parametrize("place", PLACES)
async def test_an_entity_purged(
    hass: HomeAssistant, freezer: Any, caplog: pytest.LogCaptureFixture, place: int
) -> None:
    """`recorder.purge_entities` keeps one entity's last 5 days: the kept days still serve."""
    story = await begin(hass, freezer, caplog, place)
    purged = story.entity("switch.")

    async def purge_entity(story: Story) -> None:
        await hass.services.async_call(
            "recorder", "purge_entities", {"entity_id": purged, "keep_days": 5}, blocking=True
        )

    await run_days(story, FIRST_RUN_DAY, FIRST_RUN_DAY + 2, {FIRST_RUN_DAY + 1: purge_entity})


@pytest.mark.freeze_time("2026-10-19 12:00:00+00:00")
async def test_rows_missing_in_the_middle(
    hass: HomeAssistant, freezer: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """A kept day's rows of an entity gone (an older backup restored): thrown away, said once."""
    story = await begin(hass, freezer, caplog, 0)
    middle = story.day(FIRST_RUN_DAY - 5).timestamp()
    ((gone, _),) = Counter(
        c.entity_id for c in story.changes if middle <= c.when < middle + 86400
    ).most_common(1)

    async def lose(story: Story) -> str:
        instance = get_instance(hass)

        def delete_day() -> None:
            with instance.engine.begin() as connection:
                connection.execute(
                    delete(States).where(
                        States.metadata_id.in_(
                            StatesMeta.__table__.select()
                            .with_only_columns(StatesMeta.metadata_id)
                            .where(StatesMeta.entity_id == gone)
                            .scalar_subquery()
                        ),
                        States.last_updated_ts >= middle,
                        States.last_updated_ts < middle + 86400,
                    )
                )

        await instance.async_add_executor_job(delete_day)
        return "purged or replaced"

    await run_days(story, FIRST_RUN_DAY, FIRST_RUN_DAY + 2, {FIRST_RUN_DAY + 1: lose})
