"""Every language file has exactly en.json's keys and placeholders; the check names what is off."""

from collections.abc import Callable
import importlib.util
import json
from pathlib import Path
import shutil
from types import ModuleType
from typing import Any

import pytest

from ..strings import english_texts

ROOT = Path(__file__).resolve().parents[2]
COMPONENT = ROOT / "custom_components" / "ai_automation"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "translations", ROOT / "scripts" / "translations.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


translations = _script()


@pytest.fixture
def component(tmp_path: Path) -> Path:
    """Return a copy of strings.json and translations/ to break."""
    shutil.copy(COMPONENT / "strings.json", tmp_path / "strings.json")
    shutil.copytree(COMPONENT / "translations", tmp_path / "translations")
    return tmp_path


def _edit(component: Path, language: str, change: Callable[[dict[str, Any]], None]) -> None:
    path = component / "translations" / f"{language}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_german_and_dutch_have_every_string() -> None:
    """de.json and nl.json translate every string of en.json, placeholders kept."""
    files = {path.name for path in (COMPONENT / "translations").glob("*.json")}
    assert {"en.json", "de.json", "nl.json"} <= files
    assert translations.check(COMPONENT) == []
    english = english_texts()
    for language in ("de", "nl"):
        text = json.loads((COMPONENT / "translations" / f"{language}.json").read_text("utf-8"))
        # Translated, not copied: the to-do list and the admin-only message read differently.
        assert text["entity"]["todo"] != english["entity"]["todo"], language
        assert text["exceptions"]["admin_required"] != english["exceptions"]["admin_required"]


def test_a_missing_key_fails_and_is_named(component: Path) -> None:
    """A string en.json has and German lacks fails the check, which names the key."""
    _edit(component, "de", lambda de: de["exceptions"].pop("admin_required"))
    _edit(component, "nl", lambda nl: nl["entity"]["sensor"].pop("patterns_found"))
    assert translations.check(component) == [
        f"{component}/translations/de.json: 1 problem(s) next to en.json:",
        "  missing: exceptions::admin_required::message",
        f"{component}/translations/nl.json: 2 problem(s) next to en.json:",
        "  missing: entity::sensor::patterns_found::name",
        "  missing: entity::sensor::patterns_found::unit_of_measurement",
    ]


def test_extra_keys_placeholders_and_references_fail(component: Path) -> None:
    """Keys en.json does not have, changed placeholders and unresolved references fail."""

    def break_dutch(nl: dict[str, Any]) -> None:
        nl["services"]["pause_suggestion"] = {"name": "Suggestie pauzeren"}
        nl["exceptions"]["unknown_suggestion"]["message"] = "Er is geen suggestie met ID {id}."
        nl["config"]["step"]["reconfigure"]["data"]["base_topic"] = (
            "[%key:component::ai_automation::config::step::user::data::base_topic%]"
        )
        nl["config"]["abort"]["already_configured"] = ""

    _edit(component, "nl", break_dutch)
    assert translations.check(component) == [
        f"{component}/translations/nl.json: 4 problem(s) next to en.json:",
        "  extra: services::pause_suggestion::name",
        "  unresolved reference (write the text out): config::step::reconfigure::data::base_topic",
        "  not a text: config::abort::already_configured",
        "  placeholders differ from en.json ['suggestion_id']: "
        "exceptions::unknown_suggestion::message",
    ]


def test_the_check_command_fails_listing_each_language(
    component: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`scripts/translations.py --check` (run by scripts/lint) exits 1 and prints each problem."""
    monkeypatch.setattr(translations, "COMPONENT", component)
    assert translations.main(["translations.py", "--check"]) == 0
    (component / "translations" / "fr.json").write_text("{", encoding="utf-8")
    _edit(component, "de", lambda de: de.pop("services"))
    assert translations.main(["translations.py", "--check"]) == 1
    printed = capsys.readouterr().err
    assert f"{component}/translations/de.json: " in printed
    assert "  missing: services::dismiss_suggestion::description" in printed
    assert f"{component}/translations/fr.json: not valid JSON" in printed
