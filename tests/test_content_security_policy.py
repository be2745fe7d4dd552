"""Every kind of page carries a strict Content-Security-Policy, and no page needs more than it allows."""

import re

import pytest
from django.core.cache import cache

from tests.community_factories import CommentFactory
from tests.factories import SceneFactory, UserFactory

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    "/",
    "/scenes/",
    "/scenes/?q=hug",
    "/dramas/",
    "/tropes/",
    "/stats/",
    "/moderation/log/",
    "/search/suggest/?q=dra",
    "/accounts/login/",
    "/accounts/signup/",
    "/api/docs/",
    "/api/scenes/",
    "/api/schema/",
    "/feeds/scenes/",
    "/sitemap.xml",
    "/robots.txt",
    "/healthz",
    "/no-such-page/",
    "/scenes/?page=x",
]


@pytest.fixture
def catalogue():
    scene = SceneFactory()
    CommentFactory(scene=scene)
    return scene


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def assert_strict(response):
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    header = response["Content-Security-Policy"]
    assert "unsafe-inline" not in header and "unsafe-eval" not in header and "nonce-" not in header


@pytest.mark.parametrize("url", PAGE_TYPES)
def test_every_kind_of_page_carries_a_strict_policy(client, catalogue, url):
    assert_strict(client.get(url))


def test_the_scene_drama_actor_and_trope_pages_carry_it(client, catalogue):
    for url in (
        catalogue.get_absolute_url(),
        catalogue.drama.get_absolute_url(),
        catalogue.hugger.actor.get_absolute_url(),
        "/tropes/comfort/",
    ):
        assert_strict(client.get(url))


def test_a_fans_pages_and_the_admin_carry_it(client, catalogue, moderator):
    client.force_login(UserFactory(username="reader"))
    for url in ("/scenes/submit/", "/api/tokens/", "/accounts/reader/", "/me/preferences/"):
        assert_strict(client.get(url))
    client.force_login(moderator)
    for url in ("/admin/", "/admin/scenes/scene/", f"/admin/scenes/scene/{catalogue.pk}/change/"):
        assert_strict(client.get(url))


def test_a_cached_page_does_not_replay_a_nonce(client, catalogue):
    cache.clear()
    first, second = client.get("/"), client.get("/")
    assert first["Content-Security-Policy"] == second["Content-Security-Policy"]


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(ld\+)?json\")[^>]*>", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"\s(on[a-z]+|hx-on[:a-z-]*)\s*=", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style|\sstyle\s*=", re.IGNORECASE)


@pytest.mark.parametrize("url", ["/", "/scenes/", "/dramas/", "/tropes/", "/stats/", "/api/docs/", "/accounts/login/"])
def test_no_page_holds_code_or_styles_the_policy_would_block(client, catalogue, url):
    html = client.get(url).content.decode()
    assert not INLINE_SCRIPT.search(html)
    assert not INLINE_HANDLER.search(html)
    assert not INLINE_STYLE.search(html)


def test_the_scene_and_drama_pages_hold_no_inline_code_or_style(client, catalogue):
    for url in (catalogue.get_absolute_url(), catalogue.drama.get_absolute_url()):
        html = client.get(url).content.decode()
        assert not INLINE_SCRIPT.search(html) and not INLINE_HANDLER.search(html) and not INLINE_STYLE.search(html)


def test_the_moderators_screens_hold_no_inline_code(client, catalogue, moderator):
    client.force_login(moderator)
    for url in ("/admin/", "/admin/scenes/scene/add/", f"/admin/scenes/scene/{catalogue.pk}/change/"):
        html = client.get(url).content.decode()
        assert not INLINE_SCRIPT.search(html), url
        assert not INLINE_HANDLER.search(html), url
