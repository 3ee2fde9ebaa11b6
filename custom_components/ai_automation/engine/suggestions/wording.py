"""An AI's words made fit to show: plain text on one line, of a sensible length, on topic."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
import html
import re
from typing import Any
import unicodedata

_LINE_MARKS = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|>+[ \t]?|[-+][ \t]+)", re.MULTILINE)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"\*+|~~|`+")
# Underscores only at a word's edge (`__bold__`, `_it_`): inside a word they are entity ids.
_UNDERSCORES = re.compile(r"(?<!\w)_+(?=\S)|(?<=\S)_+(?!\w)")
_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")  # terminal colours and cursor moves
_SPACE = re.compile(r"\s+")
_SEPARATOR = re.compile(r"[\s_]+")
# Unicode categories: control characters become spaces; format characters (zero-width,
# direction overrides, soft hyphens), private-use, surrogate and unassigned ones go.
_AS_SPACE = {"Cc", "Zl", "Zp"}
_DROPPED = {"Cf", "Co", "Cs", "Cn"}


def plain_text(text: str, limit: int) -> str:
    """Return `text` without markup or control characters, on one line, at most `limit` long."""
    text = html.unescape(unicodedata.normalize("NFC", text))
    text = _TAG.sub(" ", _LINK.sub(r"\1", _LINE_MARKS.sub("", text)))
    text = _UNDERSCORES.sub("", _EMPHASIS.sub("", _ANSI.sub("", text)))
    text = "".join(
        " "
        if (category := unicodedata.category(char)) in _AS_SPACE
        else ""
        if category in _DROPPED
        else char
        for char in text
    )
    text = _SPACE.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if (space := cut.rfind(" ")) >= limit * 3 // 4:  # end on a whole word when one is near
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + "…"


def _words(text: str) -> str:
    return _SEPARATOR.sub(" ", text.casefold()).strip()


def mentions(text: str, names: Iterable[str]) -> bool:
    """Return whether `text` names one of `names` as whole words (any case; `_` as a space)."""
    said = _words(text)
    return any(
        re.search(rf"(?<!\w){re.escape(word)}(?!\w)", said)
        for name in names
        if (word := _words(name))
    )


def acted_on(automation: Mapping[str, Any] | None, entities: Iterable[str]) -> list[str]:
    """Return the entities the automation's actions target (without one, `entities`)."""
    if automation is None:
        return list(entities)
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, Mapping):
            target = node.get("target")
            if isinstance(target, Mapping):
                ids = target.get("entity_id", [])
                found.extend(i for i in ([ids] if isinstance(ids, str) else ids) if i not in found)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(automation.get("actions", []))
    return found


def keeps_subject(local: str, worded: str, names: Iterable[Iterable[str]]) -> bool:
    """Return whether the AI's title `worded` still names what the local title `local` names.

    `names` holds, per entity acted on, the ways to name it (entity id, its names). Of those the
    local title names, the AI's title must name at least one; if it names none, nothing is lost.
    """
    named = [ways for ways in map(list, names) if mentions(local, ways)]
    return not named or any(mentions(worded, ways) for ways in named)
