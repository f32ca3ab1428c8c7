"""Demo rounds: invented but realistic London needs, in the languages spoken on those streets."""

ROUNDS = [
    {
        "slug": "lewisham-2027", "title": "Lewisham Local: what does your neighbourhood need?",
        "area": "Lewisham", "phase": "propose", "offset_days": (-10, 20, 40, 60, 80),
        "area_choices": ["Deptford", "New Cross", "Catford", "Lewisham Central", "Sydenham"],
        "description": "Tell us what would make life better where you live. Every need posted here is "
                       "shared with the council and local funders, who will fund against this list.",
        "budget": 250000, "currency": "GBP",
    },
    {
        "slug": "tower-hamlets-youth", "title": "Tower Hamlets youth fund: spaces for young people",
        "area": "Tower Hamlets", "phase": "discuss", "offset_days": (-30, -5, 15, 35, 55),
        "area_choices": ["Bethnal Green", "Whitechapel", "Poplar", "Bow"],
        "description": "Young people and families: which needs matter most? Comment, support, and help us "
                       "merge duplicates before the ranking opens.",
        "budget": 120000, "currency": "GBP",
    },
    {
        "slug": "brent-green-streets", "title": "Brent green streets",
        "area": "Brent", "phase": "rank", "offset_days": (-60, -40, -5, 20, 40),
        "area_choices": ["Harlesden", "Kilburn", "Wembley"],
        "description": "Trees, planters, cleaner air: rank the needs residents raised this spring.",
        "budget": 80000, "currency": "GBP", "ballot": {"ballot_kind": "ranking", "max_choices": 3},
    },
    {
        "slug": "southwark-community-spaces", "title": "Southwark community spaces",
        "area": "Southwark", "phase": "decide", "offset_days": (-90, -70, -45, -10, 20),
        "area_choices": ["Peckham", "Walworth", "Bermondsey"],
        "description": "The funder panel is turning the ranked needs into grants for community spaces.",
        "budget": 150000, "currency": "GBP", "ballot": {"ballot_kind": "points", "points_total": 10,
                                                       "points_per_need": 5},
    },
    {
        "slug": "newham-2026", "title": "Newham 2026: healthy neighbourhoods",
        "area": "Newham", "phase": "results", "offset_days": (-200, -170, -140, -110, -80),
        "area_choices": ["Stratford", "East Ham", "Canning Town"],
        "description": "This round has finished. Its needs and results stay public for everyone to review.",
        "budget": 200000, "currency": "GBP", "ballot": {"ballot_kind": "ranking", "max_choices": 3},
    },
    {
        "slug": "hackney-play-2026", "title": "Hackney play streets: which matters more?",
        "area": "Hackney", "phase": "results", "offset_days": (-150, -120, -90, -60, -30),
        "area_choices": ["Dalston", "Homerton", "Stoke Newington"],
        "description": "Residents compared the needs two at a time, on their phones and on paper at the market. "
                       "The results are out.",
        "budget": 30000, "currency": "GBP", "ballot": {"ballot_kind": "pairwise", "rule": "bradley-terry"},
    },
]

