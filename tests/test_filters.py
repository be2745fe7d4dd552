"""The catalogue's query string: every parameter, combinations, and bad input that must never be a 500."""

import pytest

from tests.factories import ActorFactory, DramaFactory, SceneFactory

pytestmark = pytest.mark.django_db

LIST = "/scenes/"


def listed(client, query):
    response = client.get(LIST, query)
    assert response.status_code == 200, response.context.get("message")
    return set(response.context["page"].object_list)


@pytest.fixture
def heirs():
    return DramaFactory(
        title="The Heirs", slug="the-heirs", hangul_title="상속자들", other_titles="Heirs; The Inheritors"
    )


def test_drama_filter_keeps_that_dramas_scenes(client, heirs):
    inside = SceneFactory(drama=heirs)
    SceneFactory()
    assert listed(client, {"drama": "the-heirs"}) == {inside}


def test_every_trope_given_must_hold(client):
    both = SceneFactory(tropes=["comfort", "lingering"])
    SceneFactory(tropes=["comfort"])
    SceneFactory(tropes=["lingering"])
    assert listed(client, {"trope": ["comfort", "lingering"]}) == {both}


def test_a_derived_trope_filters_by_the_characters(client):
    hers = SceneFactory(hugger__gender="female", hugger__role="female_lead")
    second = SceneFactory(hugger__role="second_male_lead")
    SceneFactory()
    assert listed(client, {"trope": "girl-initiated"}) == {hers}
    assert listed(client, {"trope": "second-lead"}) == {second}
    assert listed(client, {"trope": ["second-lead", "boy-initiated"]}) == {second}


def test_excluded_tropes_are_left_out(client):
    kept = SceneFactory(tropes=["welcomed"])
    SceneFactory(tropes=["reluctant"])
    SceneFactory(hugger__gender="female", tropes=["welcomed"])
    assert listed(client, {"exclude": ["reluctant", "girl-initiated"]}) == {kept}


def test_include_and_exclude_combine_with_drama(client, heirs):
    wanted = SceneFactory(drama=heirs, tropes=["comfort"])
    SceneFactory(drama=heirs, tropes=["comfort", "reluctant"])
    SceneFactory(tropes=["comfort"])
    assert listed(client, {"drama": "the-heirs", "trope": "comfort", "exclude": "reluctant"}) == {wanted}


def test_a_fans_word_for_a_trope_works_in_the_filter(client):
    captured = SceneFactory(tropes=["reluctant"])
    SceneFactory()
    assert listed(client, {"trope": "captured"}) == {captured}


def test_actor_filter_finds_hugs_given_and_received(client):
    actor = ActorFactory(slug="lee-min-ho")
    gives = SceneFactory(hugger__actor=actor)
    receives = SceneFactory(hugged__actor=actor)
    SceneFactory()
    assert listed(client, {"actor": "lee-min-ho"}) == {gives, receives}


def test_actor_filter_combines_with_a_search(client):
    actor = ActorFactory(slug="lee-min-ho")
    gives = SceneFactory(hugger__actor=actor, description="On the rooftop.")
    receives = SceneFactory(hugged__actor=actor, description="A rooftop at night.")
    SceneFactory(hugged__actor=actor, description="In the kitchen.")
    SceneFactory(description="On the rooftop.")
    assert listed(client, {"actor": "lee-min-ho", "q": "rooftop"}) == {gives, receives}
    assert listed(client, {"actor": ActorFactory(slug="no-roles").slug}) == set()


@pytest.mark.parametrize("text", ["Heirs", "상속자들", "inheritors", "umbrella", "  umbrella   HEIRS "])
def test_text_search_matches_titles_and_descriptions(client, heirs, text):
    found = SceneFactory(drama=heirs, description="He holds her under an umbrella.")
    SceneFactory(description="Nothing to see.")
    assert listed(client, {"q": text}) == {found}


def test_text_search_matches_actor_names(client):
    found = SceneFactory(hugger__actor=ActorFactory(name="Park Shin-hye", hangul_name="박신혜"))
    SceneFactory()
    assert listed(client, {"q": "park shin-hye"}) == {found}
    assert listed(client, {"q": "박신혜"}) == {found}


