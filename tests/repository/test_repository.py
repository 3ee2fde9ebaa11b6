"""The manifest, hacs.json, brand images, translations and quality scale are what HACS expects."""

import ast
import json
from pathlib import Path
import re

from PIL import Image
import pytest
import yaml

from ..strings import english_texts

ROOT = Path(__file__).resolve().parents[2]
COMPONENT = ROOT / "custom_components" / "ai_automation"
HACS_KEYS = {
    "name",
    "content_in_root",
    "zip_release",
    "filename",
    "hide_default_branch",
    "country",
    "homeassistant",
    "persistent_directory",
    "hacs",
    "render_readme",
}
QUALITY_RULES = [
    "action-setup",
    "appropriate-polling",
    "brands",
    "common-modules",
    "config-flow",
    "config-flow-test-coverage",
    "dependency-transparency",
    "docs-actions",
    "docs-conditions",
    "docs-high-level-description",
    "docs-installation-instructions",
    "docs-removal-instructions",
    "docs-triggers",
    "entity-event-setup",
    "entity-unique-id",
    "has-entity-name",
    "runtime-data",
    "test-before-configure",
    "test-before-setup",
    "unique-config-entry",
    "action-exceptions",
    "config-entry-unloading",
    "docs-configuration-parameters",
    "docs-installation-parameters",
    "entity-unavailable",
    "integration-owner",
    "log-when-unavailable",
    "parallel-updates",
    "reauthentication-flow",
    "test-coverage",
    "devices",
    "diagnostics",
    "discovery",
    "discovery-update-info",
    "docs-data-update",
    "docs-examples",
    "docs-known-limitations",
    "docs-supported-devices",
    "docs-supported-functions",
    "docs-troubleshooting",
    "docs-use-cases",
    "dynamic-devices",
    "entity-category",
    "entity-device-class",
    "entity-disabled-by-default",
    "entity-translations",
    "exception-translations",
    "icon-translations",
    "reconfiguration-flow",
    "repair-issues",
    "stale-devices",
    "async-dependency",
    "inject-websession",
    "strict-typing",
]


