"""Tests for parsing Zigbee2MQTT bridge payloads."""

import json

from hypothesis import given, strategies as st
import pytest

from custom_components.ai_automation.engine.zigbee2mqtt.bridge import (
    PayloadError,
    parse_bridge_state,
)


@pytest.mark.parametrize(
    ("payload", "online"),
    [
        ('{"state":"online"}', True),
        ('{"state": "offline"}', False),
        (b'{"state":"online"}', True),
        (bytearray(b"offline"), False),
        (" online\n", True),
        ("offline", False),
    ],
)
def test_understands_both_payload_styles(payload: str | bytes, online: bool) -> None:
    """Zigbee2MQTT 2.x JSON and the older bare words both work, as text or bytes."""
    assert parse_bridge_state(payload) is online


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        ("", 'expected "online" or "offline"'),
        ("{oops", "not valid JSON"),
        ("[1, 2]", 'expected "online" or "offline"'),
        ('{"status": "online"}', 'no "state" field'),
        ('{"state": 1}', "state is '1'"),
        (b"\xff\xfe", "not UTF-8"),
        ("x" * 2000, "too large"),
    ],
)
def test_rejects_what_it_cannot_understand(payload: str | bytes, reason: str) -> None:
    """Every rejection says why, so the log line can name the problem."""
    with pytest.raises(PayloadError, match=reason):
        parse_bridge_state(payload)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=10,
)


@given(st.one_of(st.text(), st.binary(), json_values.map(json.dumps)))
def test_random_input_is_understood_or_rejected_cleanly(payload: str | bytes) -> None:
    """Whatever arrives on the topic, the parser answers or raises PayloadError, nothing else."""
    try:
        result = parse_bridge_state(payload)
    except PayloadError:
        return
    assert isinstance(result, bool)
