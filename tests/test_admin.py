import io
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from PIL import Image

from scenes.models import Actor, Character, Drama, Scene, SceneImage, SceneTrope, Trope, TropeAlias, TropeGroup
from tests.factories import CharacterFactory, DramaFactory, SceneFactory, SceneImageFactory, UserFactory

REGISTERED = sorted(admin.site._registry, key=lambda model: model._meta.label)


def url_for(model, page, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}", args=args)


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


def a_scene_with_everything(**kwargs):
    """A scene with a screenshot and a curated trope, so every admin page has something to show."""
    image = SceneImageFactory(scene__tropes=["comfort"], **{f"scene__{key}": value for key, value in kwargs.items()})
    return image.scene


def scene_form(scene=None, **changes) -> dict:
    """What the scene change form posts, with ``changes`` applied; inline rows can be added via ``changes``."""
    values = {
        "drama": scene.drama_id,
        "episode": scene.episode,
        "start_seconds": scene.start_seconds,
        "end_seconds": scene.end_seconds,
        "hugger": scene.hugger_id,
        "hugged": scene.hugged_id,
        "setting": scene.setting,
        "description": scene.description,
        "line_korean": "",
        "line_english": "",
        "status": scene.status,
        "is_featured": scene.is_featured,
        "is_illustrative": scene.is_illustrative,
    }
    for prefix in ("images", "scene_tropes"):
        values |= {
            f"{prefix}-TOTAL_FORMS": 0,
            f"{prefix}-INITIAL_FORMS": 0,
            f"{prefix}-MIN_NUM_FORMS": 0,
            f"{prefix}-MAX_NUM_FORMS": 1000,
        }
    values |= changes
    # An unticked checkbox is simply not posted.
    return {key: ("on" if value is True else value) for key, value in values.items() if value is not False}


@pytest.fixture
def group_moderator(db):
    """A moderator as the site has them: staff in the Moderators group, not a superuser."""
    user = UserFactory(username="modestine", is_staff=True)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


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


def select(action, scenes) -> dict:
    return {"action": action, "_selected_action": [scene.pk for scene in scenes]}


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


# The scene form


def test_a_hugger_from_another_drama_is_a_form_error_not_a_server_error(moderator_client, scene):
    stranger = CharacterFactory(name="Someone Else")

    response = moderator_client.post(url_for(Scene, "change", scene.pk), scene_form(scene, hugger=stranger.pk))

    assert response.status_code == 200
    assert "Someone Else is not a character of" in response.text
    scene.refresh_from_db()
    assert scene.hugger_id != stranger.pk


def test_adding_a_scene_with_characters_of_another_drama_saves_nothing(moderator_client, scene):
    other_drama = DramaFactory()

    response = moderator_client.post(url_for(Scene, "add"), scene_form(scene, drama=other_drama.pk))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors.keys() == {"hugger", "hugged"}
    assert Scene.objects.count() == 1


def test_an_episode_beyond_the_drama_is_a_form_error(moderator_client, scene):
    response = moderator_client.post(url_for(Scene, "change", scene.pk), scene_form(scene, episode=99))

    assert response.status_code == 200
    assert "has only 16 episodes" in response.text


def test_a_database_rule_tripped_after_validation_is_reported_not_a_server_error(moderator_client, scene, monkeypatch):
    """Should a concurrent change slip past the form, the trigger still refuses it, and the moderator is told."""
    monkeypatch.setattr(Scene, "clean", lambda self: None)
    stranger = CharacterFactory()

    response = moderator_client.post(url_for(Scene, "change", scene.pk), scene_form(scene, hugger=stranger.pk))

    assert response.status_code == 302
    assert response["Location"] == url_for(Scene, "change", scene.pk)
    assert "Nothing was saved" in moderator_client.get(response["Location"]).text
    scene.refresh_from_db()
    assert scene.hugger_id != stranger.pk


def test_publishing_through_the_status_field_dates_the_scene(moderator_client):
    scene = SceneFactory(status=Scene.Status.PENDING, published_at=None)

    response = moderator_client.post(url_for(Scene, "change", scene.pk), scene_form(scene, status="published"))

    assert response.status_code == 302
    scene.refresh_from_db()
    assert scene.status == Scene.Status.PUBLISHED
    assert scene.published_at is not None


def test_a_pending_scene_cannot_be_featured(moderator_client):
    scene = SceneFactory(status=Scene.Status.PENDING, published_at=None)

    response = moderator_client.post(url_for(Scene, "change", scene.pk), scene_form(scene, is_featured=True))

    assert response.status_code == 200
    assert "Only a published scene can be featured" in response.text


def test_a_scene_added_by_a_moderator_is_submitted_by_them(moderator_client, moderator, scene):
    response = moderator_client.post(url_for(Scene, "add"), scene_form(scene, episode=4))

    assert response.status_code == 302
    assert Scene.objects.get(episode=4).submitted_by == moderator


