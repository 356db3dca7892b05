"""``make proof``: run the proofing checks and report them, per file and line.

The totals per source file are also written to data/proofing-report.json, which
editors commit: the proofing report page renders from it, so the build never
loads a dictionary (that takes seconds; the build takes about one). The file
holds no date and no finding from the built site, so the same sources always
give the same file.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from . import LANGUAGES
from .catalogue import translate
from .messages import editor_language
from .proofing import Finding, Speller, check, missing_tools
from .proofing_text import site_passages, source_passages

REPORT_FILE = "data/proofing-report.json"


@dataclass(frozen=True)
class FileTotals:
    file: str
    language: str
    unknown_words: int
    missing_mutations: int


@dataclass(frozen=True)
class ProofingTotals:
    """What the last ``make proof`` found in each source file: the proofing report page shows it."""

    checked_files: int
    files: tuple[FileTotals, ...]  # the files with a finding

    @property
    def unknown_words(self) -> int:
        return sum(row.unknown_words for row in self.files)

    @property
    def missing_mutations(self) -> int:
        return sum(row.missing_mutations for row in self.files)


def totals(findings: list[Finding], checked: dict[str, str]) -> ProofingTotals:
    """``checked``: every file checked and its language."""
    unknown = Counter(f.file for f in findings if not f.is_mutation)
    mutations = Counter(f.file for f in findings if f.is_mutation)
    files = tuple(FileTotals(file, checked[file], unknown[file], mutations[file])
                  for file in sorted(checked) if unknown[file] or mutations[file])
    return ProofingTotals(len(checked), files)


def load_totals(root: Path) -> ProofingTotals | None:
    path = root / REPORT_FILE
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return ProofingTotals(data["checked_files"], tuple(FileTotals(**row) for row in data["files"]))


def _as_json(report: ProofingTotals) -> str:
    data = {"checked_files": report.checked_files, "files": [row.__dict__ for row in report.files]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _checked_files(passages) -> dict[str, str]:
    """Each file and its language (a bilingual file, such as the plan, is 'en cy')."""
    languages: dict[str, set[str]] = {}
    for passage in passages:
        languages.setdefault(passage.file, set()).add(passage.language)
    return {file: " ".join(language for language in LANGUAGES if language in found) for file, found in languages.items()}


def print_findings(findings: list[Finding], language: str) -> None:
    current = None
    for finding in sorted(findings, key=lambda f: (f.file, f.line)):
        if finding.file != current:
            current = finding.file
            print(f"\n{current}")
        print(f"  {finding.file}:{finding.line}: {finding.message(language)}")


def summary(report: ProofingTotals, language: str) -> str:
    if not report.files:
        return translate("cli.proof.clean", language, checked=report.checked_files)
    return translate("cli.proof.totals", language, unknown=report.unknown_words, mutations=report.missing_mutations,
                     files=len(report.files), checked=report.checked_files)


def run(root: Path, site: Path | None = None, write_report: bool = True) -> int:
    """Check the sources (and the built Welsh site in ``site``), print every finding, write the totals."""
    language = editor_language()
    missing = missing_tools(root, LANGUAGES)
    if missing:
        print("\n".join(missing), file=sys.stderr)
        return 2
    spellers = {code: Speller.load(root, code) for code in LANGUAGES}
    print(translate("cli.proof.title", language))
    sources = source_passages(root)
    findings = check(sources, spellers)
    source_report = totals(findings, _checked_files(sources))
    if site is not None:
        if not (site / "cy").is_dir():
            print(translate("cli.proof.no_site", language, site=site), file=sys.stderr)
            return 2
        built = site_passages(site, root)
        site_findings = check(built, spellers)
        findings += site_findings
        site_report = totals(site_findings, _checked_files(built))
    print_findings(findings, language)
    print("\n" + summary(source_report, language))
    if site is not None:
        print(translate("cli.proof.site_summary", language, site=site) + " " + summary(site_report, language))
    if write_report:
        (root / REPORT_FILE).write_text(_as_json(source_report), encoding="utf-8")
        print(translate("cli.proof.report_written", language, file=REPORT_FILE))
    return 0
