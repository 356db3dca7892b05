"""The GitHub workflows pass actionlint."""

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))


def test_there_is_a_ci_workflow():
    assert REPO / ".github/workflows/ci.yml" in WORKFLOWS


def test_every_workflow_passes_actionlint():
    # installed by requirements-dev.txt into the virtual environment beside python
    actionlint = shutil.which("actionlint") or str(Path(sys.executable).with_name("actionlint"))
    result = subprocess.run([actionlint, "-color=false", *map(str, WORKFLOWS)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
