"""Zigbee2MQTT's bridge state, and the error and words for a bridge payload that cannot be used."""

import json

MAX_BRIDGE_STATE_BYTES = 1024
# Names and reasons quoted in problems and log lines are cut to this length.
MAX_QUOTED = 80


class PayloadError(ValueError):
    """A Zigbee2MQTT payload that cannot be understood; the message says why."""


def quoted(text: str, limit: int = MAX_QUOTED) -> str:
    """Return `text` cut to `limit` characters, for problems and log lines."""
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


def parse_bridge_state(payload: str | bytes | bytearray) -> bool:
    """Return whether a `<base>/bridge/state` payload says the bridge is online.

    Zigbee2MQTT 2.x sends `{"state": "online"}`; older versions send a bare `online`.
    """
    if len(payload) > MAX_BRIDGE_STATE_BYTES:
        raise PayloadError(f"payload of {len(payload)} bytes is too large for a bridge state")
    if isinstance(payload, (bytes, bytearray)):
        try:
            payload = bytes(payload).decode("utf-8")
        except UnicodeDecodeError as err:
            raise PayloadError("payload is not UTF-8 text") from err
    text = payload.strip()
    state: object = text
    if text.startswith("{"):
        try:
            document = json.loads(text)
        except json.JSONDecodeError as err:
            raise PayloadError(f"payload is not valid JSON ({err.msg})") from err
        if not isinstance(document, dict) or "state" not in document:
            raise PayloadError('JSON payload has no "state" field')
        state = document["state"]
    if state == "online":
        return True
    if state == "offline":
        return False
    raise PayloadError(f'state is {str(state)[:40]!r}, expected "online" or "offline"')
