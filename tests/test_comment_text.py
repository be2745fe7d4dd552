"""What a comment may contain: line breaks and links kept, markup shown as text, limits on its length."""

import pytest

from community.models import Comment
from community.services import COMMENT_MAX_LENGTH
from tests.community_factories import comments_url

pytestmark = pytest.mark.django_db


def text(response):
    return response.content.decode()


# What a comment may contain


def test_line_breaks_in_a_comment_show_as_line_breaks(client, fan, scene):
    client.force_login(fan)
    client.post(comments_url(scene), {"body": "First line\r\nSecond line"})
    assert "First line<br>Second line" in text(client.get(scene.get_absolute_url()))


def test_links_in_a_comment_are_clickable(client, fan, scene):
    client.force_login(fan)
    client.post(comments_url(scene), {"body": "Clip at http://example.com please"})
    assert '<a href="http://example.com"' in text(client.get(scene.get_absolute_url()))


def test_a_javascript_url_in_a_comment_is_not_made_a_link(client, fan, scene):
    client.force_login(fan)
    client.post(comments_url(scene), {"body": "Click javascript:alert(1) now"})
    page = text(client.get(scene.get_absolute_url()))
    assert 'href="javascript:' not in page
    assert "javascript:alert(1)" in page


def test_a_script_tag_in_a_comment_shows_as_text(client, fan, scene):
    client.force_login(fan)
    client.post(comments_url(scene), {"body": "<script>alert(1)</script>"})
    page = text(client.get(scene.get_absolute_url()))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)</script>" not in page


def test_html_formatting_in_a_comment_shows_as_text(client, fan, scene):
    client.force_login(fan)
    client.post(comments_url(scene), {"body": "<b>bold</b>"})
    page = text(client.get(scene.get_absolute_url()))
    assert "&lt;b&gt;bold&lt;/b&gt;" in page
    assert "<b>bold</b>" not in page


def test_a_comment_over_the_length_limit_gets_a_400_next_to_the_field_and_keeps_the_text(client, fan, scene):
    too_long = "x" * (COMMENT_MAX_LENGTH + 1)
    client.force_login(fan)
    response = client.post(comments_url(scene), {"body": too_long})
    assert response.status_code == 400
    page = text(response)
    assert f'<p class="field__error">Comments can be at most {COMMENT_MAX_LENGTH} characters' in page
    assert f"{too_long}</textarea>" in page
    assert not Comment.objects.exists()


def test_a_comment_at_the_length_limit_is_posted(client, fan, scene):
    client.force_login(fan)
    response = client.post(comments_url(scene), {"body": "x" * COMMENT_MAX_LENGTH})
    assert response.status_code == 302
    assert Comment.objects.get().body == "x" * COMMENT_MAX_LENGTH


@pytest.mark.parametrize("body", ["", "   ", "\r\n\r\n"])
def test_an_empty_comment_gets_a_message_and_stores_nothing(client, fan, scene, body):
    client.force_login(fan)
    response = client.post(comments_url(scene), {"body": body})
    assert response.status_code == 400
    assert "Write something before posting." in text(response)
    assert not Comment.objects.exists()


def test_a_comment_with_a_nul_character_gets_a_message_and_stores_nothing(client, fan, scene):
    client.force_login(fan)
    response = client.post(comments_url(scene), {"body": "Hi\x00there"})
    assert response.status_code == 400
    assert not Comment.objects.exists()
