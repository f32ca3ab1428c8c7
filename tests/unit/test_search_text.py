from app.needs.search_text import fts5_match, normalise, tsquery, words_of


def test_polish_diacritics_fold_so_either_spelling_finds_the_word():
    assert normalise("Ławka przy ŚCIEŻCE") == "lawka przy sciezce"
    assert normalise("sciezce") == normalise("ścieżce")


def test_bengali_keeps_its_vowel_signs():
    assert normalise("খেলার মাঠ") == "খেলার মাঠ"
    assert words_of("বাচ্চাদের খেলার") == ["বাচ্চাদের", "খেলার"]


def test_arabic_drops_short_vowels_and_folds_alef_forms():
    assert normalise("إِضَاءَة") == normalise("اضاءة")


def test_queries_cannot_inject_search_syntax():
    words = [(words_of(normalise(part))[0] + "*",) for part in ('light"', "OR", "title:*", "NEAR(")]
    assert fts5_match(words) == '("light"*) AND ("or"*) AND ("title"*) AND ("near"*)'
    assert tsquery([("light*", "lighting*"), ("to",)], any_word=True) == "('light':* | 'lighting':*) | ('to')"