def _json(path: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_manifest_is_what_hassfest_and_hacs_accept() -> None:
    """Domain and name first, the rest sorted, every required key present."""
    manifest = _json(COMPONENT / "manifest.json")
    keys = list(manifest)
    assert keys[:2] == ["domain", "name"]
    assert keys[2:] == sorted(keys[2:])
    assert manifest["domain"] == "ai_automation"
    assert manifest["dependencies"] == ["mqtt", "recorder"]
    assert manifest["mqtt"] == ["zigbee2mqtt/bridge/state"]
    # Where Home Assistant 2026.11's Marketplace files it (ignored by older releases).
    assert manifest["categories"] == ["diy_makers"]
    assert manifest["connectivity"] == ["mqtt"]
    assert manifest["single_config_entry"] is True
    assert manifest["config_flow"] is True
    assert re.fullmatch(r"\d+\.\d+\.\d+", str(manifest["version"]))
    assert str(manifest["documentation"]).startswith("https://")
    assert str(manifest["issue_tracker"]).startswith("https://")


def test_only_one_manifest_in_the_repository() -> None:
    """Hassfest validates every manifest.json it finds, so test data holds none."""
    found = [
        path
        for path in ROOT.rglob("manifest.json")
        if not {".venv", ".venv-newest", "config", ".git"} & set(path.relative_to(ROOT).parts)
    ]
    assert found == [COMPONENT / "manifest.json"]


def test_hacs_json() -> None:
    """HACS rejects unknown keys and needs the minimum Home Assistant version."""
    hacs = _json(ROOT / "hacs.json")
    assert set(hacs) <= HACS_KEYS
    assert hacs["name"] == "AI Automation"
    assert hacs["homeassistant"] == "2026.10.0"


@pytest.mark.parametrize(("name", "size"), [("icon.png", 256), ("icon@2x.png", 512)])
def test_brand_icons(name: str, size: int) -> None:
    """Home Assistant serves these as the integration's icon."""
    with Image.open(COMPONENT / "brand" / name) as image:
        assert image.format == "PNG"
        assert image.size == (size, size)


def _abort_reasons() -> set[str]:
    tree = ast.parse((COMPONENT / "config_flow.py").read_text(encoding="utf-8"))
    return {
        kw.value.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "async_abort"
        for kw in node.keywords
        if kw.arg == "reason" and isinstance(kw.value, ast.Constant)
    }


def test_every_flow_message_is_translated() -> None:
    """Every abort reason and form error the flows use has English text."""
    english = english_texts()
    aborts = _abort_reasons()
    assert aborts
    assert aborts <= set(english["config"]["abort"])
    source = (COMPONENT / "config_flow.py").read_text(encoding="utf-8")
    # Errors set before the options flow class are shared (config, reconfigure and options).
    shared, options_only = source.split("class AiAutomationOptionsFlow")
    pattern = r'errors\[[A-Z_]+\] = "([a-z_]+)"'
    errors = set(re.findall(pattern, shared))
    assert errors
    assert errors <= set(english["config"]["error"])
    assert errors | set(re.findall(pattern, options_only)) <= set(english["options"]["error"])
    assert "[%key:" not in json.dumps(english)


def test_every_exception_is_translated() -> None:
    """Errors raised with a translation key have a message."""
    english = english_texts()
    used: set[str] = set()
    for module in COMPONENT.rglob("*.py"):
        used.update(re.findall(r'translation_key="([a-z_]+)"', module.read_text(encoding="utf-8")))
    entity_keys = {key for platform in english["entity"].values() for key in platform}
    assert used - entity_keys <= set(english["exceptions"])


def test_quality_scale_names_every_rule() -> None:
    """Every rule is marked done, todo, or exempt with a reason."""
    rules = yaml.safe_load((COMPONENT / "quality_scale.yaml").read_text(encoding="utf-8"))["rules"]
    assert set(rules) == set(QUALITY_RULES)
    for name, value in rules.items():
        if isinstance(value, dict):
            assert value["status"] in {"done", "todo", "exempt"}, name
            assert value["status"] != "exempt" or value.get("comment"), name
        else:
            assert value in {"done", "todo"}, name


def test_every_issue_is_explained() -> None:
    """Each Repairs issue has a title and either a description or, if fixable, a fix flow."""
    english = english_texts()
    const = (COMPONENT / "const.py").read_text(encoding="utf-8")
    issue_ids = set(re.findall(r'^ISSUE_[A-Z0-9_]+: Final = "([a-z0-9_]+)"', const, re.MULTILINE))
    assert len(issue_ids) == 7
    assert set(english["issues"]) == issue_ids
    fixable = set(re.findall(r"ISSUE_[A-Z0-9_]+", (COMPONENT / "repairs.py").read_text()))
    fixable_ids = {
        re.search(rf'^{name}: Final = "([a-z0-9_]+)"', const, re.MULTILINE).group(1)  # type: ignore[union-attr]
        for name in fixable
    }
    for issue_id, text in english["issues"].items():
        assert text["title"], issue_id
        assert ("description" in text) != ("fix_flow" in text), issue_id
        assert ("fix_flow" in text) == (issue_id in fixable_ids), issue_id


def test_fix_flow_messages_are_translated() -> None:
    """Every step, error and abort reason of the fix flows has English text."""
    english = english_texts()
    source = (COMPONENT / "repairs.py").read_text(encoding="utf-8")
    flows = [text["fix_flow"] for text in english["issues"].values() if "fix_flow" in text]
    steps = {step for flow in flows for step in flow["step"]}
    aborts = {reason for flow in flows for reason in flow.get("abort", {})}
    errors = {error for flow in flows for error in flow.get("error", {})}
    assert set(re.findall(r'step_id="([a-z_]+)"', source)) <= steps
    assert set(re.findall(r'async_abort\(\s*reason="([a-z_]+)"', source)) <= aborts
    assert set(re.findall(r'"base": "([a-z_]+)"', source)) <= errors
