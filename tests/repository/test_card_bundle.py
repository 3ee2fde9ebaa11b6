"""The dashboard card's committed bundle is what its sources build to (HACS users do not build)."""

from pathlib import Path
import shutil
import subprocess

ROOT = Path(__file__).resolve().parents[2]
FRONTEND = ROOT / "frontend"
BUNDLE = ROOT / "custom_components" / "ai_automation" / "frontend" / "ai-automation-card.js"


def test_committed_bundle_is_the_build_of_the_sources(tmp_path: Path) -> None:
    """Build the sources with the locked tools (scripts/setup ran npm ci); compare the bytes."""
    npm = shutil.which("npm")
    assert npm is not None, "npm is missing: scripts/setup installs it from Debian's packages"
    assert (FRONTEND / "node_modules").is_dir(), (
        "frontend/node_modules is missing: run scripts/setup"
    )
    built = tmp_path / "ai-automation-card.js"
    result = subprocess.run(
        [npm, "run", "--silent", "build", "--", f"--outfile={built}"],
        cwd=FRONTEND,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert built.read_bytes() == BUNDLE.read_bytes(), (
        "custom_components/ai_automation/frontend/ai-automation-card.js is not what frontend/src "
        "builds to: run `npm run build` in frontend/ and commit the bundle"
    )


def test_card_sources_type_check() -> None:
    """The card's TypeScript passes the compiler's strict checks."""
    npm = shutil.which("npm")
    assert npm is not None
    result = subprocess.run(
        [npm, "run", "--silent", "check"],
        cwd=FRONTEND,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
