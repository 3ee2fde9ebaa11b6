"""Read a device definition's exposes into capabilities.

Tolerant by design: a malformed expose costs only that expose, an unknown expose type is kept as
"unknown", and every problem is reported in words next to the result.
"""

from __future__ import annotations

from functools import partial
from typing import Any, NamedTuple

import orjson

from .bridge import quoted
from .model import MAX_VALUE_DEPTH, Capability, bounded, nests_within

ACCESS_PUBLISHED, ACCESS_SETTABLE, ACCESS_GETTABLE = 1, 2, 4
GENERIC_TYPES = frozenset({"binary", "numeric", "enum", "text", "composite", "list"})
SPECIFIC_TYPES = frozenset({"light", "switch", "fan", "cover", "lock", "climate"})
KNOWN_TYPES = GENERIC_TYPES | SPECIFIC_TYPES
# Features inside features (composites in a light, ...); real lists nest two or three levels.
MAX_FEATURE_DEPTH = 8


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _strings(value: Any) -> tuple[str, ...]:
    """Return enum values or preset names; anything that is neither is left out."""
    if not isinstance(value, list):
        return ()
    found = []
    for item in value:
        text = item.get("name") if isinstance(item, dict) else item
        if isinstance(text, str):
            found.append(text)
        elif isinstance(text, (int, float)) and not isinstance(text, bool):
            found.append(str(text))
    return tuple(found)


# An expose's own fields copied into a capability when they have the right JSON type.
_TEXT_FIELDS = frozenset({"category", "unit", "label", "description"})
_NUMBER_FIELDS = frozenset({"value_min", "value_max", "value_step"})
_NAME_LIST_FIELDS = frozenset({"values", "presets"})
_FREE_FIELDS = frozenset({"value_on", "value_off"})
_NUMBER_TYPES = frozenset({int, float})  # exactly: JSON's true and false are not numbers
_CONTAINER_TYPES = frozenset({list, dict})
# What each key of an expose is, for the one pass `_capability` makes over them.
_TEXT, _NUMBER, _NAME_LIST, _FREE, _OWN = "text", "number", "names", "free", "own"
_FIELD_KINDS = {
    **dict.fromkeys(_TEXT_FIELDS, _TEXT),
    **dict.fromkeys(_NUMBER_FIELDS, _NUMBER),
    **dict.fromkeys(_NAME_LIST_FIELDS, _NAME_LIST),
    **dict.fromkeys(_FREE_FIELDS, _FREE),
    **dict.fromkeys(("type", "property", "name", "endpoint", "access"), _OWN),
}
# A capability's data before the expose says anything, keys in Capability's field order.
_BLANK = Capability("", None, "unknown", "").to_dict()


def _capability(
    expose: dict[str, Any],
    endpoint: str | None,
    parent: str | None,
    prefix: str,
    problems: list[str],
) -> dict[str, Any]:
    """Return the plain data of one capability, its keys in Capability's field order."""
    data = _BLANK.copy()
    # One pass over the keys the expose has (thousands of exposes per list, most fields unset);
    # text fields are read inline (`type(...) is str`: JSON's strings are never a subclass).
    kind = own_property = own_name = own_endpoint = access = None
    for key, value in expose.items():
        field_kind = _FIELD_KINDS.get(key)
        if field_kind is None:
            continue
        if field_kind is _TEXT:
            if type(value) is str:
                data[key] = value
        elif field_kind is _NUMBER:
            if type(value) in _NUMBER_TYPES:
                data[key] = value
        elif field_kind is _NAME_LIST:
            if value:
                data[key] = _strings(value)
        elif field_kind is _FREE:
            data[key] = value
        elif type(value) is str:
            if key == "type":
                kind = value
            elif key == "property":
                own_property = value
            elif key == "name":
                own_name = value
            elif key == "endpoint":
                own_endpoint = value
        elif key == "access":
            access = value
    name = data["name"] = own_name or own_property or kind or "unknown"
    data["property"] = prefix + (own_property or name)
    data["endpoint"] = own_endpoint or endpoint
    if kind in KNOWN_TYPES:
        data["type"] = kind
    data["parent"] = parent
    if type(access) is int and access:
        data["published"] = bool(access & ACCESS_PUBLISHED)
        data["settable"] = bool(access & ACCESS_SETTABLE)
        data["gettable"] = bool(access & ACCESS_GETTABLE)
    value_on, value_off = data["value_on"], data["value_off"]
    if (type(value_on) in _CONTAINER_TYPES or type(value_off) in _CONTAINER_TYPES) and not (
        nests_within(value_on) and nests_within(value_off)
    ):
        problems.append(
            f"{quoted(name)}: value_on/value_off nested deeper than {MAX_VALUE_DEPTH} levels, dropped"
        )
        data["value_on"], data["value_off"] = bounded(value_on), bounded(value_off)
    return data