# (round slug, title, description, affected, location, area, category, language, author)
NEEDS = [
    ("lewisham-2027", "Safe place for children to play after school",
     "The estate has no play area since the old one was fenced off two years ago. Children play in the car "
     "park, and parents worry every evening.", "Families on the Pepys estate", "Pepys estate, Deptford",
     "Deptford", "children-young-people", "en", "Grace"),
    ("lewisham-2027", "Brak oświetlenia na ścieżce do stacji",
     "Ścieżka między ulicą a stacją New Cross Gate jest zupełnie ciemna zimą. Wiele kobiet boi się tamtędy "
     "wracać po pracy.", "Osoby dojeżdżające do pracy", "New Cross Gate", "New Cross", "safety", "pl", "Agnieszka"),
    ("lewisham-2027", "বয়স্কদের জন্য একটি বসার জায়গা ও চা-ঘর",
     "আমাদের এলাকায় বয়স্ক মানুষদের দেখা করার কোনো জায়গা নেই। একটি উষ্ণ ঘর থাকলে একাকীত্ব কমবে।",
     "বয়স্ক বাসিন্দারা", "ক্যাটফোর্ড", "Catford", "older-people", "bn", "Rahima"),
    ("lewisham-2027", "Street lights broken on Sydenham Road",
     "Three street lights have been out for months. It is dark from the bus stop to the flats, and people "
     "have been mugged.", "Everyone walking home at night", "Sydenham Road", "Sydenham", "safety", "en", "Tom"),
    ("lewisham-2027", "إضاءة الشارع قرب المدرسة",
     "الطريق المؤدي إلى المدرسة مظلم جداً في الشتاء. نحتاج إلى إضاءة حتى يمشي الأطفال بأمان.",
     "الأطفال وأولياء الأمور", "قرب مدرسة لويشام المركزية", "Lewisham Central", "safety", "ar", "Mariam"),
    ("lewisham-2027", "Free English classes in the evening",
     "Many parents work in the day. Evening English classes with a crèche would help people find better work.",
     "New arrivals and working parents", "Any community centre", "", "work-skills", "en", "Fatima"),
    ("tower-hamlets-youth", "Youth club open at weekends",
     "The youth club shuts on Friday afternoon. At weekends there is nowhere warm and safe for teenagers to go.",
     "Teenagers in Bethnal Green", "Oxford House", "Bethnal Green", "children-young-people", "en", "Jamal"),
    ("tower-hamlets-youth", "মেয়েদের জন্য নিরাপদ খেলাধুলার সময়",
     "পার্কের খেলার মাঠে মেয়েরা খেলতে স্বচ্ছন্দ বোধ করে না। সপ্তাহে কয়েকটি সন্ধ্যা শুধু মেয়েদের জন্য হলে ভালো হয়।",
     "কিশোরী মেয়েরা", "মাইল এন্ড পার্ক", "Bow", "children-young-people", "bn", "Nusrat"),
    ("tower-hamlets-youth", "Homework space with wifi",
     "Lots of us share a bedroom with siblings and have no wifi at home. A quiet room with computers after "
     "school would help with exams.", "Students aged 11 to 18", "Whitechapel Idea Store", "Whitechapel",
     "children-young-people", "en", "Amina"),
    ("tower-hamlets-youth", "Goobta ciyaaraha kubadda cagta oo la dayactiro",
     "Garoonka kubadda cagta ee Poplar waa jaban yahay, shabaqa ayaa go'an. Dhallinyaradu waxay u baahan "
     "yihiin meel ay si ammaan ah ugu ciyaaraan.", "Dhallinyarada Poplar", "Poplar", "Poplar",
     "children-young-people", "so", "Abdi"),
    ("brent-green-streets", "More trees on Harlesden High Street",
     "The high street is hot and bare in summer. Trees would give shade and clean the air near the bus stops.",
     "Shoppers and people waiting for buses", "Harlesden High Street", "Harlesden", "environment", "en", "Winston"),
    ("brent-green-streets", "Mais caixotes de reciclagem nos prédios",
     "Os caixotes de reciclagem enchem logo no início da semana e o lixo fica na rua.",
     "Moradores dos prédios", "Kilburn High Road", "Kilburn", "environment", "pt", "Joana"),
    ("brent-green-streets", "Okul önüne bitki kutuları ve bank",
     "Okulun önündeki kaldırım çok geniş ama boş. Bitki kutuları ve banklar veliler için güzel bir bekleme "
     "yeri olur.", "Veliler ve çocuklar", "Wembley", "Wembley", "green-spaces", "tr", "Elif"),
    ("southwark-community-spaces", "A community kitchen in Peckham",
     "A kitchen where neighbours can cook together and share meals would help families struggling with food "
     "costs and bring people together.", "Families on low incomes", "Peckham", "Peckham", "community-spaces",
     "en", "Chidi"),
    ("southwark-community-spaces", "Espacio para clases de baile y música",
     "Los jóvenes latinos de Elephant and Castle no tienen un sitio para ensayar. Una sala por las tardes "
     "sería suficiente.", "Jóvenes de la comunidad latina", "Elephant and Castle", "Walworth", "culture",
     "es", "Lucía"),
    ("newham-2026", "Free swimming lessons for children",
     "Many children in Newham cannot swim by the end of primary school. Free lessons at the leisure centre "
     "would change that.", "Primary school children", "East Ham Leisure Centre", "East Ham", "health", "en", "Priya"),
    ("newham-2026", "سڑکوں کی صفائی اور کوڑا دان",
     "گلیوں میں کوڑا پڑا رہتا ہے اور کوڑا دان کم ہیں۔ زیادہ کوڑا دان اور باقاعدہ صفائی چاہیے۔",
     "تمام رہائشی", "اپٹن پارک", "East Ham", "streets", "ur", "Bilal"),
    ("newham-2026", "Community garden at Canning Town",
     "An empty plot behind the library could become a garden where older and younger neighbours grow food "
     "together.", "Neighbours of all ages", "Behind Canning Town library", "Canning Town", "green-spaces",
     "en", "Margaret"),
    ("hackney-play-2026", "Close our street to cars after school",
     "Two afternoons a week the street could be closed to through traffic so children can play outside their "
     "front doors, as other Hackney streets already do.", "Children and families", "Sandringham Road",
     "Dalston", "children-young-people", "en", "Rosa"),
    ("hackney-play-2026", "Çocuklar güvenle oynasın diye hız tümsekleri",
     "Arabalar sokağımızdan çok hızlı geçiyor. Hız tümsekleri olursa çocuklar kaldırımda korkmadan oynayabilir.",
     "Sokaktaki aileler", "Homerton High Street", "Homerton", "safety", "tr", "Ayşe"),
    ("hackney-play-2026", "A play box of chalk, balls and ropes on each street",
     "A locked box that neighbours open on play days, so nobody has to carry everything from home.",
     "Children on the play streets", "Any play street", "", "children-young-people", "en", "Kofi"),
    ("hackney-play-2026", "Ławki i cień dla rodziców",
     "Rodzice stoją godzinami, pilnując dzieci. Kilka ławek i drzewo dałyby im miejsce, żeby usiąść w cieniu.",
     "Rodzice i dziadkowie", "Stoke Newington Church Street", "Stoke Newington", "green-spaces", "pl", "Marta"),
]

