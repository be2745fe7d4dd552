"""Voting in a real browser, at 390 and 1280 px: the question in view as the scene opens, an anonymous reader's
verdict kept through signing in, and a fan's vote from a scene card."""

import re

import pytest
from playwright.sync_api import expect

from community.models import Vote
from tests.browser.catalogue import small_catalogue
from tests.browser.support import at
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.browser,
    # The live server reads committed rows from its own thread; serialized_rollback restores the taxonomy after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a long and rainy bus stop"
# The first screen a reader sees: a laptop's 1280x900, a phone's 390x844.
FIRST_SCREEN = {390: 844, 1280: 900}


@pytest.fixture
def catalogue():
    return small_catalogue()


def test_the_question_and_its_buttons_are_in_view_as_the_scene_opens(page, width, catalogue):
    page.goto(catalogue.first_hug.get_absolute_url())
    verdict = page.locator("#verdict")

    expect(verdict.get_by_role("heading", name="Awkward or awesome?")).to_be_in_viewport()
    for name in ("Awesome", "Awkward"):
        button = verdict.get_by_role("button", name=name, exact=True)
        box = button.bounding_box()
        assert box is not None and box["y"] + box["height"] <= FIRST_SCREEN[width], (name, box)
    assert page.evaluate("() => window.scrollY") == 0


def test_an_anonymous_readers_awesome_is_kept_through_signing_in(page, catalogue):
    UserFactory(username="hugfan", password=PASSWORD)
    scene = catalogue.first_hug
    page.goto(scene.get_absolute_url())

    page.locator("#verdict").get_by_role("button", name="Awesome", exact=True).click()

    main = page.get_by_role("main")
    why = "Sign in or sign up to vote: your awesome for the back hug in Secret Garden (Episode 4"
    expect(main.get_by_role("status")).to_contain_text(why)
    main.get_by_label("Login").fill("hugfan")
    main.get_by_label("Password:", exact=True).fill(PASSWORD)
    main.get_by_role("button", name=re.compile("sign in", re.IGNORECASE)).click()

    expect(page).to_have_url(re.compile(re.escape(scene.get_absolute_url()) + "#verdict$"))
    verdict = page.locator("#verdict")
    expect(verdict.get_by_role("button", name="Awesome", exact=True)).to_have_attribute("aria-pressed", "true")
    expect(verdict).to_contain_text("You said awesome.")
    expect(page.get_by_text("Your vote is in: awesome.")).to_be_visible()
    assert Vote.objects.get(scene=scene, fan__username="hugfan").verdict == "awesome"


def test_a_fan_votes_from_a_card_and_it_is_pressed_in_place(open_page, width, catalogue):
    page = open_page(width, user=UserFactory(username="cardfan"))
    page.goto("/scenes/")
    card = page.locator(".scene-card").filter(has_text="Gil Ra-im")
    awkward = card.get_by_role("button", name="Awkward")

    awkward.click()

    expect(awkward).to_have_attribute("aria-pressed", "true")
    expect(card.locator(".card-vote__button--awkward .card-vote__count")).to_have_text("1")
    expect(page).to_have_url(at("/scenes/"))  # updated in place
    assert Vote.objects.get(scene=catalogue.first_hug, fan__username="cardfan").verdict == "awkward"

    card.get_by_role("button", name="Awkward").click()  # pressed again: the vote is taken back
    expect(card.get_by_role("button", name="Awkward")).to_have_attribute("aria-pressed", "false")
    expect(card.locator(".card-vote__button--awkward .card-vote__count")).to_have_text("0")
