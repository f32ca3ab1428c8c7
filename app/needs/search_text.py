"""Text normalisation shared by the stored search document and the query. Pure Python.

Both databases index the same normalised text, so SQLite and PostgreSQL find the
same needs. Latin diacritics are folded (``ławka`` finds ``lawka``); Arabic
short-vowel marks are dropped and alef forms folded; Bengali and other scripts keep their marks, which
are part of the letters.
"""
import re
import unicodedata

_EXTRA_FOLDS = str.maketrans({
    "ł": "l", "đ": "d", "ø": "o", "ħ": "h", "ı": "i", "ŀ": "l",
    # Arabic: hamza forms of alef and alef maqsura are spelt either way in everyday writing.
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي",
})
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
MAX_QUERY_WORDS = 8


def _fold_latin(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    kept, base_is_latin = [], False
    for char in decomposed:
        if unicodedata.combining(char):
            if base_is_latin:
                continue
        else:
            base_is_latin = "LATIN" in unicodedata.name(char, "")
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().translate(_EXTRA_FOLDS)
    return _ARABIC_MARKS.sub("", _fold_latin(text))


def words_of(text: str) -> list[str]:
    """Split on anything but letters, marks and digits: regex \\w would split Bengali at its vowel signs."""
    words, current = [], []
    for char in text:
        if unicodedata.category(char)[0] in "LMN" or char in "\u200c\u200d":
            current.append(char)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def _quoted(pattern: str, quote: str, prefix: str) -> str:
    term = pattern.removesuffix("*")
    return f"{quote}{term}{quote}" + (prefix if pattern.endswith("*") else "")


def fts5_match(words: list[tuple[str, ...]], any_word: bool = False) -> str:
    """An FTS5 MATCH expression: each word as any of its patterns (a term, or a term and * to find the
    words it begins, so a word being typed finds the whole word); every term quoted."""
    joiner = " OR " if any_word else " AND "
    return joiner.join("(" + " OR ".join(_quoted(pattern, '"', "*") for pattern in patterns) + ")"
                       for patterns in words)


def tsquery(words: list[tuple[str, ...]], any_word: bool = False) -> str:
    """The same expression for PostgreSQL's to_tsquery."""
    joiner = " | " if any_word else " & "
    return joiner.join("(" + " | ".join(_quoted(pattern, "'", ":*") for pattern in patterns) + ")"
                       for patterns in words)
