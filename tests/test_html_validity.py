"""Every generated page is valid HTML by the Nu HTML Checker (vnu.jar, from npm's vnu-jar)."""

import json
import shutil
import subprocess

from conftest import NODE_TOOLS, require

VNU = NODE_TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_passes_the_nu_html_checker(built_site):
    require(VNU.exists(), "the HTML check needs vnu.jar: run 'make test' (it runs npm ci)")
    require(shutil.which("java") is not None, "the HTML check needs Java: sudo apt-get install default-jre-headless")
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 25
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
                            capture_output=True, text=True)
    errors = [f"{m['url'].split('/site/')[-1]}:{m.get('lastLine')}: {m['message']}"
              for m in json.loads(result.stderr)["messages"]]
    assert errors == []
