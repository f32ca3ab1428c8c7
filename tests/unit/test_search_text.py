from app.needs.search_text import document, fts5_match, normalise, query_words, tsquery


def test_polish_diacritics_fold_so_either_spelling_finds_the_word():
    assert normalise("Ławka przy ŚCIEŻCE") == "lawka przy sciezce"
    assert query_words("sciezce") == query_words("ścieżce")


def test_bengali_keeps_its_vowel_signs():
    assert normalise("খেলার মাঠ") == "খেলার মাঠ"
    assert query_words("বাচ্চাদের খেলার") == ["বাচ্চাদের", "খেলার"]


def test_arabic_drops_short_vowels_and_folds_alef_forms():
    assert normalise("إِضَاءَة") == normalise("اضاءة")


def test_query_words_drop_punctuation_and_repeats_and_stop_at_eight():
    assert query_words('"street" lights, street-lights!') == ["street", "lights"]
    assert len(query_words(" ".join(f"w{n}" for n in range(20)))) == 8


def test_queries_cannot_inject_search_syntax():
    words = query_words('light" OR title:* NEAR(')
    assert fts5_match(words) == '"light"* AND "or"* AND "title"* AND "near"*'
    assert tsquery(["light", "street"], any_word=True) == "'light':* | 'street':*"


def test_document_joins_every_part_normalised():
    assert document("Brak ŁAWEK", "", "w parku") == "brak lawek w parku"