def attached_trope(trope) -> dict:
    return {
        "scene_tropes-TOTAL_FORMS": 1,
        "scene_tropes-0-trope": trope.pk,
        "scene_tropes-0-origin": "curated",
        "scene_tropes-0-is_public": "on",
    }


def test_curated_tropes_are_attached_in_the_scene_form(moderator_client, scene):
    comfort = Trope.objects.get(slug="comfort")

    response = moderator_client.post(
        url_for(Scene, "change", scene.pk),
        scene_form(scene, **attached_trope(comfort)),
    )

    assert response.status_code == 302
    assert list(scene.tropes.all()) == [comfort]
    assert scene.scene_tropes.get().origin == SceneTrope.Origin.CURATED


def test_derived_tropes_cannot_be_attached_in_the_scene_form(moderator_client, scene):
    second_lead = Trope.objects.get(slug="second-lead")

    response = moderator_client.post(
        url_for(Scene, "change", scene.pk),
        scene_form(scene, **attached_trope(second_lead)),
    )

    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert not SceneTrope.objects.exists()


def test_derived_tropes_are_not_offered_for_attaching(moderator_client):
    def offered(term):
        response = moderator_client.get(
            reverse("admin:autocomplete"),
            {"app_label": "scenes", "model_name": "scenetrope", "field_name": "trope", "term": term},
        )
        return {int(result["id"]) for result in response.json()["results"]}

    derived = set(Trope.objects.derived().values_list("pk", flat=True))
    assert offered("") and not offered("") & derived
    assert offered("initiated") == set()
    assert offered("comfort") == {Trope.objects.get(slug="comfort").pk}


def test_derived_tropes_still_found_when_searching_the_taxonomy_itself(moderator_client):
    response = moderator_client.get(url_for(Trope, "changelist"), {"q": "initiated"})

    assert {trope.slug for trope in response.context["cl"].result_list} >= {"girl-initiated", "boy-initiated"}


def test_hugger_suggestions_are_the_characters_of_the_selected_drama(moderator_client, scene):
    CharacterFactory(name="Character Elsewhere")

    response = moderator_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "scenes", "model_name": "scene", "field_name": "hugger", "drama": scene.drama_id},
    )

    assert {int(result["id"]) for result in response.json()["results"]} == {scene.hugger_id, scene.hugged_id}


def test_screenshots_show_a_preview_with_their_alt_text_escaped(moderator_client):
    image = SceneImageFactory(alt_text='She laughs <script>alert("x")</script>')

    response = moderator_client.get(url_for(Scene, "change", image.scene_id))

    assert f'src="{image.image.url}"' in response.text
    assert 'alt="She laughs &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" width="160"' in response.text
    assert '<script>alert("x")' not in response.text


def jpeg_with_location(name="holiday.jpg") -> SimpleUploadedFile:
    picture = Image.new("RGB", (800, 450), "pink")
    exif = Image.Exif()
    exif[0x010F] = "Camera that knows where you live"  # Make
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", exif=exif)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def uploaded_screenshot(upload) -> dict:
    return {
        "images-TOTAL_FORMS": 1,
        "images-0-image": upload,
        "images-0-alt_text": "He holds her from behind in the rain.",
        "images-0-position": 0,
    }


def test_a_screenshot_uploaded_by_a_moderator_is_re_encoded_like_a_fans(moderator_client, scene):
    response = moderator_client.post(
        url_for(Scene, "change", scene.pk), scene_form(scene, **uploaded_screenshot(jpeg_with_location()))
    )

    assert response.status_code == 302
    screenshot = scene.images.get()
    assert screenshot.image.name.endswith(".webp")
    assert "holiday" not in screenshot.image.name
    assert (screenshot.width, screenshot.height) == (800, 450)
    assert len(screenshot.perceptual_hash) == 16
    assert screenshot.thumbnail_small and screenshot.thumbnail_medium
    with Image.open(screenshot.image.path) as stored:
        assert stored.format == "WEBP"
        assert not stored.getexif()


def test_a_file_that_is_not_a_picture_is_refused_with_a_message(moderator_client, scene):
    fake = SimpleUploadedFile("cute.jpg", b"<?php echo 'not a picture'; ?>", content_type="image/jpeg")

    response = moderator_client.post(url_for(Scene, "change", scene.pk), scene_form(scene, **uploaded_screenshot(fake)))

    assert response.status_code == 200
    assert not SceneImage.objects.exists()
    assert response.context["inline_admin_formsets"][0].formset.errors[0].keys() == {"image"}


def test_replacing_a_screenshot_deletes_the_old_files_once_saved(
    moderator_client, scene, django_capture_on_commit_callbacks
):
    moderator_client.post(
        url_for(Scene, "change", scene.pk), scene_form(scene, **uploaded_screenshot(jpeg_with_location()))
    )
    old = scene.images.get()
    old_files = [old.image.path, old.thumbnail_small.path, old.thumbnail_medium.path]
    replacing = {
        "images-TOTAL_FORMS": 1,
        "images-INITIAL_FORMS": 1,
        "images-0-id": old.pk,
        "images-0-scene": scene.pk,
        "images-0-image": jpeg_with_location("another.jpg"),
        "images-0-alt_text": old.alt_text,
        "images-0-position": 0,
    }

    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(url_for(Scene, "change", scene.pk), scene_form(scene, **replacing))

    assert response.status_code == 302
    new = scene.images.get()
    assert new.image.name != old.image.name
    assert Path(new.image.path).exists()
    assert not any(Path(path).exists() for path in old_files)


