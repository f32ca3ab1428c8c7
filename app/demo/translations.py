"""The demo's approved translations of its needs, so a resident reading in English, Arabic or Polish meets
the other languages' needs in their own, as in a real round where translators approved them; and a comment
translated, approved into English and waiting as a machine draft into Arabic."""
from app.extensions import db
from app.models import Comment, CommentTranslation, Need, NeedTranslation, Round
from app.needs.services import search_document

# (round slug, the need's title as written, language, translated title, translated description)
TRANSLATIONS = [
    ("brent-green-streets", "Okul önüne bitki kutuları ve bank", "en", "Planters and benches outside the school",
     "The pavement in front of the school is very wide but empty. Planters and benches would make a pleasant "
     "place for parents to wait."),
    ("brent-green-streets", "Okul önüne bitki kutuları ve bank", "ar", "أحواض نباتات ومقاعد أمام المدرسة",
     "الرصيف أمام المدرسة واسع جداً لكنه فارغ. أحواض النباتات والمقاعد ستجعله مكاناً لطيفاً ينتظر فيه أولياء الأمور."),
    ("brent-green-streets", "Okul önüne bitki kutuları ve bank", "pl", "Donice i ławki przed szkołą",
     "Chodnik przed szkołą jest bardzo szeroki, ale pusty. Donice i ławki byłyby miłym miejscem, w którym "
     "rodzice mogą czekać."),
    ("brent-green-streets", "Mais caixotes de reciclagem nos prédios", "en", "More recycling bins at the blocks of flats",
     "The recycling bins fill up early in the week and the rubbish is left in the street."),
    ("brent-green-streets", "Mais caixotes de reciclagem nos prédios", "ar", "مزيد من حاويات إعادة التدوير عند العمارات",
     "تمتلئ حاويات إعادة التدوير في بداية الأسبوع وتبقى القمامة في الشارع."),
    ("brent-green-streets", "Mais caixotes de reciclagem nos prédios", "pl", "Więcej pojemników do recyklingu przy blokach",
     "Pojemniki do recyklingu zapełniają się już na początku tygodnia i śmieci zostają na ulicy."),
    ("brent-green-streets", "More trees on Harlesden High Street", "ar", "مزيد من الأشجار في شارع هارلسدن الرئيسي",
     "الشارع الرئيسي حار وخالٍ من الظل في الصيف. الأشجار ستمنح الظل وتنقّي الهواء قرب مواقف الحافلات."),
    ("brent-green-streets", "More trees on Harlesden High Street", "pl", "Więcej drzew na Harlesden High Street",
     "Latem główna ulica jest gorąca i goła. Drzewa dałyby cień i oczyściłyby powietrze przy przystankach autobusowych."),
    ("brent-green-streets", "More trees on Harlesden High Street", "tr", "Harlesden High Street'e daha fazla ağaç",
     "Ana cadde yazın sıcak ve çıplak. Ağaçlar gölge verir ve otobüs duraklarının yanındaki havayı temizler."),
    ("lewisham-2027", "Brak oświetlenia na ścieżce do stacji", "en", "No lighting on the path to the station",
     "The path between the street and New Cross Gate station is completely dark in winter. Many women are "
     "afraid to walk home that way after work."),
    ("lewisham-2027", "Brak oświetlenia na ścieżce do stacji", "ar", "لا إضاءة على الممر المؤدي إلى المحطة",
     "الممر بين الشارع ومحطة نيو كروس غيت مظلم تماماً في الشتاء. كثير من النساء يخشين العودة منه بعد العمل."),
    ("lewisham-2027", "إضاءة الشارع قرب المدرسة", "en", "Street lighting near the school",
     "The road to the school is very dark in winter. We need lighting so that children can walk safely."),
    ("lewisham-2027", "إضاءة الشارع قرب المدرسة", "pl", "Oświetlenie ulicy przy szkole",
     "Droga do szkoły jest zimą bardzo ciemna. Potrzebujemy oświetlenia, żeby dzieci mogły bezpiecznie chodzić."),
    ("hackney-play-2026", "Çocuklar güvenle oynasın diye hız tümsekleri", "en", "Speed bumps so children can play safely",
     "Cars drive through our street far too fast. With speed bumps children could play on the pavement without fear."),
    ("hackney-play-2026", "Ławki i cień dla rodziców", "en", "Benches and shade for parents",
     "Parents stand for hours watching their children. A few benches and a tree would give them somewhere to sit "
     "in the shade."),
    ("lewisham-2027", "বয়স্কদের জন্য একটি বসার জায়গা ও চা-ঘর", "en", "A sitting room and tea room for older people",
     "There is nowhere in our area for older people to meet. A warm room would make them less lonely."),
]


# (round slug, the comment as written, language, translation, approved: False for a machine draft)
COMMENT_TRANSLATIONS = [
    ("lewisham-2027", "Potwierdzam, tam jest bardzo ciemno. Zgłaszałam to do rady już dwa razy.", "en",
     "I can confirm it is very dark there. I have reported it to the council twice already.", True),
    ("lewisham-2027", "Potwierdzam, tam jest bardzo ciemno. Zgłaszałam to do rady już dwa razy.", "ar",
     "أؤكد أن المكان مظلم جداً هناك. أبلغت المجلس بذلك مرتين بالفعل.", False),
]


def load() -> list[str]:
    """Adds the translations a need does not have yet; a second run finds them all and adds nothing."""
    added = 0
    for slug, title, language, translated_title, description in TRANSLATIONS:
        need = db.session.scalar(db.select(Need).join(Round).where(Round.slug == slug, Need.title == title))
        if need is None or db.session.scalar(db.select(NeedTranslation.id).filter_by(need_id=need.id,
                                                                                   language=language)):
            continue
        db.session.add(NeedTranslation(need_id=need.id, language=language, title=translated_title,
                                       description=description, by_machine=False, approved=True))
        db.session.flush()
        need.search_document = search_document(need)
        added += 1
    added += _comments()
    db.session.commit()
    return [f"translations: {added} added"] if added else []


def _comments() -> int:
    added = 0
    for slug, body, language, translated, approved in COMMENT_TRANSLATIONS:
        comment = db.session.scalar(db.select(Comment).join(Need).join(Round).where(
            Round.slug == slug, Comment.body == body))
        if comment is None or db.session.scalar(db.select(CommentTranslation.id).filter_by(
                comment_id=comment.id, language=language)):
            continue
        db.session.add(CommentTranslation(comment_id=comment.id, language=language, body=translated,
                                          by_machine=not approved, approved=approved))
        added += 1
    return added
