from datetime import timedelta

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from scenes.models import Actor, Character, Drama, Scene, SceneImage, Trope, TropeAlias, TropeGroup
from tests.admin_support import a_scene_with_everything, messages_of, scene_form, select, url_for
from tests.factories import CharacterFactory, SceneFactory, UserFactory

REGISTERED = sorted(admin.site._registry, key=lambda model: model._meta.label)


CATALOGUE = [Drama, Actor, Character, TropeGroup, Trope, TropeAlias, Scene, SceneImage]


# Who gets in


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, db):
    response = client.get(url_for(Scene, "changelist"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_a_fan_without_staff_status_gets_no_access(client, fan):
    client.force_login(fan)

    response = client.get(url_for(Scene, "changelist"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_staff_without_scene_permissions_cannot_open_the_scene_list(client, db):
    client.force_login(UserFactory(username="newstaff", is_staff=True))

    assert client.get(url_for(Scene, "changelist")).status_code == 403


def test_the_admin_is_titled_for_moderation(moderator_client):
    response = moderator_client.get(reverse("admin:index"))

    assert response.context["site_header"] == "tropedb moderation"
    assert "tropedb moderation" in response.text


# Every page opens


@pytest.mark.parametrize("model", REGISTERED, ids=lambda model: model._meta.label)
def test_every_changelist_and_add_page_opens_for_a_moderator(moderator_client, moderator, rf, model):
    a_scene_with_everything()
    request = rf.get("/")
    request.user = moderator
    # Some admins never add by hand (votes, reports: fans make those on the site); they refuse cleanly.
    can_add = admin.site._registry[model].has_add_permission(request)

    assert moderator_client.get(url_for(model, "changelist")).status_code == 200
    assert moderator_client.get(url_for(model, "add")).status_code == (200 if can_add else 403)


@pytest.mark.parametrize("model", REGISTERED, ids=lambda model: model._meta.label)
def test_every_change_page_opens_for_a_moderator(moderator_client, model):
    a_scene_with_everything()
    Group.objects.get_or_create(name="Moderators")
    obj = model._default_manager.first()
    if obj is None:
        pytest.skip(f"no {model._meta.verbose_name} to open in a catalogue of one scene")

    assert moderator_client.get(url_for(model, "change", obj.pk)).status_code == 200


@pytest.mark.parametrize("model", CATALOGUE, ids=lambda model: model._meta.label)
def test_a_moderator_of_the_moderators_group_can_open_every_catalogue_page(client, group_moderator, model):
    a_scene_with_everything()
    client.force_login(group_moderator)

    assert client.get(url_for(model, "changelist")).status_code == 200
    assert client.get(url_for(model, "add")).status_code == 200
    assert client.get(url_for(model, "change", model._default_manager.first().pk)).status_code == 200


def test_derived_tropes_open_too(moderator_client):
    trope = Trope.objects.get(slug="second-lead")

    assert moderator_client.get(url_for(Trope, "change", trope.pk)).status_code == 200


# Lists stay cheap


def scenes_in_new_dramas(count):
    for _ in range(count):
        a_scene_with_everything(submitted_by=UserFactory())


@pytest.mark.parametrize("model", [Scene, Drama, Character, Trope, SceneImage], ids=lambda m: m._meta.model_name)
def test_changelist_queries_do_not_grow_with_rows(moderator_client, django_assert_max_num_queries, model):
    scenes_in_new_dramas(1)
    moderator_client.get(url_for(model, "changelist"))  # warm the caches (content types, derived tropes)
    with CaptureQueriesContext(connection) as one_row:
        moderator_client.get(url_for(model, "changelist"))
    scenes_in_new_dramas(29)

    with django_assert_max_num_queries(len(one_row)):
        response = moderator_client.get(url_for(model, "changelist"))

    assert response.context["cl"].result_count >= 30 or model is Trope


# Search and filters


def test_scene_search_finds_a_scene_by_character_name(moderator_client):
    wanted = SceneFactory(hugger__name="Kim Tan")
    other = SceneFactory(hugger__name="Choi Young-do")

    response = moderator_client.get(url_for(Scene, "changelist"), {"q": "tan"})

    assert list(response.context["cl"].result_list) == [wanted]
    assert other not in response.context["cl"].result_list


def test_scene_search_finds_a_scene_by_drama_title(moderator_client):
    wanted = SceneFactory(drama__title="The Heirs")
    SceneFactory(drama__title="Secret Garden")

    response = moderator_client.get(url_for(Scene, "changelist"), {"q": "heirs"})

    assert list(response.context["cl"].result_list) == [wanted]


def test_actor_search_understands_hangul_names(moderator_client):
    lee = CharacterFactory(actor__name="Lee Min-ho", actor__hangul_name="이민호").actor
    CharacterFactory(actor__name="Park Shin-hye", actor__hangul_name="박신혜")

    response = moderator_client.get(url_for(lee, "changelist"), {"q": "이민호"})

    assert list(response.context["cl"].result_list) == [lee]
    assert response.context["cl"].result_list[0].role_count == 1


def test_classification_filter_finds_girl_initiated_scenes(moderator_client):
    girl_initiated = SceneFactory(hugger__gender=Character.Gender.FEMALE, hugged__gender=Character.Gender.MALE)
    SceneFactory()

    response = moderator_client.get(url_for(Scene, "changelist"), {"classification": "girl-initiated"})

    assert list(response.context["cl"].result_list) == [girl_initiated]


def test_trope_filter_offers_curated_tropes_and_finds_their_scenes(moderator_client):
    comforting = SceneFactory(tropes=["comfort"])
    SceneFactory(tropes=["possession"])

    response = moderator_client.get(url_for(Scene, "changelist"), {"trope": "comfort"})

    assert list(response.context["cl"].result_list) == [comforting]
    trope_filter = next(f for f in response.context["cl"].filter_specs if getattr(f, "parameter_name", "") == "trope")
    assert "second-lead" not in dict(trope_filter.lookup_choices)


def test_scene_list_shows_a_thumbnail_and_links_to_the_drama(moderator_client):
    scene = a_scene_with_everything()
    image = scene.images.get()

    response = moderator_client.get(url_for(Scene, "changelist"))

    assert f'src="{image.image.url}" alt="{image.alt_text}"' in response.text
    assert f'href="{url_for(Drama, "change", scene.drama_id)}"' in response.text


def test_drama_list_counts_characters_and_published_scenes(moderator_client):
    scene = SceneFactory()
    SceneFactory(drama=scene.drama, hugger=scene.hugger, hugged=scene.hugged, status=Scene.Status.PENDING)

    response = moderator_client.get(url_for(Drama, "changelist"))

    drama = response.context["cl"].result_list[0]
    assert (drama.character_count, drama.scene_count) == (2, 1)


# Actions


def test_publish_action_publishes_selected_pending_scenes(moderator_client):
    chosen = [SceneFactory(status=Scene.Status.PENDING, published_at=None) for _ in range(3)]
    left_alone = SceneFactory(status=Scene.Status.PENDING, published_at=None)

    response = moderator_client.post(url_for(Scene, "changelist"), select("publish", chosen), follow=True)

    assert "3 scenes published." in messages_of(response)
    for scene in chosen:
        scene.refresh_from_db()
        assert scene.status == Scene.Status.PUBLISHED
        assert scene.published_at is not None
    left_alone.refresh_from_db()
    assert left_alone.status == Scene.Status.PENDING


def test_publish_action_says_one_scene_in_the_singular(moderator_client):
    scene = SceneFactory(status=Scene.Status.PENDING, published_at=None)

    response = moderator_client.post(url_for(Scene, "changelist"), select("publish", [scene]), follow=True)

    assert messages_of(response) == ["1 scene published."]


def test_a_moderator_of_the_moderators_group_can_publish(client, group_moderator):
    scene = SceneFactory(status=Scene.Status.PENDING, published_at=None)
    client.force_login(group_moderator)

    response = client.post(url_for(Scene, "changelist"), select("publish", [scene]), follow=True)

    assert messages_of(response) == ["1 scene published."]


def test_a_moderator_of_the_moderators_group_edits_a_scene(client, group_moderator, scene):
    client.force_login(group_moderator)

    response = client.post(url_for(Scene, "change", scene.pk), scene_form(scene, setting="a windy rooftop"))

    assert response.status_code == 302
    scene.refresh_from_db()
    assert scene.setting == "a windy rooftop"


def test_republishing_keeps_the_first_publication_date(moderator_client):
    first_published = timezone.now() - timedelta(days=10)
    scene = SceneFactory(status=Scene.Status.PENDING, published_at=first_published)

    moderator_client.post(url_for(Scene, "changelist"), select("publish", [scene]))

    scene.refresh_from_db()
    assert scene.status == Scene.Status.PUBLISHED
    assert scene.published_at == first_published


def test_publishing_an_already_published_scene_says_it_needed_no_change(moderator_client):
    scene = SceneFactory()

    response = moderator_client.post(url_for(Scene, "changelist"), select("publish", [scene]), follow=True)

    assert messages_of(response) == ["0 scenes published. 1 selected scene needed no change."]


def test_unpublish_action_returns_scenes_to_pending(moderator_client):
    scenes = [SceneFactory(), SceneFactory()]

    response = moderator_client.post(url_for(Scene, "changelist"), select("unpublish", scenes), follow=True)

    assert "2 scenes unpublished." in messages_of(response)
    assert set(Scene.objects.values_list("status", flat=True)) == {Scene.Status.PENDING}


def test_reject_action_rejects(moderator_client):
    scene = SceneFactory(status=Scene.Status.PENDING, published_at=None)

    moderator_client.post(url_for(Scene, "changelist"), select("reject", [scene]))

    scene.refresh_from_db()
    assert scene.status == Scene.Status.REJECTED


def test_feature_action_features_only_published_scenes(moderator_client):
    published = SceneFactory()
    pending = SceneFactory(status=Scene.Status.PENDING, published_at=None)

    response = moderator_client.post(url_for(Scene, "changelist"), select("feature", [published, pending]), follow=True)

    assert messages_of(response) == [
        "1 scene featured. 1 selected scene needed no change. Only published scenes can be featured."
    ]
    assert list(Scene.objects.filter(is_featured=True)) == [published]


def test_a_new_scene_form_with_a_drama_that_is_not_a_number_starts_empty(moderator_client):
    response = moderator_client.get("/admin/scenes/scene/add/", {"drama": ":", "hugger": "x"})

    assert response.status_code == 200
