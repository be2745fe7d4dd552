"""Searching the catalogue (q= on /scenes/): every field, both scripts, any spelling of a name, by relevance."""

import io

import pytest
from django.core.management import call_command
from django.db import connection

from community.preferences.viewer import set_trope_hidden
from scenes.models import Scene, Trope
from scenes.search import ranking as search
from scenes.search.ranking import ranked_scene_ids
from scenes.search.text import name_words, parse_query
from tests.caching import cold_cache
from tests.factories import ActorFactory, CharacterFactory, DramaFactory, SceneFactory

pytestmark = pytest.mark.django_db

LIST = "/scenes/"


def found(client, text, **filters):
    response = client.get(LIST, {"q": text, **filters})
    assert response.status_code == 200, response.context.get("message")
    page = response.context["page"]
    return list(page.object_list)


@pytest.fixture
def heirs():
    return DramaFactory(
        title="The Heirs", slug="the-heirs", hangul_title="상속자들", other_titles="Heirs; The Inheritors"
    )


@pytest.fixture
def kim_tan_hug(heirs):
    actor = ActorFactory(name="Lee Min-ho", slug="lee-min-ho", hangul_name="이민호")
    return SceneFactory(
        drama=heirs,
        hugger__name="Kim Tan",
        hugger__actor=actor,
        hugged__name="Cha Eun-sang",
        hugged__actor__name="Park Shin-hye",
        hugged__actor__hangul_name="박신혜",
        setting="a rooftop at night",
        description="He pulls her close by the railing and will not let go.",
        line_korean="가지 마",
        line_english="Don't go",
    )


@pytest.fixture
def elsewhere():
    return SceneFactory(
        drama__title="Boys Over Flowers",
        drama__hangul_title="꽃보다 남자",
        setting="a ferry",
        description="She holds on as the boat leaves the harbour.",
    )


@pytest.mark.parametrize(
    "text",
    [
        "The Heirs",  # English title
        "heirs",
        "상속자들",  # Hangul title
        "상속",  # the start of a Hangul word
        "Inheritors",  # another title
        "Kim Tan",  # the hugger
        "Cha Eun-sang",  # the hugged
        "cha eunsang",
        "Lee Min-ho",  # an actor, romanised as written...
        "lee minho",  # ...without the hyphen, lower case
        "Lee Minho",
        "LEE MIN HO",
        "leeminho",
        "minho",
        "이민호",  # ...and in Hangul
        "Park Shin-hye",
        "박신혜",
        "rooftop",  # setting
        "railing",  # description
        "가지 마",  # the line, in Korean
        "don't go",  # and in English
        "  kim   TAN ",
    ],
)
def test_search_finds_a_scene_by_each_field_and_script(client, kim_tan_hug, elsewhere, text):
    assert found(client, text) == [kim_tan_hug]


@pytest.mark.parametrize("text", ["Lee Min-ho", "lee min ho", "LEE MINHO", "leeminho"])
def test_a_name_stored_without_hyphen_is_found_by_every_spelling(client, text):
    scene = SceneFactory(hugger__actor__name="Lee Minho")
    SceneFactory()
    assert found(client, text) == [scene]


def test_accents_do_not_matter_either_way(client):
    cafe = SceneFactory(setting="a Café in Seoul")
    resume = SceneFactory(description="She reads his resume on the bus.")
    assert found(client, "cafe") == [cafe]
    assert found(client, "résumé") == [resume]


def test_every_word_must_match(client, kim_tan_hug, elsewhere):
    assert found(client, "heirs ferry") == []
    assert found(client, "heirs rooftop") == [kim_tan_hug]


def test_an_exact_drama_title_ranks_above_a_mention_in_a_description(client, heirs, without_response_cache):
    mention = SceneFactory(description="Just like Kim Tan in The Heirs, he hugs her from behind.")
    exact = SceneFactory(drama=heirs, description="He waits for her by the door.")
    newer_mention = SceneFactory(description="A nod to The Heirs: the same rooftop, the same hug.")
    assert found(client, "The Heirs")[0] == exact
    assert set(found(client, "The Heirs")) == {exact, mention, newer_mention}


def test_a_name_ranks_above_a_word_in_a_description(client):
    described = SceneFactory(description="He whispers Seoul before letting go.")
    named = SceneFactory(hugger__name="Seoul Kim")
    assert found(client, "seoul") == [named, described]


def test_search_combines_with_other_filters(client, kim_tan_hug, heirs):
    other_in_heirs = SceneFactory(drama=heirs, description="Rooftop again, in the rain.")
    SceneFactory(description="A rooftop somewhere else.")
    assert set(found(client, "rooftop", drama="the-heirs")) == {kim_tan_hug, other_in_heirs}


