"""The language a resident writes in: one list, read in the page's language, the resident's choice kept."""
import re

import pytest

from tests.conftest import post


@pytest.fixture
def need_page(make_round, make_need):
    make_round(slug="choice-lang", phase="discuss")
    return f"/rounds/choice-lang/needs/{make_need(round_slug='choice-lang')}"


def chosen(html: str, select_id: str) -> tuple[str, list[str]]:
    select = re.search(rf'<select[^>]*id="{select_id}"[^>]*>(.*?)</select>', html, re.S).group(1)
    selected = re.search(r'<option selected value="([^"]*)"|<option value="([^"]*)" selected', select)
    return (selected.group(1) or selected.group(2)) if selected else "", re.findall(r">([^<]+)</option>", select)


def test_the_comment_form_offers_every_language_in_its_own_name_and_chooses_the_pages_page_after_page(client, need_page):
    for _ in range(2):  # the second page of each language is the one rendered once before
        english = chosen(client.get(need_page, headers={"Accept-Language": "en"}).get_data(as_text=True), "language")
        spanish = chosen(client.get(need_page, headers={"Accept-Language": "es"}).get_data(as_text=True), "language")
        assert english[0] == "en" and spanish[0] == "es"
        assert english[1] == spanish[1] and {"English", "Español", "العربية", "Polski"} <= set(english[1])


def test_a_refused_comment_keeps_the_language_the_resident_chose(client, need_page):
    refused = post(client, f"{need_page}/comments", {"body": "", "language": "pl", "display_name": "Ola"},
                   headers={"Accept-Language": "en"})
    assert refused.status_code == 422
    assert chosen(refused.get_data(as_text=True), "language")[0] == "pl"
    assert chosen(client.get(need_page, headers={"Accept-Language": "en"}).get_data(as_text=True), "language")[0] == "en"
