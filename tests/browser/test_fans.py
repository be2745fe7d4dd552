"""A fan's paths in a real browser, at 390 and 1280 px: signing up, commenting and replying (the focus kept on
what they wrote)."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.catalogue import small_catalogue
from tests.browser.support import at, focused
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.browser,
    # The live server reads committed rows from its own thread; serialized_rollback restores the taxonomy after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def catalogue():
    return small_catalogue()


def has_focus(locator):
    """The focus is on the element or inside it."""
    return locator.evaluate("element => element.contains(document.activeElement)")


def test_a_reader_signs_up_from_a_scene_and_is_signed_in(page, catalogue):
    page.goto(catalogue.first_hug.get_absolute_url())
    page.locator("#comments").get_by_role("link", name="sign up").click()

    main = page.get_by_role("main")
    main.get_by_label("Username").fill("backhugfan")
    main.get_by_label("Email").fill("backhugfan@example.com")
    main.get_by_label("Password:", exact=True).fill("a long and rainy bus stop")
    main.get_by_label("Password (again)").fill("a long and rainy bus stop")
    main.get_by_role("button", name=re.compile("sign up", re.IGNORECASE)).click()

    account = page.get_by_role("navigation", name="Account")
    expect(account.get_by_role("link", name="backhugfan")).to_be_visible()
    expect(account.get_by_role("button", name="Sign out")).to_be_visible()


def test_a_fan_comments_and_replies_to_a_comment(open_page, width, catalogue):
    fan = UserFactory(username="hugfan")
    page = open_page(width, user=fan)
    page.goto(catalogue.first_hug.get_absolute_url())
    comments = page.locator("#comments")

    comments.get_by_label("Do you have something to say about this back hug?").fill("The sit-up room hug, of course.")
    comments.get_by_role("button", name="Post comment").click()
    comment = comments.get_by_role("listitem").filter(has_text="The sit-up room hug, of course.")
    expect(comment).to_be_visible()
    expect(page).to_have_url(at(catalogue.first_hug.get_absolute_url()))  # updated in place
    assert has_focus(comment), focused(page)  # the fan's place is kept: on what they just wrote

    comment.get_by_text("Reply", exact=True).click()
    comment.get_by_label("Your reply to hugfan").fill("Agreed, and the line after it.")
    comment.get_by_role("button", name="Post reply").click()

    reply = page.locator("#comments .comment-list--replies > li").filter(has_text="Agreed, and the line after it.")
    expect(reply).to_be_visible()
    expect(reply).to_be_in_viewport()
    assert has_focus(reply), focused(page)