# (round slug, need title, author, language, text, reply?)
COMMENTS = [
    ("lewisham-2027", "Safe place for children to play after school", "Kwame", "en",
     "Yes! My two have nowhere to go either. Even a small fenced area would do.", None),
    ("lewisham-2027", "Safe place for children to play after school", "Grace", "en",
     "Thank you. The tenants' association has a plan for the old site already.", 0),
    ("lewisham-2027", "Street lights broken on Sydenham Road", "Ola", "pl",
     "Potwierdzam, tam jest bardzo ciemno. Zgłaszałam to do rady już dwa razy.", None),
    ("tower-hamlets-youth", "Youth club open at weekends", "Sadia", "bn",
     "আমার ছেলে শনিবারে কোথাও যাওয়ার জায়গা পায় না। এটা খুব দরকার।", None),
    ("tower-hamlets-youth", "Youth club open at weekends", "Jamal", "en",
     "Exactly. Oxford House said they would open if someone pays for a youth worker.", 0),
    ("tower-hamlets-youth", "Homework space with wifi", "Leo", "en",
     "The Idea Store is full after 4pm. A second room would really help.", None),
    ("brent-green-streets", "More trees on Harlesden High Street", "Mariam", "ar",
     "فكرة رائعة، الشارع حار جداً في الصيف.", None),
    ("southwark-community-spaces", "A community kitchen in Peckham", "Dele", "en",
     "The church hall on Rye Lane has a kitchen that is empty most weekdays.", None),
]

