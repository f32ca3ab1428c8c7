"""Search terms: a text's words in its language's stems, without its stop words. Pure Python.

A need's words are indexed in the language they are written in (its own, or a translation's). A query's
language is not known, since residents type in any of them, so each query word is read in every language
(stemmed by each stemmer, kept whole for languages without one, skipped where it is a stop word) and
matches through any reading. Both databases index the same terms, so SQLite and PostgreSQL find the same.
"""
import threading
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

import snowballstemmer

from app.needs.search_text import MAX_QUERY_WORDS, normalise, words_of

# Snowball's stemmers; Bengali, Somali and Urdu have no well-kept one, so their words are indexed whole and
# a query word also matches the longer words it begins, which catches most of their suffixes.
SNOWBALL = {"ar": "arabic", "en": "english", "es": "spanish", "pl": "polish", "pt": "portuguese",
            "ro": "romanian", "tr": "turkish"}
SCRIPTS = {"ar": "ARABIC"}  # the others' stemmers read Latin letters
LANGUAGES = ("ar", "bn", "en", "es", "pl", "pt", "ro", "so", "tr", "ur")
# Shorter readings match whole terms only: a two-letter stem as a prefix finds unrelated words.
PREFIX_FROM = 3

_local = threading.local()  # a Snowball stemmer keeps state while it stems: one per thread


@dataclass(frozen=True)
class Word:
    """One word of a query: the terms it may stand for, and whether it is a stop word in some language."""
    readings: tuple[str, ...]
    common: bool

    @property
    def patterns(self) -> tuple[str, ...]:
        """Its readings to search for; a * marks one that also finds the longer words it begins. A stop word
        searched alone matches whole words only, or "the" would find "theatre"."""
        return tuple(term + "*" if len(term) >= PREFIX_FROM and not self.common else term
                     for term in self.readings)


def base(language: str) -> str:
    return (language or "").replace("_", "-").split("-")[0].lower()


@cache
def stop_words(language: str) -> frozenset[str]:
    source = files("app.needs") / "stopwords" / f"{language}.txt"
    if not source.is_file():
        return frozenset()
    lines = source.read_text(encoding="utf-8").splitlines()
    return frozenset(normalise(line.strip()) for line in lines if line.strip() and not line.startswith("#"))


def _stemmer(language: str):
    stemmers = _local.__dict__.setdefault("stemmers", {})
    if language not in stemmers:
        stemmers[language] = snowballstemmer.stemmer(SNOWBALL[language])
    return stemmers[language]


def _lower(text: str, language: str) -> str:
    if language == "tr":  # Turkish dotted and dotless i
        text = text.replace("I", "ı").replace("İ", "i")
    return text.lower()


def _script(word: str) -> str:
    return unicodedata.name(word[0], "").split(" ")[0]


@lru_cache(maxsize=65536)  # residents type the same words again and again
def _reading(word: str, language: str) -> str | None:
    """The word's term in `language`: None for a stop word; its stem where a stemmer exists and the word is
    in the stemmer's script (stemming Bengali as Turkish only wastes time)."""
    if normalise(word) in stop_words(language):
        return None
    if language in SNOWBALL and _script(word) == SCRIPTS.get(language, "LATIN"):
        word = _stemmer(language).stemWord(word)
    return normalise(word) or None


def terms(text: str, language: str) -> list[str]:
    """The index terms of a text written in `language`."""
    language = base(language)
    found = (_reading(word, language) for word in words_of(_lower(text, language)))
    return [term for term in found if term]


def document(parts) -> str:
    """The stored search document of (language, text) parts: their terms, space-separated."""
    return " ".join(term for language, text in parts if text for term in terms(text, language))


def query(text: str) -> list[Word]:
    """The query's words, each with its readings in every language; at most MAX_QUERY_WORDS."""
    words, seen = [], set()
    for raw in words_of(text):
        key = normalise(raw)
        if not key or key in seen:
            continue
        seen.add(key)
        readings = {_reading(_lower(raw, language), language) for language in LANGUAGES}
        common = None in readings
        readings.discard(None)
        words.append(Word(tuple(sorted(readings, key=lambda term: (-len(term), term))), common))
    return words[:MAX_QUERY_WORDS]


def searched(words: list[Word]) -> list[Word]:
    """The words to match: stop words are left out, unless the query has nothing else."""
    meaningful = [word for word in words if not word.common and word.readings]
    return meaningful or [word for word in words if word.readings]
