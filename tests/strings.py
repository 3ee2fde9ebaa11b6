"""The integration's English texts, as a user of an English home reads them."""

import json
from pathlib import Path
from typing import Any

ENGLISH = Path(__file__).parent.parent / "custom_components/ai_automation/translations/en.json"


def english_texts() -> dict[str, Any]:
    """Return `translations/en.json` (generated from strings.json)."""
    texts: dict[str, Any] = json.loads(ENGLISH.read_text(encoding="utf-8"))
    return texts