# (round slug, need title, number of supporters)
SUPPORTS = [
    ("lewisham-2027", "Safe place for children to play after school", 14),
    ("lewisham-2027", "Brak oświetlenia na ścieżce do stacji", 9),
    ("lewisham-2027", "বয়স্কদের জন্য একটি বসার জায়গা ও চা-ঘর", 7),
    ("lewisham-2027", "Street lights broken on Sydenham Road", 11),
    ("lewisham-2027", "إضاءة الشارع قرب المدرسة", 6),
    ("lewisham-2027", "Free English classes in the evening", 4),
    ("tower-hamlets-youth", "Youth club open at weekends", 21),
    ("tower-hamlets-youth", "মেয়েদের জন্য নিরাপদ খেলাধুলার সময়", 12),
    ("tower-hamlets-youth", "Homework space with wifi", 17),
    ("tower-hamlets-youth", "Goobta ciyaaraha kubadda cagta oo la dayactiro", 8),
    ("brent-green-streets", "More trees on Harlesden High Street", 25),
    ("brent-green-streets", "Mais caixotes de reciclagem nos prédios", 13),
    ("brent-green-streets", "Okul önüne bitki kutuları ve bank", 9),
    ("southwark-community-spaces", "A community kitchen in Peckham", 31),
    ("southwark-community-spaces", "Espacio para clases de baile y música", 15),
    ("newham-2026", "Free swimming lessons for children", 40),
    ("newham-2026", "سڑکوں کی صفائی اور کوڑا دان", 22),
    ("newham-2026", "Community garden at Canning Town", 18),
]

FACILITATOR_EMAIL = "facilitator@demo.commonground.test"
FACILITATOR_PASSWORD = "demo-facilitator-2027"

# (round slug, ballot as need titles in order (ranking) or {title: points}, how many residents cast it)
BALLOTS = [
    ("brent-green-streets", ["More trees on Harlesden High Street", "Okul önüne bitki kutuları ve bank"], 9),
    ("brent-green-streets", ["Mais caixotes de reciclagem nos prédios", "More trees on Harlesden High Street"], 6),
    ("brent-green-streets", ["Okul önüne bitki kutuları ve bank", "Mais caixotes de reciclagem nos prédios",
                             "More trees on Harlesden High Street"], 4),
    ("southwark-community-spaces", {"A community kitchen in Peckham": 5, "Espacio para clases de baile y música": 5}, 8),
    ("southwark-community-spaces", {"A community kitchen in Peckham": 3, "Espacio para clases de baile y música": 5}, 5),
    ("newham-2026", ["Free swimming lessons for children", "Community garden at Canning Town"], 21),
    ("newham-2026", ["سڑکوں کی صفائی اور کوڑا دان", "Free swimming lessons for children"], 14),
    ("newham-2026", ["Community garden at Canning Town", "سڑکوں کی صفائی اور کوڑا دان",
                     "Free swimming lessons for children"], 11),
]