def test_an_explicit_sort_replaces_relevance(client, heirs):
    older = SceneFactory(drama=heirs, published_at="2024-01-01T00:00:00Z")
    newer = SceneFactory(description="The Heirs, remembered.", published_at="2025-01-01T00:00:00Z")
    assert found(client, "heirs") == [older, newer]
    assert found(client, "heirs", sort="new") == [newer, older]


def test_search_results_keep_their_rank_order_across_pages(client, settings, heirs):
    settings.SCENES_PER_PAGE = 2
    titled = [SceneFactory(drama=heirs, description=f"Scene {n}.") for n in range(3)]
    mentions = [SceneFactory(description=f"Like in The Heirs, take {n}.") for n in range(2)]
    pages = [client.get("/scenes/", {"q": "The Heirs", "page": number}) for number in (1, 2, 3)]
    assert [response.status_code for response in pages] == [200, 200, 200]
    listed = [scene for response in pages for scene in response.context["page"].object_list]
    assert set(listed[:3]) == set(titled)  # The title's scenes first, page after page, then the mentions.
    assert set(listed[3:]) == set(mentions)
    assert pages[0].context["page"].paginator.count == 5
    assert client.get("/scenes/", {"q": "The Heirs", "page": 4}).status_code == 404


def test_unpublished_scenes_are_not_found(client):
    SceneFactory(setting="secret garden", status=Scene.Status.PENDING, published_at=None)
    assert found(client, "garden") == []


def test_punctuation_alone_finds_nothing_and_an_empty_search_lists_everything(client, kim_tan_hug, elsewhere):
    assert found(client, "--- !!") == []
    assert set(found(client, "")) == {kim_tan_hug, elsewhere}


# Staying in sync ----------------------------------------------------------------------------------------


def test_renaming_a_character_updates_results(client, kim_tan_hug):
    character = kim_tan_hug.hugger
    character.name = "Choi Young-do"
    character.save()
    assert found(client, "Kim Tan") == []
    assert found(client, "choi youngdo") == [kim_tan_hug]


def test_renaming_an_actor_updates_results(client, kim_tan_hug):
    actor = kim_tan_hug.hugger.actor
    actor.name, actor.hangul_name = "Kim Woo-bin", "김우빈"
    actor.save()
    assert found(client, "lee minho") == []
    assert found(client, "kim woobin") == [kim_tan_hug]
    assert found(client, "김우빈") == [kim_tan_hug]


def test_giving_a_character_another_actor_updates_results(client, kim_tan_hug):
    character = kim_tan_hug.hugger
    character.actor = ActorFactory(name="Kang Ha-neul")
    character.save()
    assert found(client, "kang haneul") == [kim_tan_hug]
    assert found(client, "lee min-ho") == []


def test_retitling_a_drama_updates_results(client, kim_tan_hug, heirs):
    heirs.title, heirs.hangul_title, heirs.other_titles = "The Inheritors", "왕관", ""
    heirs.save()
    assert found(client, "heirs") == []
    assert found(client, "왕관") == [kim_tan_hug]


def test_editing_a_description_updates_results(client, kim_tan_hug):
    kim_tan_hug.description = "He covers her eyes with his hands."
    kim_tan_hug.save()
    assert found(client, "railing") == []
    assert found(client, "covers eyes") == [kim_tan_hug]


def test_a_deleted_scene_is_no_longer_found(client, kim_tan_hug):
    kim_tan_hug.delete()
    assert found(client, "Kim Tan") == []


def test_rebuilding_the_index_indexes_bulk_loaded_scenes(client, heirs, without_response_cache):
    hugger = CharacterFactory(drama=heirs, name="Kim Tan")
    hugged = CharacterFactory(drama=heirs, name="Cha Eun-sang", gender="female", role="female_lead")
    bulk = Scene(
        drama=heirs, episode=2, start_seconds=10, end_seconds=20, hugger=hugger, hugged=hugged,
        description="Loaded in bulk.", status=Scene.Status.PUBLISHED, published_at="2025-01-01T00:00:00Z",
    )  # fmt: skip
    Scene.objects.bulk_create([bulk])  # No signals: not indexed yet.
    assert found(client, "bulk") == []
    call_command("rebuild_search_index", stdout=io.StringIO())
    assert [scene.pk for scene in found(client, "bulk")] == [bulk.pk]


# Rankings kept a minute -----------------------------------------------------------------------------------


