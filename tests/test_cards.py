"""Scene cards are kept rendered (scenes.catalogue.cards): a repeat view reuses them, and a change shows at once."""

import pytest
from django.test.signals import template_rendered

from community.preferences.viewer import record_watch_progress
from community.services import cast_vote
from scenes.models import Trope
from scenes.models.querysets import forget_taxonomy
from tests.discovery_support import cast_for
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CARD = "scenes/_scene_card.html"


@pytest.fixture
def drama():
    """Three scenes of a 16-episode drama; the one in episode 14 is marked as a spoiler."""
    cast = cast_for(slug="sixteen", title="Sixteen", episodes=16)
    cast.first = cast.scene(cast.him, cast.her, episode=2, tropes=["comfort"], image=True)
    cast.second = cast.scene(cast.her, cast.him, episode=5)
    cast.late = cast.scene(cast.second_him, cast.her, episode=14, is_spoiler=True)
    return cast


class RenderedCards:
    """How many card templates a request rendered."""

    def __init__(self):
        self.count = 0

    def __call__(self, sender, template, **kwargs):
        self.count += template.name == CARD


def cards_rendered(client, url: str) -> tuple[int, str]:
    counter = RenderedCards()
    template_rendered.connect(counter)
    try:
        response = client.get(url)
    finally:
        template_rendered.disconnect(counter)
    assert response.status_code == 200
    return counter.count, response.content.decode()


def card_of(html: str, scene) -> str:
    """The one card that links to ``scene``."""
    cards = [card.split("</article>")[0] for card in html.split("<article")[1:]]
    (card,) = [card for card in cards if f'href="/scenes/{scene.pk}/"' in card]
    return card


def test_a_repeat_view_reuses_the_rendered_cards(client, drama):
    rendered, first = cards_rendered(client, "/scenes/")
    assert rendered == 3
    rendered, again = cards_rendered(client, "/dramas/sixteen/")  # Same cards, another page.
    assert rendered == 0
    assert card_of(again, drama.first) == card_of(first, drama.first)


def test_a_vote_shows_on_the_card_at_once(client, drama, without_response_cache):
    cards_rendered(client, "/scenes/")
    cast_vote(scene=drama.first, fan=UserFactory(), verdict="awesome")
    rendered, html = cards_rendered(client, "/scenes/")
    assert rendered == 1  # Only the card whose tally changed.
    assert "1 awesome" in card_of(html, drama.first)


def rename_drama(cast):
    cast.drama.title = "Sixteen Again"
    cast.drama.save()
    return "Sixteen Again"


def rename_hugger(cast):
    cast.him.name = "Kang Ha-neul"
    cast.him.save()
    return "Kang Ha-neul"


def rename_trope(cast):
    comfort = Trope.objects.get(slug="comfort")
    comfort.name = "Comforting"
    comfort.save()
    forget_taxonomy()  # As the admin does when it saves a trope.
    return ">Comforting</a>"


@pytest.mark.parametrize("rename", [rename_drama, rename_hugger, rename_trope])
def test_a_renamed_drama_character_or_trope_shows_on_the_cards_at_once(client, drama, rename):
    cards_rendered(client, "/scenes/")
    shown = rename(drama)
    assert shown in card_of(cards_rendered(client, "/scenes/")[1], drama.first)


def test_each_reader_gets_the_spoiler_notice_they_should(client, drama):
    notice = "Spoiler: episode 14 of 16"
    assert notice in card_of(cards_rendered(client, "/scenes/")[1], drama.late)
    fan = UserFactory()
    record_watch_progress(fan=fan, drama=drama.drama, last_episode=16)
    client.force_login(fan)
    assert notice not in card_of(cards_rendered(client, "/scenes/")[1], drama.late)
    fan_of_the_start = UserFactory()
    record_watch_progress(fan=fan_of_the_start, drama=drama.drama, last_episode=1)
    client.force_login(fan_of_the_start)
    html = cards_rendered(client, "/scenes/")[1]
    assert "Spoiler: episode 2 of 16" in card_of(html, drama.first)
    assert notice in card_of(html, drama.late)
    client.logout()
    assert "Spoiler: episode 2 of 16" not in card_of(cards_rendered(client, "/scenes/")[1], drama.first)


def test_a_changed_card_template_is_never_served_from_old_entries(
    client, drama, settings, tmp_path, without_response_cache
):
    cards_rendered(client, "/scenes/")
    override = tmp_path / "templates" / "scenes"
    override.mkdir(parents=True)
    source = (settings.BASE_DIR / "templates" / CARD).read_text()
    (override / "_scene_card.html").write_text(source.replace("scene-card__body", "scene-card__body new-look"))
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path / "templates", *settings.TEMPLATES[0]["DIRS"]]}]
    rendered, html = cards_rendered(client, "/scenes/")
    assert rendered == 3
    assert html.count("new-look") == 3
