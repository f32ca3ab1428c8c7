"""Each interface language: the page in its words, lang and dir right, plurals as the language counts."""
import pytest

from tests.conftest import days, post


def page_in(client, language, path):
    return client.get(path, headers={"Accept-Language": language}).get_data(as_text=True)


@pytest.mark.parametrize("language,tag,direction,heading", [
    ("en", "en-GB", "ltr", "Have your say on what your area needs"),
    ("ar", "ar", "rtl", "شارك برأيك في ما تحتاجه منطقتك"),
    ("pl", "pl", "ltr", "Powiedz, czego potrzebuje Twoja okolica"),
    ("es", "es", "ltr", "Opina sobre lo que necesita tu barrio"),
    ("pt", "pt-PT", "ltr", "Diga o que a sua zona precisa"),
    ("ro", "ro", "ltr", "Spune ce îi trebuie zonei tale"),
    ("tr", "tr", "ltr", "Bölgenizin neye ihtiyacı olduğunu söyleyin"),
    ("bn", "bn", "ltr", "আপনার এলাকার কী দরকার, তা বলুন"),
    ("ur", "ur", "rtl", "بتائیں کہ آپ کے علاقے کو کیا چاہیے"),
    ("so", "so", "ltr", "Sheeg waxa aaggaagu u baahan yahay"),
])
def test_the_home_page_speaks_the_visitors_language(client, language, tag, direction, heading):
    page = page_in(client, language, "/")
    assert f'<html lang="{tag}" dir="{direction}">' in page
    assert heading in page


def test_the_switcher_offers_every_language_in_its_own_name(client):
    page = page_in(client, "en", "/")
    for code, name in (("en", "English"), ("ar", "العربية"), ("pl", "Polski"), ("es", "Español"), ("pt", "Português"), ("ro", "Română"), ("tr", "Türkçe"), ("bn", "বাংলা"), ("ur", "اردو"), ("so", "Soomaali")):
        assert f'value="{code}" lang="{code}"' in page and name in page
    post(client, "/language", {"lang": "pl", "next": "/"})
    assert "Powiedz, czego potrzebuje Twoja okolica" in client.get("/").get_data(as_text=True)


def test_money_follows_the_visitors_locale(client, make_round):
    make_round(budget=1250, currency="GBP")
    make_round(slug="krakow", budget=1250, currency="PLN")
    assert "Budget: £1,250" in page_in(client, "en", "/rounds/lewisham")
    assert "Budżet: 1\xa0250\xa0zł" in page_in(client, "pl", "/rounds/krakow")
    assert "Presupuesto: 1.250\xa0GBP" in page_in(client, "es", "/rounds/lewisham")


@pytest.mark.parametrize("language,message", [
    ("bn", "এই ঘরটি পূরণ করতে হবে।"),
    ("so", "Goobtan waa in la buuxiyaa."),
    ("pl", "To pole jest wymagane."),
])
def test_form_checks_of_the_forms_library_speak_the_visitors_language_too(client, language, message):
    # The sign-in form's required fields use WTForms' own message, from the app's catalogs.
    page = post(client, "/account/sign-in", {"email": "", "password": ""},
                headers={"Accept-Language": language}).get_data(as_text=True)
    assert message in page


@pytest.mark.parametrize("language,count,words", [
    ("pl", 1, "1 potrzeba"), ("pl", 2, "2 potrzeby"), ("pl", 5, "5 potrzeb"), ("pl", 12, "12 potrzeb"),
    ("pl", 22, "22 potrzeby"),  # Polish: one, few (2-4, 22-24...), many
    ("ro", 1, "1 nevoie"), ("ro", 2, "2 nevoi"), ("ro", 19, "19 nevoi"), ("ro", 20, "20 de nevoi"),
    ("es", 1, "1 necesidad"), ("es", 2, "2 necesidades"),
    ("tr", 1, "1 ihtiyaç"), ("tr", 3, "3 ihtiyaç"),  # Turkish keeps the noun singular after a number
])
def test_each_language_counts_needs_with_its_own_plural_forms(client, make_round, make_need, language, count, words):
    make_round()
    for n in range(count):
        make_need(title=f"{language} {n}", language=language)
    assert f"<li>{words}</li>" in page_in(client, language, "/rounds/lewisham")


@pytest.mark.parametrize("language,countdown,posted", [
    ("en", "(in 11 days)", "1 minute ago"),
    ("pl", "(za 11 dni)", "1 minutę temu"),
    ("ar", "(خلال 11 يومًا)", "قبل دقيقة واحدة"),
    ("bn", "(11 দিনের মধ্যে)", "1 মিনিট আগে"),
])
def test_times_read_as_the_visitor_says_them(client, make_round, make_need, make_comment,
                                              language, countdown, posted):
    make_round(phase="discuss", rank_starts=days(11))
    need = make_need()
    make_comment(need)
    assert countdown in page_in(client, language, "/rounds/lewisham")
    page = page_in(client, language, f"/rounds/lewisham/needs/{need}")
    assert page.count(posted) == 2  # the need and its comment, both just posted


def test_comments_older_than_a_week_show_their_date(app, client, make_round, make_need, make_comment):
    from datetime import datetime, timezone

    from app.extensions import db
    from app.models import Comment

    make_round()
    need = make_need()
    comment = make_comment(need)
    with app.app_context():
        db.session.get(Comment, comment).created_at = datetime(2026, 3, 5, 12, tzinfo=timezone.utc)
        db.session.commit()
    page = page_in(client, "en", f"/rounds/lewisham/needs/{need}")
    assert ">5 Mar 2026</time>" in page
