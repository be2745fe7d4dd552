"""
Every kind of page in a real browser, on the demo catalogue, at 390 and 1280 px in light and dark: axe-core finds
no violation, and a full-page screenshot of each is kept in artifacts/screenshots/ for a reviewer (README "Tests").
"""

import pytest
from django.core.management import call_command

from scenes.models import Actor, Drama, Scene, Trope
from tests.browser.support import axe_violations, screenshot_as
from tests.factories import SceneFactory, SceneImageFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    # The live server reads committed rows from its own thread; serialized_rollback restores the taxonomy after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture
def media_in_tmp(settings, demo_media, tmp_path):
    """The demo's pictures are drawn once for the module (the loader draws only what is missing), not per test."""
    settings.MEDIA_ROOT = demo_media
    incoming = {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path / "in"}}
    settings.STORAGES = {**settings.STORAGES, "incoming": incoming}


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)
    fan = UserFactory(username="bora")
    scene = Scene.objects.published().order_by("pk").first()
    # Something waits in the moderators' queue.
    pending = SceneFactory(
        drama=scene.drama,
        hugger=scene.hugger,
        hugged=scene.hugged,
        episode=scene.episode,
        start_seconds=(scene.start_seconds or 0) + 300,
        end_seconds=(scene.start_seconds or 0) + 320,
        status=Scene.Status.PENDING,
        published_at=None,
        submitted_by=fan,
    )
    SceneImageFactory(scene=pending)
    return {
        "fan": fan,
        "moderator": UserFactory(username="mod", is_staff=True, is_superuser=True),
        "scene": scene.get_absolute_url(),
        "spoiler": Scene.objects.published().filter(is_spoiler=True).order_by("pk").first().get_absolute_url(),
        "drama": Drama.objects.order_by("pk").first().get_absolute_url(),
        "actor": Actor.objects.order_by("pk").first().get_absolute_url(),
        "trope": Trope.objects.get(slug="comfort").get_absolute_url(),
        "profile": "/accounts/demo-fan-01/",
        "review": f"/admin/scenes/scene/{pending.pk}/review/",
    }


# (screenshot name, path or key of the demo's addresses, who looks: None for an anonymous reader, or a key)
READER_PAGES = [
    ("front", "/"),
    ("catalogue", "/scenes/"),
    ("scene", "scene"),
    ("spoiler", "spoiler"),  # a scene marked as a spoiler: its page blurred behind the notice
    ("drama", "drama"),
    ("actor", "actor"),
    ("actors", "/actors/"),
    ("tropes", "/tropes/"),
    ("trope", "trope"),
    ("stats", "/stats/"),
    ("profile", "profile"),
    ("sign-in", "/accounts/login/"),
    ("api-docs", "/api/docs/"),
    ("duels-ranking", "/duels/ranking/"),
    ("find", "/scenes/find/"),
]
FAN_PAGES = [
    ("submit", "/scenes/submit/"),
    ("duels", "/duels/"),
    ("feed", "/me/feed/"),
    ("notifications", "/me/notifications/"),
    ("preferences", "/me/preferences/"),
]
MODERATOR_PAGES = [
    ("admin-index", "/admin/"),
    ("admin-queue", "/admin/scenes/pendingscene/"),
    ("admin-review", "review"),
]
# Page types whose axe check waits on work in progress elsewhere are listed here, and nowhere else.
AXE_NOT_YET = set()


def visit(page, demo, name, where):
    path = demo.get(where, where)
    response = page.goto(path)
    assert response.status == 200, f"{name}: {path} answered {response.status}"
    if name == "api-docs":
        # Swagger UI draws the reference from the schema after the page has loaded.
        page.locator(".opblock").first.wait_for()
    page.wait_for_load_state("networkidle")
    screenshot_as(page, name)
    if name in AXE_NOT_YET:
        return []
    return [f"{name} ({path}): {violation}" for violation in axe_violations(page)]


def test_every_kind_of_page_passes_axe_and_leaves_a_screenshot(open_page, width, demo):
    found = []
    for color_scheme in ("light", "dark"):
        reader = open_page(width, color_scheme)
        for name, where in READER_PAGES:
            found += visit(reader, demo, name, where)
        fan = open_page(width, color_scheme, user=demo["fan"])
        for name, where in FAN_PAGES:
            found += visit(fan, demo, name, where)
        moderator = open_page(width, color_scheme, user=demo["moderator"])
        for name, where in MODERATOR_PAGES:
            found += visit(moderator, demo, name, where)
    assert not found, "axe-core found:\n" + "\n".join(found)
