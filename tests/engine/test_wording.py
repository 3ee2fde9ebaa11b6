"""An AI's words made fit to show: markup, control characters, length, and the subject kept."""

import pytest

from custom_components.ai_automation.engine.suggestions.wording import (
    acted_on,
    keeps_subject,
    mentions,
    plain_text,
)


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("**Kitchen light** on at __6:45__", "Kitchen light on at 6:45"),
        ("<b>Kitchen</b> light <i>on</i>", "Kitchen light on"),
        ("`light.kitchen_ceiling` on at 6:45", "light.kitchen_ceiling on at 6:45"),
        ("```\nKitchen light on\n```", "Kitchen light on"),
        ("## Kitchen light on\n> at 6:45", "Kitchen light on at 6:45"),
        ("- one\n- two", "one two"),
        ("*Kitchen* _light_ ~~off~~ on", "Kitchen light off on"),
        ("[Kitchen light](https://example.com) on", "Kitchen light on"),
        ("Kitchen\nlight\r\non\tat\x00 6:45\x1b[31m", "Kitchen light on at 6:45"),
        ("Kitch\u200ben\u200d light\ufeff \u202eon\u2028at 6:45", "Kitchen light on at 6:45"),
        ("Kitchen &amp; hall &lt;script&gt;alert(1)&lt;/script&gt;", "Kitchen & hall alert(1)"),
        ("   ", ""),
    ],
)
def test_plain_text_drops_markup_and_control_characters(written: str, shown: str) -> None:
    """What the to-do list and the automation editor show is plain text on one line."""
    assert plain_text(written, 100) == shown


def test_plain_text_caps_long_text_with_an_ellipsis() -> None:
    """Very long text ends, with an ellipsis, at a whole word near the limit."""
    text = "Turn on the kitchen light, " * 40
    shown = plain_text(text, 100)
    assert shown == "Turn on the kitchen light, " * 3 + "Turn on the…"
    assert len(shown) <= 100
    assert plain_text("x" * 300, 100) == "x" * 99 + "…"  # no space near: cut mid-word
    assert plain_text("exactly ten", 11) == "exactly ten"


def test_mentions_whole_words_in_any_case() -> None:
    """A name counts as whole words, whatever the case; `_` counts as a space."""
    assert mentions("kitchen LIGHT on at 6:45", ["Kitchen light"])
    assert mentions("Turn on light.kitchen at 6:45", ["light.kitchen"])
    assert mentions("Kitchen ceiling on", ["kitchen_ceiling"])
    assert not mentions("Hallway light on", ["Hall"])
    assert not mentions("Lights on at dusk", ["Kitchen light", "light.kitchen", ""])


def test_acted_on_are_the_actions_targets() -> None:
    """The entities acted on are the actions' targets; without an automation, the entities."""
    automation = {
        "triggers": [{"trigger": "state", "entity_id": "binary_sensor.hall_motion"}],
        "actions": [
            {"action": "light.turn_on", "target": {"entity_id": "light.hall"}},
            {"action": "light.turn_on", "target": {"entity_id": ["light.a", "light.hall"]}},
            {"choose": [{"sequence": [{"target": {"entity_id": "switch.fan"}}]}]},
        ],
    }
    assert acted_on(automation, ["binary_sensor.hall_motion"]) == [
        "light.hall",
        "light.a",
        "switch.fan",
    ]
    assert acted_on(None, ("light.kitchen",)) == ["light.kitchen"]


def test_keeps_subject_only_when_the_ai_names_what_the_local_title_names() -> None:
    """The AI's title must still name an entity acted on that the local title names."""
    kitchen = ["light.kitchen", "kitchen", "Kitchen light"]
    local = "Turn on Kitchen light around 06:45 every day"
    assert keeps_subject(local, "Kitchen light on at 6:45", [kitchen])
    assert keeps_subject(local, "Light up the kitchen at 6:45", [kitchen])
    assert not keeps_subject(local, "Wake up gently every morning", [kitchen])
    assert not keeps_subject(local, "", [kitchen])
    # A local title that names none of them (an accepted automation's name) asks for nothing.
    assert keeps_subject("Change or remove the automation: Morning", "Rethink Morning", [kitchen])
