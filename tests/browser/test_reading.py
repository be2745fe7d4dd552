"""A reader's paths in a real browser, at 390 and 1280 px: search as they type, require and leave out tropes,
open a spoiler."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.catalogue import small_catalogue
from tests.browser.support import at, focused

pytestmark = [
    pytest.mark.browser,
    # The live server reads committed rows from its own thread; serialized_rollback restores the taxonomy after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def catalogue():
    return small_catalogue()


def test_search_suggests_as_the_reader_types_and_leads_to_the_drama(page, catalogue):
    page.goto("/")
    page.get_by_role("searchbox", name="Search back hugs").press_sequentially("secret gar", delay=20)

    suggestion = page.locator("#site-search-suggestions").get_by_role("link", name="Secret Garden")
    expect(suggestion).to_be_visible()
    suggestion.click()

    expect(page).to_have_url(at(catalogue.garden.get_absolute_url()))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Secret Garden")


def test_a_reader_requires_one_trope_and_leaves_out_another(page, catalogue):
    page.goto("/scenes/")
    results = page.get_by_role("region", name="Results")
    expect(results.get_by_role("article")).to_have_count(3)

    facets = page.get_by_role("navigation", name="Refine by trope")
    facets.get_by_role("link", name="Comfort & solace", exact=True).click()
    expect(page).to_have_url(re.compile(r"[?&]trope=comfort"))
    expect(results.get_by_role("article")).to_have_count(2)

    facets.get_by_role("link", name="Exclude One-sided").click()
    expect(page).to_have_url(re.compile(r"[?&]exclude=one-sided"))
    expect(results.get_by_role("article")).to_have_count(1)
    expect(results.get_by_role("article")).to_contain_text("Kim Joo-won")

    # Both choices show as chips that undo them.
    chosen = page.get_by_role("region", name="Tropes you chose")
    chosen.get_by_role("link", name="Remove exclusion of One-sided").click()
    expect(results.get_by_role("article")).to_have_count(2)


def test_a_reader_opens_a_spoiler_and_hides_it_again(page, catalogue):
    page.goto(catalogue.landing.get_absolute_url())
    card = page.locator("article[data-spoiler]")
    expect(card).to_have_count(1)
    title = card.get_by_role("heading")
    # Hidden, the spoiler's words are out of reach of keyboards and screen readers.
    expect(title).to_have_js_property("inert", True)

    card.get_by_text("Show anyway").click()
    expect(title).to_have_js_property("inert", False)
    expect(title).to_contain_text("Ri Jeong-hyeok")
    card.get_by_text("Hide the spoiler again").click()
    expect(title).to_have_js_property("inert", True)

    card.get_by_text("Show anyway").click()
    title.get_by_role("link").click()
    expect(page).to_have_url(at(catalogue.spoiler.get_absolute_url()))
    # The scene's own page gives nothing away where it cannot blur: its heading and title name the drama only.
    neutral = f"A back hug in Crash Landing on You, episode {catalogue.spoiler.episode} (spoiler)"
    expect(page.get_by_role("heading", level=1)).to_have_text(neutral)
    assert page.title().startswith(neutral)
    who = page.locator(".facts dd").first
    expect(who).to_have_js_property("inert", True)
    page.locator(".spoiler--page summary").click()
    expect(who).to_contain_text("Ri Jeong-hyeok")


def tab_to(page, describe, *, key="Tab", most=60):
    """Press ``key`` until the focused element matches ``describe`` (a function of focused()); fail after ``most``."""
    for _ in range(most):
        page.keyboard.press(key)
        now = focused(page)
        if describe(now):
            return now
    raise AssertionError(f"{key} never reached it; focus ended on {focused(page)}")


def focus_is_visible(page):
    """The focused element shows a focus ring (an outline or a box shadow), or its card does (a card outlines itself
    when its title link has the focus)."""
    return page.evaluate(
        """() => { const ring = element => { const style = getComputedStyle(element);
                     return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
                            || style.boxShadow !== 'none'; };
                   const card = document.activeElement.closest('.card');
                   return ring(document.activeElement) || (card !== null && ring(card)); }"""
    )


def test_a_keyboard_alone_finds_a_drama_opens_a_spoiler_and_reaches_the_scene(page, catalogue):
    page.goto("/")
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Skip to content"
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main"

    page.keyboard.press("Shift+Tab")  # back up into the header, then on to the search box
    tab_to(page, lambda now: now["id"] == "site-search-q", key="Shift+Tab")
    assert focus_is_visible(page)
    page.keyboard.type("crash landing", delay=20)
    expect(page.locator("#site-search-suggestions a").first).to_be_visible()
    tab_to(page, lambda now: "Crash Landing on You" in now["text"], key="ArrowDown", most=10)
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    expect(page).to_have_url(at(catalogue.landing.get_absolute_url()))

    title = page.locator("article[data-spoiler]").get_by_role("heading")
    tab_to(page, lambda now: now["tag"] == "summary" and "Show anyway" in now["text"])
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    expect(title).to_have_js_property("inert", False)
    tab_to(page, lambda now: now["tag"] == "a" and "Ri Jeong-hyeok" in now["text"])
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    expect(page).to_have_url(at(catalogue.spoiler.get_absolute_url()))
