"""Every string in the code is in every shipped catalog, translated, with the same placeholders."""
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
CATALOGS = sorted((ROOT / "translations").glob("*/LC_MESSAGES/messages.po"))
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


@pytest.fixture(scope="module")
def in_code(tmp_path_factory) -> set[str]:
    """The strings the code asks for, extracted once for all nine catalogs."""
    pot = tmp_path_factory.mktemp("extracted") / "messages.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", "-k", "_l",
                    "-k", "lazy_gettext", "--ignore-dirs=.*", "-o", str(pot), "."],
                   cwd=ROOT, check=True, capture_output=True)
    with pot.open("rb") as handle:
        return {message.id if isinstance(message.id, str) else message.id[0] for message in read_po(handle) if message.id}


def test_every_offered_language_ships_a_catalog_and_every_catalog_is_offered():
    from config import Config

    assert {path.parts[-3] for path in CATALOGS} == set(Config.LANGUAGES) - {"en"}
    # The ten interface languages the round's residents speak most (issue 6).
    assert set(Config.LANGUAGES) == {"en", "pl", "bn", "ur", "ar", "so", "tr", "pt", "es", "ro"}


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.parts[-3])
def test_catalog_has_every_string_of_the_code_translated(path, in_code):
    with path.open("rb") as handle:
        catalog = read_po(handle)
    known = {m.id if isinstance(m.id, str) else m.id[0]: m for m in catalog if m.id}
    assert "This matters to me too" in in_code and "Please check the form" in in_code
    missing = sorted(in_code - set(known))
    assert missing == [], f"not in {path.parts[-3]} catalog (run make translations): {missing[:5]}"
    untranslated = [key for key, m in known.items() if not m.string or (isinstance(m.string, tuple) and not all(m.string))]
    fuzzy = [key for key, m in known.items() if m.fuzzy]
    assert untranslated == [] and fuzzy == []


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.parts[-3])
def test_translations_keep_the_placeholders_of_the_english(path):
    with path.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if not message.id:
            continue
        source = message.id if isinstance(message.id, str) else message.id[1]
        targets = [message.string] if isinstance(message.string, str) else list(message.string)
        expected = set(PLACEHOLDER.findall(source)) - {"%(num)d"}
        for target in targets:
            assert expected <= set(PLACEHOLDER.findall(target)), (source, target)
            assert set(PLACEHOLDER.findall(target)) <= set(PLACEHOLDER.findall(source)), (source, target)
