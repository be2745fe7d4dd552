"""Replying keeps the fan's place: the thread htmx swaps in puts the focus on the new comment (or back in the form)."""

import re

import pytest

from community.models import Comment
from tests.community_factories import comment_on, comments_url
from tests.style_support import declared

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def focused(html: str) -> list[str]:
    """The opening tags that carry autofocus (the element htmx focuses after the swap)."""
    return re.findall(r"<[^>]*\bautofocus\b[^>]*>", html)


def test_an_htmx_reply_comes_back_with_the_focus_on_the_new_reply(client, fan, scene):
    parent = comment_on(scene, body="Awkward, surely?")
    comment_on(scene, body="Another thread")
    client.force_login(fan)
    response = client.post(comments_url(scene), {"body": "No, awesome.", "parent": parent.pk}, **HTMX)
    reply = Comment.objects.get(parent=parent)
    html = response.content.decode()
    assert response.status_code == 200
    assert focused(html) == ['<article tabindex="-1" autofocus>']
    assert re.search(rf'id="comment-{reply.pk}">\s*<article tabindex="-1" autofocus>', html)


def test_a_new_top_level_comment_takes_the_focus_too(client, fan, scene):
    client.force_login(fan)
    response = client.post(comments_url(scene), {"body": "Peak drama."}, **HTMX)
    comment = Comment.objects.get(scene=scene)
    assert re.search(rf'id="comment-{comment.pk}">\s*<article tabindex="-1" autofocus>', response.content.decode())


def test_an_empty_reply_comes_back_with_the_focus_in_the_text_box(client, fan, scene):
    parent = comment_on(scene, body="Awkward, surely?")
    client.force_login(fan)
    response = client.post(comments_url(scene), {"body": "", "parent": parent.pk}, **HTMX)
    assert response.status_code == 400
    [tag] = focused(response.content.decode())
    assert tag.startswith("<textarea") and 'name="body"' in tag


def test_the_page_after_a_reply_without_javascript_puts_the_reply_below_the_sticky_header(client, fan, scene):
    parent = comment_on(scene, body="Awkward, surely?")
    client.force_login(fan)
    response = client.post(comments_url(scene), {"body": "No, awesome.", "parent": parent.pk})
    assert response["Location"].endswith(f"#comment-{Comment.objects.get(parent=parent).pk}")
    # The header stays on top from 760px, about 160px tall below 1440px (three rows for a signed-in fan), 80px
    # above: the anchored comment scrolls to just below it, not under it.
    for width, header in ((800, 160), (1280, 160), (1600, 80)):
        assert declared(".site-header", "position", width=width) == "sticky"
        margin = declared(".comment", "scroll-margin-top", width=width)
        assert float(margin.removesuffix("rem")) * 16 > header, (width, margin)
