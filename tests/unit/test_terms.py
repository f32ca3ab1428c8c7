"""Search terms: stems in each language, stop words dropped, queries read in every language."""
from pathlib import Path

import snowballstemmer

from app.needs import terms

TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"


def test_every_interface_language_has_stop_words_and_each_stemmer_exists():
    languages = {"en", *(path.name for path in TRANSLATIONS.iterdir() if path.is_dir())}
    assert languages == set(terms.LANGUAGES)
    assert all(terms.stop_words(language) for language in languages)
    assert set(terms.SNOWBALL.values()) <= set(snowballstemmer.algorithms())


def test_polish_forms_of_a_word_share_their_stem():
    assert terms.terms("oświetlenia", "pl") == terms.terms("Oświetlenie", "pl") == ["oswietlen"]
    assert terms.terms("ścieżki do stacji", "pl") == terms.terms("ścieżka stacja", "pl")


def test_stop_words_are_dropped_and_english_words_stemmed():
    assert terms.terms("No lighting on the path to the station", "en") == ["light", "path", "station"]
    assert terms.terms("Paragem de autocarro sem abrigo", "pt") == ["parag", "autocarr", "abrig"]


def test_languages_without_a_stemmer_keep_their_words_whole_less_their_stop_words():
    assert terms.terms("রাস্তায় জল জমে থাকে", "bn") == ["রাস্তায়", "জল", "জমে"]
    assert terms.terms("Qashin badan ayaa yaalla", "so") == ["qashin", "badan", "yaalla"]


def test_turkish_reads_its_dotted_and_dotless_capital_i():
    assert terms.terms("IŞIK", "tr") == terms.terms("ışık", "tr")
    assert terms.terms("İSTASYON", "tr") == terms.terms("istasyon", "tr")
    (word,) = terms.query("AYDINLATMA")
    assert terms.terms("aydınlatma", "tr")[0] in word.readings


def test_a_query_word_is_read_in_every_language():
    (word,) = terms.query("oświetlenie")
    assert "oswietlen" in word.readings and not word.common
    (word,) = terms.query("Lighting")
    assert {"light", "lighting"} <= set(word.readings)


def test_stop_words_are_left_out_of_a_query_unless_it_has_nothing_else():
    searched = terms.searched(terms.query("lighting path to station"))
    assert [word.readings[-1] for word in searched] == ["light", "path", "station"]
    (alone,) = terms.searched(terms.query("to"))
    assert alone.common and "to" not in terms.stop_words("so")  # still read as a Somali word, where it finds nothing


def test_a_document_holds_the_terms_of_each_part_in_its_own_language():
    document = terms.document([("pl", "Brak oświetlenia"), ("en", "No lighting"), ("xx", "")])
    assert document == "brak oswietlen light"