def _flatten(
    expose: Any,
    endpoint: str | None,
    parent: str | None,
    prefix: str,
    *,
    depth: int,
    out: list[dict[str, Any]],
    problems: list[str],
) -> None:
    """Add the data of `expose` and its features to `out`; composites keep their path."""
    if not isinstance(expose, dict):
        raise TypeError(f"an expose is {type(expose).__name__}, not an object")
    if depth > MAX_FEATURE_DEPTH:
        raise TypeError(f"features nested deeper than {MAX_FEATURE_DEPTH} levels")
    kind = _text(expose.get("type"))
    features = expose.get("features")
    if kind in SPECIFIC_TYPES:
        if not isinstance(features, list):
            raise TypeError(f"{kind} expose has no features list")
        own_endpoint = _text(expose.get("endpoint")) or endpoint
        for feature in features:
            _flatten(
                feature, own_endpoint, kind, prefix, depth=depth + 1, out=out, problems=problems
            )
        return
    capability = _capability(expose, endpoint, parent, prefix, problems)
    out.append(capability)
    if kind == "composite" and isinstance(features, list):
        path = f"{parent}>{capability['name']}" if parent else capability["name"]
        # Without a property of its own (Zigbee2MQTT 1.x TuYa `programming_mode`), Zigbee2MQTT
        # reads and sets a composite's features at the level the composite itself is on.
        inner = f"{capability['property']}." if _text(expose.get("property")) else prefix
        for feature in features:
            _flatten(
                feature,
                capability["endpoint"],
                path,
                inner,
                depth=depth + 1,
                out=out,
                problems=problems,
            )


class Exposes(NamedTuple):
    """What a definition's exposes say, and what was wrong with them (without the device name)."""

    capabilities: tuple[Capability, ...]
    data: tuple[dict[str, Any], ...]
    problems: tuple[str, ...]
    settable: int  # how many of the capabilities can be set


NO_EXPOSES = Exposes((), (), (), 0)
# Makes a Capability from its fields in order, without the keyword handling of its constructor.
_new_capability = partial(tuple.__new__, Capability)


# What each exposes list of one list gave, by the list's JSON: devices of one kind share it.
type ExposesMemo = dict[bytes, Exposes]


def exposes_of(exposes: list[Any], memo: ExposesMemo) -> Exposes:
    """Read an exposes list, or reuse what the same list of another device of the list gave."""
    try:
        key = orjson.dumps(exposes)
    except orjson.JSONEncodeError:  # nested beyond what orjson writes: read, never share
        return _read_exposes(exposes)
    if (read := memo.get(key)) is None:
        read = memo[key] = _read_exposes(exposes)
    return read


def _read_exposes(exposes: list[Any]) -> Exposes:
    """Read each expose; a malformed one is skipped, the first of several with one key is kept."""
    flat: list[dict[str, Any]] = []
    problems: list[str] = []
    for index, expose in enumerate(exposes):
        read, noted = len(flat), len(problems)
        try:
            _flatten(expose, None, None, "", depth=0, out=flat, problems=problems)
        except TypeError as err:
            del flat[read:], problems[noted:]  # what the expose gave before it failed
            problems.append(f"expose {index} skipped: {err}")
    kept = tuple(flat)
    if len({(data["property"], data["endpoint"]) for data in flat}) < len(flat):
        first: dict[tuple[str, str | None], dict[str, Any]] = {}
        for data in flat:
            first.setdefault((data["property"], data["endpoint"]), data)
        kept = tuple(first.values())
    # The data's values are the capability's fields in order: one walk makes both.
    capabilities = tuple(map(_new_capability, map(dict.values, kept)))
    settable = sum(1 for capability in capabilities if capability.settable)
    return Exposes(capabilities, kept, tuple(problems), settable)
