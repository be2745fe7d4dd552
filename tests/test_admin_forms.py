"""The admin's scene form, its screenshots and the other forms that guard the database rules."""

import io
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from PIL import Image

from scenes.models import Character, Drama, Scene, SceneImage, SceneTrope, Trope
from tests.admin_support import a_scene_with_everything, scene_form, select, url_for
from tests.factories import CharacterFactory, DramaFactory, SceneFactory, SceneImageFactory

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