def test_a_repeated_search_is_neither_ranked_nor_counted_again(
    client, django_assert_max_num_queries, kim_tan_hug, without_response_cache
):
    def ranking_and_counting(captured):
        return [query for query in captured if "scenesearch" in query["sql"] or "COUNT(" in query["sql"]]

    with django_assert_max_num_queries(30) as first:
        assert found(client, "rooftop") == [kim_tan_hug]
    with django_assert_max_num_queries(30) as again:
        response = client.get(LIST, {"q": "rooftop"})
    assert len(ranking_and_counting(first.captured_queries)) == 3  # Ranking, attached and derived trope counts.
    assert ranking_and_counting(again.captured_queries) == []
    assert list(response.context["page"].object_list) == [kim_tan_hug]
    facets = {facet.trope.slug: facet.count for group in response.context["facet_groups"] for facet in group.facets}
    assert facets == {"boy-initiated": 1}


def test_a_kept_search_counts_a_character_s_new_role_at_once(client, kim_tan_hug):
    def facets():
        response = client.get(LIST, {"q": "rooftop"})
        return {facet.trope.slug: facet.count for group in response.context["facet_groups"] for facet in group.facets}

    assert "second-lead" not in facets()
    hugger = kim_tan_hug.hugger
    hugger.role = "second_male_lead"
    hugger.save(update_fields=["role"])  # Not a searched field: the search documents stay as they are.
    assert facets()["second-lead"] == 1


def test_a_kept_search_finds_a_scene_published_or_edited_since(client, kim_tan_hug, heirs, without_response_cache):
    assert found(client, "rooftop") == [kim_tan_hug]
    pending = SceneFactory(drama=heirs, setting="the rooftop garden", status=Scene.Status.PENDING, published_at=None)
    assert found(client, "rooftop") == [kim_tan_hug]
    pending.publish()
    pending.save()
    assert set(found(client, "rooftop")) == {kim_tan_hug, pending}
    edited = SceneFactory(setting="a ferry")
    edited.setting = "another rooftop"
    edited.save()
    assert set(found(client, "rooftop")) == {kim_tan_hug, pending, edited}


def test_a_kept_search_drops_a_scene_unpublished_or_deleted_since(client, kim_tan_hug, heirs):
    other = SceneFactory(drama=heirs, setting="the rooftop garden")
    assert set(found(client, "rooftop")) == {kim_tan_hug, other}
    other.status = Scene.Status.REJECTED
    other.save()
    response = client.get(LIST, {"q": "rooftop"})
    assert list(response.context["page"].object_list) == [kim_tan_hug]
    assert response.context["page"].paginator.count == 1
    kim_tan_hug.delete()
    assert found(client, "rooftop") == []


def test_a_kept_search_with_a_trope_filter_follows_the_scenes_tropes(client, kim_tan_hug, without_response_cache):
    assert found(client, "rooftop", trope="comfort") == []
    kim_tan_hug.tropes.add(Trope.objects.get(slug="comfort"))
    assert found(client, "rooftop", trope="comfort") == [kim_tan_hug]
    kim_tan_hug.scene_tropes.get(trope__slug="comfort").delete()
    assert found(client, "rooftop", trope="comfort") == []


def test_a_fan_who_hides_a_trope_is_not_given_another_readers_ranking(client, fan, kim_tan_hug, heirs):
    comforting = SceneFactory(drama=heirs, setting="the rooftop garden", tropes=["comfort"])
    assert client.get(LIST, {"q": "rooftop"}).context["page"].paginator.count == 2
    set_trope_hidden(fan=fan, trope=Trope.objects.get(slug="comfort"), hidden=True)
    client.force_login(fan)
    response = client.get(LIST, {"q": "rooftop"})
    assert response.context["page"].paginator.count == 1
    assert comforting not in response.context["page"].object_list


# Bounds and typos ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("few", [0, 20_000], ids=["looked up one by one", "tested against the list"])
def test_both_ways_of_joining_other_filters_find_the_same(client, monkeypatch, kim_tan_hug, heirs, few):
    """Many scenes left by the other filters are looked up match by match; few are tested as a list."""
    monkeypatch.setitem(search.RANKING[connection.vendor], "few", few)
    other = SceneFactory(drama=heirs, description="Rooftop again, in the rain.")
    SceneFactory(description="A rooftop somewhere else.")
    assert set(found(client, "rooftop", drama="the-heirs")) == {kim_tan_hug, other}
    assert found(client, "Kim Tan") == [kim_tan_hug]


@pytest.mark.parametrize("few", [0, 20_000], ids=["looked up one by one", "tested against the list"])
def test_a_filtered_search_scores_the_newest_matches_of_the_filtered_scenes(monkeypatch, heirs, few):
    monkeypatch.setitem(search.RANKING[connection.vendor], "few", few)
    monkeypatch.setattr(search, "SEARCH_CANDIDATES", 2)
    matches = [SceneFactory(drama=heirs, description="Up on the rooftop.") for _ in range(3)]
    SceneFactory(drama=heirs, description="In the kitchen.")  # Newer, but no match: it takes no candidate's place.
    SceneFactory(description="Up on the rooftop.")  # Newer, a match, but another drama.
    ranked = ranked_scene_ids(Scene.objects.published().filter(drama=heirs), "rooftop")
    assert ranked == [matches[2].pk, matches[1].pk]