def test_deleting_a_screenshot_in_the_admin_deletes_its_file(moderator_client, django_capture_on_commit_callbacks):
    screenshot = SceneImageFactory()
    path = Path(screenshot.image.path)
    assert path.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(url_for(SceneImage, "delete", screenshot.pk), {"post": "yes"})

    assert response.status_code == 302
    assert not SceneImage.objects.exists()
    assert not path.exists()


def test_deleting_scenes_in_the_admin_deletes_their_screenshot_files(
    moderator_client, django_capture_on_commit_callbacks
):
    scene = a_scene_with_everything()
    path = Path(scene.images.get().image.path)

    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(url_for(Scene, "changelist"), select("delete_selected", [scene]) | {"post": "yes"})

    assert not Scene.objects.exists()
    assert not path.exists()


def test_the_scene_form_shows_its_derived_classification(moderator_client):
    scene = SceneFactory(hugger__role=Character.Role.SECOND_MALE_LEAD)

    response = moderator_client.get(url_for(Scene, "change", scene.pk))

    assert "Second lead, Boy-initiated" in response.text


# Other forms guarding the database rules


def test_a_drama_cannot_lose_episodes_that_have_back_hugs(moderator_client):
    scene = SceneFactory(episode=12)
    drama = scene.drama
    data = {
        "title": drama.title,
        "slug": drama.slug,
        "year": drama.year,
        "network": drama.network,
        "episodes": 10,
        "characters-TOTAL_FORMS": 0,
        "characters-INITIAL_FORMS": 0,
    }

    response = moderator_client.post(url_for(Drama, "change", drama.pk), data)

    assert response.status_code == 200
    assert "A back hug is catalogued in episode 12" in response.text
    drama.refresh_from_db()
    assert drama.episodes == 16


def test_a_character_with_scenes_cannot_move_to_another_drama(moderator_client, scene):
    character = scene.hugger
    data = {
        "drama": DramaFactory().pk,
        "actor": character.actor_id,
        "name": character.name,
        "gender": character.gender,
        "role": character.role,
    }

    response = moderator_client.post(url_for(Character, "change", character.pk), data)

    assert response.status_code == 200
    assert "cannot move to another drama" in response.text
    character.refresh_from_db()
    assert character.drama_id == scene.drama_id


def trope_form(trope, **changes) -> dict:
    return {
        "group": trope.group_id,
        "name": trope.name,
        "slug": trope.slug,
        "hangul_name": trope.hangul_name,
        "description": trope.description,
        "rule": trope.rule,
        "position": trope.position,
        "aliases-TOTAL_FORMS": 0,
        "aliases-INITIAL_FORMS": 0,
    } | changes


def test_a_derived_trope_keeps_its_rule_and_slug(moderator_client):
    trope = Trope.objects.get(slug="second-lead")

    page = moderator_client.get(url_for(Trope, "change", trope.pk))
    response = moderator_client.post(
        url_for(Trope, "change", trope.pk), trope_form(trope, slug="sub-lead", rule="", name="Second lead (sub)")
    )

    assert 'name="rule"' not in page.text
    assert 'name="slug"' not in page.text
    assert response.status_code == 302
    trope.refresh_from_db()
    assert (trope.slug, trope.rule, trope.name) == ("second-lead", "second_lead", "Second lead (sub)")


def test_a_curated_trope_on_scenes_cannot_become_derived(moderator_client):
    SceneFactory(tropes=["comfort"])
    trope = Trope.objects.get(slug="comfort")

    response = moderator_client.post(url_for(Trope, "change", trope.pk), trope_form(trope, rule="second_lead"))

    assert response.status_code == 200
    assert "attached to 1 scene" in response.text
    trope.refresh_from_db()
    assert trope.rule == ""


def test_a_trope_renamed_in_admin_shows_its_new_name_on_scene_cards_at_once(
    moderator_client, django_capture_on_commit_callbacks
):
    trope = Trope.objects.get(slug="comfort")
    SceneFactory(tropes=["comfort"])
    chip = 'href="/tropes/comfort/">{}</a>'  # On the scene card (the facets link to ?trope=comfort).
    assert chip.format(escape(trope.name)) in moderator_client.get("/scenes/").content.decode()  # Now cached.
    with django_capture_on_commit_callbacks(execute=True):  # The cached tropes are dropped once the edit commits.
        response = moderator_client.post(url_for(Trope, "change", trope.pk), trope_form(trope, name="Soothing"))
    assert response.status_code == 302
    assert chip.format("Soothing") in moderator_client.get("/scenes/").content.decode()