def test_newest_is_the_default_order_and_story_order_is_offered(client, heirs, without_response_cache):
    late = SceneFactory(drama=heirs, episode=9)
    early = SceneFactory(drama=heirs, episode=2)
    assert list(client.get(LIST).context["page"].object_list) == [early, late]
    assert list(client.get(LIST, {"sort": "story"}).context["page"].object_list) == [early, late][::1]
    ordered = list(client.get(LIST, {"sort": "story"}).context["page"].object_list)
    assert [scene.episode for scene in ordered] == [2, 9]


def test_pages_split_long_results(client, settings):
    settings.SCENES_PER_PAGE = 2
    SceneFactory.create_batch(5)
    response = client.get(LIST, {"page": "3"})
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == 1
    assert "page 3 of 3" in response.content.decode()


def test_unpublished_scenes_never_appear(client):
    SceneFactory(status="pending", published_at=None)
    SceneFactory(status="rejected")
    assert listed(client, {}) == set()


def test_a_filter_matching_nothing_is_an_empty_result_not_an_error(client):
    SceneFactory()
    response = client.get(LIST, {"trope": "neck-kiss"})
    assert response.status_code == 200
    assert "No back hugs match" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ({"drama": "no-such-drama"}, 400, "No drama by that name"),
        ({"actor": "nobody"}, 400, "No actor by that name"),
        ({"trope": "flying-hug"}, 400, "No trope called “flying-hug”"),
        ({"exclude": "flying-hug"}, 400, "No trope called"),
        ({"sort": "bogus"}, 400, "Sort by new, awesome, awkward, controversial, discussed, story"),
        ({"page": "abc"}, 400, "The page must be a whole number"),
        ({"page": "0"}, 400, "Pages are numbered from 1"),
        ({"page": "-1"}, 400, "The page must be a whole number"),
        ({"page": "99999"}, 404, "There is no page 99999"),
        ({"page": "9" * 400}, 400, "The page must be a whole number"),
        ({"q": "x" * 10_000}, 400, "at most 200 characters"),
        ({"q": "hug\x00"}, 400, "Null characters are not allowed"),
        ({"q": "hug\x1b[31m"}, 400, "Remove the control characters"),
        ({"drama": "the-heirs\x00"}, 400, "Null characters are not allowed"),
        ({"drama": "x" * 10_000}, 400, "No drama by that name"),
        ({"trope": "\x00"}, 400, "Null characters are not allowed"),
        ({"trope": "<script>alert(1)</script>"}, 400, "No trope called"),
        ({"trope": ["comfort"] * 30}, 400, "at most 20 tropes"),
        ({"actor": "'; DROP TABLE scenes_scene; --"}, 400, "No actor by that name"),
    ],
)
def test_bad_input_gets_a_clear_message_and_a_4xx(client, heirs, query, status, message):
    SceneFactory(drama=heirs)
    response = client.get(LIST, query)
    assert response.status_code == status
    assert message in response.content.decode()
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_a_bad_filter_keeps_the_valid_ones_on_the_form(client, heirs):
    response = client.get(LIST, {"drama": "the-heirs", "trope": "nope"})
    assert response.status_code == 400
    assert 'name="drama" id="id_drama" value="The Heirs"' in response.content.decode()


@pytest.mark.parametrize("typed", ["The Heirs", "the heirs ", "상속자들"])
def test_a_drama_typed_by_title_leads_to_its_slug_url(client, heirs, typed):
    response = client.get(LIST, {"q": "umbrella", "drama": typed, "sort": "awesome"})
    assert response.status_code == 302
    assert response["Location"] == "/scenes/?q=umbrella&drama=the-heirs&sort=awesome"


def test_an_unknown_drama_title_is_kept_in_the_box_with_a_message(client, heirs):
    response = client.get(LIST, {"drama": "The Hiers"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "No drama by that name in the catalogue" in page
    assert 'value="The Hiers"' in page


def test_the_drama_box_suggests_titles_as_you_type_instead_of_listing_every_drama(client, heirs):
    DramaFactory(title="Goblin", slug="goblin", hangul_title="도깨비")
    page = client.get(LIST).content.decode()
    assert "Goblin" not in page  # No <select> of every drama: the catalogue may hold thousands.
    options = client.get("/dramas/options/", {"drama": "gob"}).content.decode()
    assert '<option value="Goblin">' in options
    assert "The Heirs" not in options
    assert '<option value="Goblin">' in client.get("/dramas/options/", {"drama": "도깨"}).content.decode()


def test_empty_parameters_from_the_form_mean_no_filter(client):
    scene = SceneFactory()
    assert listed(client, {"q": "", "drama": "", "actor": "", "sort": "", "page": ""}) == {scene}