# The funder panel. Members sign in with the panel password; Southwark's panel is still marking,
# Newham's has published its grants.
PANEL_PASSWORD = "demo-panel-2027"
PANEL = [
    ("southwark-community-spaces", "amara@demo.commonground.test"),
    ("southwark-community-spaces", "joe@demo.commonground.test"),
    ("newham-2026", "amara@demo.commonground.test"),
    ("newham-2026", "priya@demo.commonground.test"),
]
FUNDERS = {
    "newham-2026": {"funder_name": "East London Community Fund", "grant_prefix": "360G-demo-elcf"},
    "southwark-community-spaces": {"funder_name": "Southwark Neighbourhoods Trust"},
}
# The organisation running each round (name, 360Giving identifier or ""), named on its page and in open data;
# Newham 2026's is also one of its two co-funders.
RUN_BY = {
    "lewisham-2027": ("Lewisham Local Partnership", "360G-demo-llp"),
    "tower-hamlets-youth": ("Tower Hamlets Youth Forum", ""),
    "brent-green-streets": ("Brent Green Streets Network", ""),
    "southwark-community-spaces": ("Southwark Neighbourhoods Trust", "360G-demo-snt"),
    "newham-2026": ("East London Community Fund", "360G-demo-elcf"),
    "hackney-play-2026": ("Hackney Play Streets Group", ""),
    "newham-2027": ("Newham Neighbourhood Fund", "360G-demo-nnf"),
}
# The organisations demo staff work for: a round the facilitator creates is run by theirs.
STAFF_ORGANISATIONS = {
    "facilitator@demo.commonground.test": "Lewisham Local Partnership",
    "amara@demo.commonground.test": "Southwark Neighbourhoods Trust",
    "priya@demo.commonground.test": "East London Community Fund",
}
# (round slug, need title, applicant, applicant identifier, title, description, amount)
APPLICATIONS = [
    ("southwark-community-spaces", "A community kitchen in Peckham", "Peckham Food Collective", "GB-CHC-1180000",
     "Fit out the church hall kitchen", "New cookers, a cold store and food-safety training for twelve volunteers.",
     62000),
    ("southwark-community-spaces", "A community kitchen in Peckham", "Rye Lane Traders", "",
     "Pop-up kitchen in the market", "A kitchen unit in Rye Lane market, open three evenings a week.", 48000),
    ("southwark-community-spaces", "Espacio para clases de baile y música", "Walworth Latin Arts", "",
     "Dance and music room at the Walworth centre", "Sprung floor, sound system and a year of room hire.", 39000),
    ("newham-2026", "Free swimming lessons for children", "Newham Swim Club", "GB-CHC-1091234",
     "Swimming lessons for 400 children", "Ten-week courses at the Aquatics Centre for children who cannot swim.",
     85000),
    ("newham-2026", "Community garden at Canning Town", "Canning Town Growers", "GB-COH-09876543",
     "A garden on the Rathbone estate", "Raised beds, a shed and a water supply, run by residents.", 42000),
    ("newham-2026", "سڑکوں کی صفائی اور کوڑا دان", "East Ham Clean Streets", "",
     "Bins and monthly clean-ups", "Forty new bins and a monthly clean-up day with local schools.", 90000),
]
# (round slug, application title, member, meets the need, deliverable, value)
MARKS = [
    ("southwark-community-spaces", "Fit out the church hall kitchen", "amara@demo.commonground.test", 5, 4, 4),
    ("southwark-community-spaces", "Pop-up kitchen in the market", "amara@demo.commonground.test", 3, 3, 4),
    ("southwark-community-spaces", "Pop-up kitchen in the market", "joe@demo.commonground.test", 4, 3, 3),
    ("southwark-community-spaces", "Dance and music room at the Walworth centre", "amara@demo.commonground.test",
     4, 4, 5),
    ("newham-2026", "Swimming lessons for 400 children", "amara@demo.commonground.test", 5, 5, 4),
    ("newham-2026", "Swimming lessons for 400 children", "priya@demo.commonground.test", 5, 4, 4),
    ("newham-2026", "A garden on the Rathbone estate", "amara@demo.commonground.test", 4, 4, 5),
    ("newham-2026", "A garden on the Rathbone estate", "priya@demo.commonground.test", 5, 4, 5),
    ("newham-2026", "Bins and monthly clean-ups", "amara@demo.commonground.test", 3, 4, 2),
]
# (round slug, application title, member, reason)
CONFLICTS = [
    ("southwark-community-spaces", "Fit out the church hall kitchen", "joe@demo.commonground.test",
     "I volunteer with Peckham Food Collective."),
    ("newham-2026", "Bins and monthly clean-ups", "priya@demo.commonground.test",
     "My sister runs East Ham Clean Streets."),
]
# (round slug, application title, funded, amount awarded, reason)
DECISIONS = [
    ("newham-2026", "Swimming lessons for 400 children", True, 85000, "Residents' first need, and well planned."),
    ("newham-2026", "A garden on the Rathbone estate", True, 42000, ""),
    ("newham-2026", "Bins and monthly clean-ups", False, None,
     "The council has agreed to fund new bins itself; we asked the group to apply again for the clean-ups."),
]
RATIONALE = {
    "newham-2026": "We funded down the residents' ranking. Swimming came first and the garden third, and both "
                   "had strong marks. Street cleaning came second, but the council is now paying for the bins, "
                   "so our money goes further elsewhere.",
}
PUBLISHED = {"newham-2026"}