def test_search_ranks_in_one_query(django_assert_num_queries):
    scene = SceneFactory(setting="a rooftop")
    with django_assert_num_queries(1):
        assert ranked_scene_ids(Scene.objects.published(), "rooftop") == [scene.pk]


def test_a_phrase_is_ranked_in_as_few_queries_as_its_matches_allow(monkeypatch, django_assert_num_queries):
    """
    SQLite ranks a phrase in two queries (the phrase, then every word anywhere) unless the phrase alone fills
    the results; PostgreSQL ranks both tiers in one query.
    """
    phrases = [SceneFactory(setting="rainy bus stop") for _ in range(2)]
    scattered = SceneFactory(setting="a bus in the rain", description="Rainy day; the stop is far.")
    with django_assert_num_queries(1 if connection.vendor == "postgresql" else 2):
        found = ranked_scene_ids(Scene.objects.published(), "rainy bus stop")
    assert set(found[:2]) == {scene.pk for scene in phrases} and found[2:] == [scattered.pk]
    monkeypatch.setattr(search, "SEARCH_RESULTS", 2)
    cold_cache()  # The same search was just ranked and is kept (see the rankings kept, below).
    with django_assert_num_queries(1):
        assert set(ranked_scene_ids(Scene.objects.published(), "rainy bus stop")) == {scene.pk for scene in phrases}


def test_the_newest_phrase_matches_filling_the_results_are_ranked_in_one_query(monkeypatch, django_assert_num_queries):
    phrases = [SceneFactory(setting="rainy bus stop") for _ in range(3)]
    SceneFactory(setting="a bus in the rain", description="Rainy day; the stop is far.")
    monkeypatch.setattr(search, "SEARCH_CANDIDATES", 3)
    monkeypatch.setattr(search, "SEARCH_RESULTS", 2)
    with django_assert_num_queries(1):
        assert ranked_scene_ids(Scene.objects.published(), "rainy bus stop") == [phrases[2].pk, phrases[1].pk]


def test_an_old_phrase_match_comes_first_when_newer_matches_fill_the_candidates(monkeypatch):
    old = SceneFactory(setting="rainy bus stop")
    newer = [SceneFactory(setting="a bus in the rain", description="Rainy day; the stop is far.") for _ in range(3)]
    monkeypatch.setattr(search, "SEARCH_CANDIDATES", 2)  # Only the two newest matches of every word are scored.
    assert ranked_scene_ids(Scene.objects.published(), "rainy bus stop") == [old.pk, newer[2].pk, newer[1].pk]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="Trigram similarity is PostgreSQL's (pg_trgm).")
def test_a_misspelt_name_still_finds_the_scene_on_postgresql(client, kim_tan_hug, elsewhere):
    assert found(client, "Lee Minoh") == [kim_tan_hug]
    assert found(client, "Boys Ovr Flowers") == [elsewhere]


# How text is normalised -----------------------------------------------------------------------------------


def test_names_are_indexed_with_their_squashed_forms():
    assert name_words("Lee Min-ho") == ["lee", "min", "ho", "minho", "leeminho"]
    assert name_words("이민호") == ["이민호"]


def test_a_query_also_matches_joined_and_squashed():
    assert parse_query("Lee Min-ho").fts5() == '("lee" AND (("min" AND "ho"*) OR "minho"*)) OR "leeminho"*'
    assert parse_query("상속 lee").tsquery() == "('상속':* & 'lee':*) | '상속lee':*"
    assert not parse_query("-- !")


# Queries stay fixed ------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["q=kim+tan", "q=umbrella+heirs&sort=awesome", "q=kim&trope=comfort"])
def test_search_page_queries_stay_fixed_from_1_to_30_results(client, django_assert_max_num_queries, heirs, query):
    hugger = CharacterFactory(drama=heirs, name="Kim Tan")
    hugged = CharacterFactory(drama=heirs, gender="female", role="female_lead")

    def fill(count):
        for number in range(count):
            SceneFactory(drama=heirs, hugger=hugger, hugged=hugged, episode=1 + number % 16, tropes=["comfort"])

    fill(1)
    cold_cache()  # Both requests start with a cold cache, as the first reader after a deploy.
    with django_assert_max_num_queries(12) as one:
        assert client.get(f"{LIST}?{query}").context["page"].paginator.count == 1
    fill(29)
    cold_cache()
    with django_assert_max_num_queries(12) as thirty:
        assert client.get(f"{LIST}?{query}").context["page"].paginator.count == 30
    assert len(thirty) == len(one)
