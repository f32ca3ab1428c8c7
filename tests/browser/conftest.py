"""A live server and headless Chromium at phone size, with axe-core for accessibility checks."""
import json
import os
import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from app.extensions import db
from app.models import Need, PaperBallot, PaperBatch, Round
from app.paper import pairs as paper_pairs

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
PHONE = {"width": 360, "height": 740}
TABLET = {"width": 768, "height": 1024}
HD = {"width": 1280, "height": 720}
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _missing(what: str, how: str):
    message = f"{what} not found: {how}"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(autouse=True)
def _empty_database_after_each_test(clean_tables):
    yield


@pytest.fixture
def paper_round(app, make_round, make_need, make_user):
    """A round ranking three needs, two facilitators to key papers (ana and ben), and a batch of blank papers with
    these serials; returns the batch's id, the needs' ids, and each pairwise paper's printed pairs."""
    def make(serials, **round_options):
        make_round(slug="lewisham", title="Lewisham Local", phase="rank", **round_options)
        for title in ("Street lights", "Play area", "Benches"):
            make_need(title=title)
        for who in ("ana", "ben"):
            make_user(f"{who}@example.org", "facilitator", "lewisham")
        with app.app_context():
            round_ = db.session.scalar(db.select(Round))
            batch = PaperBatch(round_id=round_.id, name="Library box 1", site="Deptford Lounge")
            db.session.add(batch)
            db.session.flush()
            needs = list(db.session.scalars(db.select(Need.id).order_by(Need.id)))
            printed = ({s: paper_pairs.draw(s, needs) for s in serials}
                       if round_options.get("ballot_kind") == "pairwise" else {})
            db.session.add_all(PaperBallot(round_id=round_.id, batch_id=batch.id, serial=s,
                                           pairs=paper_pairs.to_text(printed.get(s, []))) for s in serials)
            db.session.commit()
            return batch.id, needs, printed
    return make


@pytest.fixture(scope="session")
def chromium_path():
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        _missing("Chromium", "install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH")
    return path


@pytest.fixture(scope="session")
def axe_source():
    if not AXE.exists():
        _missing("axe-core", "install Node.js and npm, then run make test (it runs npm install)")
    return AXE.read_text()


@pytest.fixture(scope="session")
def live_server(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def phone(browser, request):
    """A new phone-sized browser tab; a failing test leaves a screenshot in test-artifacts/."""
    locale = getattr(request, "param", "en")
    context = browser.new_context(viewport=PHONE, locale=locale, extra_http_headers={"Accept-Language": locale},
                                  device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.script_errors = errors
    yield page
    context.close()


def axe_violations(page, axe_source) -> list[dict]:
    """Run axe-core's WCAG 2.2 A/AA rules on the page as it is now."""
    page.evaluate(axe_source + "\n;0")
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_AA
    )
    return [{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:3]}
            for v in result["violations"]]


def assert_accessible(page, axe_source, name: str) -> None:
    violations = axe_violations(page, axe_source)
    ARTIFACTS.mkdir(exist_ok=True)
    # caret="initial": hiding the caret injects a <style>, which our CSP rightly blocks.
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True, caret="initial")
    assert violations == [], f"{name}: {json.dumps(violations, indent=1)}"
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{name}: the page is {overflow}px wider than the screen"
