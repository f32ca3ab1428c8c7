"""Steps several browser tests take alike: signing in, keying a paper ballot by keyboard, marking an application
and deciding on the panel."""
from playwright.sync_api import expect

from tests.conftest import PASSWORD


def sign_in_as(page, base, email, password):
    page.goto(f"{base}/account/sign-in")
    page.locator("#email").fill(email)
    page.locator("#password").fill(password)
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".flash--success")).to_be_visible()


def operator(browser, base, viewport, email):
    """A paper-keying operator who signs in by keyboard, in a browser of their own, and opens the keying form."""
    context = browser.new_context(viewport=viewport, locale="en", extra_http_headers={"Accept-Language": "en"})
    page = context.new_page()
    page.goto(f"{base}/account/sign-in")
    page.locator("#email").focus()
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.locator(".flash--success")).to_be_visible()
    page.goto(f"{base}/rounds/lewisham/paper/key")
    ready_to_key(page)
    return page


def ready_to_key(page):
    """The keying form opens, and comes back after each paper, with the serial field focused; keys pressed
    before that autofocus lands are lost."""
    expect(page.locator("#serial")).to_be_focused()


def key_by_keyboard(page, serial, marks):
    ready_to_key(page)
    page.keyboard.type(serial)
    page.keyboard.press("Tab")
    page.keyboard.type(marks)
    page.keyboard.press("Enter")
    expect(page.locator(".flash--success")).to_contain_text(serial)
    ready_to_key(page)


def mark_application(page, base, slug, title, marks, comment):
    """From the panel's list: open the application, say there is no conflict, give each criterion its mark with
    the comment, and come back to the list."""
    page.goto(f"{base}/rounds/{slug}/panel")
    page.locator("a", has_text=title).first.click()
    page.locator("form[action$='/no-conflict'] button[type=submit]").click()
    for n, mark in enumerate(marks):
        page.locator(f"#entries-{n}-mark-{mark - 1}").check()
        page.locator(f"#entries-{n}-comment").fill(comment)
    page.locator("form[action$='/marks'] button[type=submit]").click()
    expect(page.locator(".flash--success")).to_be_visible()


def decide(page, rationale=""):
    """On the panel's list, send the member's decisions; the first member to decide gives the rationale."""
    if rationale:
        page.locator("#rationale").fill(rationale)
    page.locator("form[action$='/decisions'] button[type=submit]").click()
    expect(page.locator(".flash--success")).to_be_visible()
