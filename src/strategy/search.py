"""A search index per language, split so that a first search downloads little.

Each language's index lives in its own folder (search/ and cy/search/) and holds
only that language's pages. Terms are split into small files by their first two
letters, and page details into chunks of 50, so a query fetches only the few
files its words and its top results need, however large the site grows.
Welsh words are indexed under every radical they may stand for (welsh.py), and
the browser folds a query with the same rules, published in meta.json. No
English stemming or stop words are applied to Welsh, nor to English.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from .welsh import RULES, radicals, without_accents, words

SHARD_LETTERS = 2
DOCUMENTS_PER_CHUNK = 50
TITLE_WEIGHT, SUMMARY_WEIGHT, MOST_FROM_BODY = 10, 3, 5


@dataclass(frozen=True)
class SearchDocument:
    url: str  # site-root relative, such as 'cy/posts/missions/digital-skills/'
    title: str
    summary: str
    text: str  # the page's text, without markup


@lru_cache(maxsize=65536)
def terms_of(word: str, language: str) -> frozenset[str]:
    """The index terms for a word: its Welsh radicals, or (English) the word without accents too."""
    return radicals(word) if language == "cy" else frozenset({word, without_accents(word)})


@lru_cache(maxsize=65536)
def shard_key(term: str) -> str:
    """The file a term is kept in: its first two letters, without accents ('ŵy...' -> 'wy')."""
    head = without_accents(term)[:SHARD_LETTERS]
    return "".join(c if c.isascii() and c.isalnum() else "_" for c in head)


@lru_cache(maxsize=8192)  # the editors' preview indexes the same pages again after each edit
def _scores(document: SearchDocument, language: str) -> Counter:
    scores: Counter = Counter()
    for weight, text in ((TITLE_WEIGHT, document.title), (SUMMARY_WEIGHT, document.summary)):
        for word, count in Counter(words(text)).items():
            for term in terms_of(word, language):
                scores[term] += weight * count
    body: Counter = Counter()
    for word, count in Counter(words(document.text)).items():  # each distinct word folded once
        for term in terms_of(word, language):
            body[term] += count
    for term, count in body.items():
        scores[term] += min(count, MOST_FROM_BODY)
    return scores


def build_index(documents: list[SearchDocument], language: str) -> dict[str, str]:
    """The index files (path within the language's search folder -> JSON text)."""
    documents = sorted(documents, key=lambda d: d.url)
    shards: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for number, document in enumerate(documents):
        for term, score in _scores(document, language).items():
            shards[shard_key(term)][term].append([number, score])
    files = {
        "meta.json": {"language": language, "documents": len(documents), "chunk": DOCUMENTS_PER_CHUNK,
                      "shard_letters": SHARD_LETTERS, "shards": sorted(shards),
                      "rules": [list(rule) for rule in RULES] if language == "cy" else []},
    }
    for key, terms in shards.items():
        files[f"terms/{key}.json"] = {term: postings for term, postings in sorted(terms.items())}
    for start in range(0, len(documents), DOCUMENTS_PER_CHUNK):
        chunk = documents[start: start + DOCUMENTS_PER_CHUNK]
        files[f"docs/{start // DOCUMENTS_PER_CHUNK}.json"] = [[d.url, d.title, d.summary] for d in chunk]
    return {path: json.dumps(data, ensure_ascii=False, separators=(",", ":")) for path, data in sorted(files.items())}
