"""
What axe would find in the markup every page type is built from, checked on the server's HTML: headings that go
down one level at a time, and no ``aria-label`` on an element whose role forbids naming (a plain div, span or p:
screen readers ignore the label there, so its words are lost). The browser tests run axe itself.
"""

import itertools
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from community.models import Comment
from tests.factories import ActorFactory, SceneFactory, UserFactory

pytestmark = pytest.mark.django_db

# Elements whose implicit role (generic, paragraph, emphasis, strong, ...) may not carry aria-label without a role.
UNNAMEABLE = {"div", "span", "p", "b", "i", "s", "u", "em", "strong", "small", "code", "del", "ins", "sub", "sup"}


class Markup(HTMLParser):
    def __init__(self):
        super().__init__()
        self.headings: list[int] = []
        self.prohibited: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.headings.append(int(tag[1]))
        if tag in UNNAMEABLE and "aria-label" in attributes and "role" not in attributes:
            self.prohibited.append(f"<{tag} class={attributes.get('class')!r} aria-label={attributes['aria-label']!r}>")


def markup(response) -> Markup:
    assert response.status_code == 200, response.status_code
    parser = Markup()
    parser.feed(response.content.decode())
    return parser


def skipped_levels(headings: list[int]) -> list[str]:
    return [f"h{before} → h{after}" for before, after in itertools.pairwise(headings) if after > before + 1]


@pytest.fixture
def catalogue(db):
    """A small catalogue: two scenes of one drama sharing an actor, with tropes, votes and a thread."""
    actor = ActorFactory(slug="lee-min-ho")
    first = SceneFactory(hugger__actor=actor, tropes=["comfort"], awesome_count=3, awkward_count=1)
    SceneFactory(drama=first.drama, hugger=first.hugger, hugged=first.hugged, tropes=["comfort", "lingering"])
    author = UserFactory(username="writer")
    parent = Comment.objects.create(scene=first, author=author, body="That umbrella!")
    Comment.objects.create(scene=first, author=author, parent=parent, body="Right?")
    return first


def page_urls(scene) -> dict[str, str]:
    return {
        "front page": reverse("scenes:home"),
        "catalogue": reverse("scenes:scene-list"),
        "catalogue filtered": reverse("scenes:scene-list") + "?trope=comfort",
        "scene": scene.get_absolute_url(),
        "dramas": reverse("scenes:drama-list"),
        "drama": scene.drama.get_absolute_url(),
        "actor": scene.hugger.actor.get_absolute_url(),
        "actors": reverse("scenes:actor-list"),
        "trope guide": reverse("scenes:trope-list"),
        "trope": reverse("scenes:trope-detail", args=["comfort"]),
        "stats": reverse("scenes:stats"),
        "profile": reverse("community:profile", args=["writer"]),
        "duel ranking": reverse("community:duel-ranking"),
        "moderation log": reverse("scenes:moderation-log"),
        "sign in": reverse("account_login"),
    }


PAGES = [
    "front page",
    "catalogue",
    "catalogue filtered",
    "scene",
    "dramas",
    "drama",
    "actor",
    "actors",
    "trope guide",
    "trope",
    "stats",
    "profile",
    "duel ranking",
    "moderation log",
    "sign in",
]


@pytest.mark.parametrize("page", PAGES)
def test_headings_go_down_one_level_at_a_time(client, catalogue, page):
    headings = markup(client.get(page_urls(catalogue)[page])).headings
    assert headings and headings[0] <= 2, headings
    assert skipped_levels(headings) == [], headings


@pytest.mark.parametrize("page", PAGES)
def test_no_element_carries_a_label_its_role_forbids(client, catalogue, page):
    assert markup(client.get(page_urls(catalogue)[page])).prohibited == []


@pytest.mark.parametrize(
    "url_name",
    [
        "scenes:submit",
        "community:help-classify",
        "community:feed",
        "community:preferences",
        "community:duels",
        "scenes:find",
    ],
)
def test_a_fans_pages_follow_the_same_rules(client, catalogue, url_name):
    client.force_login(UserFactory(username="reader"))
    page = markup(client.get(reverse(url_name)))
    assert skipped_levels(page.headings) == [] and page.prohibited == []


def test_a_scene_card_says_its_tallies_in_words(client, catalogue):
    text = client.get(reverse("scenes:scene-list")).content.decode()
    assert "3 awesome, 1 awkward" in text
