"""Fans submit back hugs: validated field by field, pending until a moderator publishes them."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from scenes.models import Character, DramaProposal, Scene, SceneEdit, SceneImage
from tests.factories import SceneFactory, UserFactory

pytestmark = pytest.mark.django_db

SUBMIT = "/scenes/submit/"


def png(color="pink", size=(320, 180)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return SimpleUploadedFile("still.png", buffer.getvalue(), content_type="image/png")


def form_data(drama, **overrides):
    tan = drama.characters.get(name="Kim Tan")
    eun_sang = drama.characters.get(name="Cha Eun-sang")
    data = {
        "drama": drama.title,
        "episode": "3",
        "start": "12:34",
        "end": "12:50",
        "hugger": str(tan.pk),
        "hugged": str(eun_sang.pk),
        "setting": "school hallway",
        "description": "He grabs her from behind in front of everyone.",
        "tropes": [],
        "screenshot_1": png(),
        "alt_1": "Two students in a hallway, he holds her from behind",
    }
    data.update(overrides)
    return data


def test_anonymous_fans_are_sent_to_log_in_first(client):
    response = client.get(SUBMIT)
    assert response.status_code == 302
    assert "/accounts/login/?next=" in response["Location"]


def test_choosing_a_drama_lists_its_characters(signed_in, heirs):
    response = signed_in.get(SUBMIT, {"drama": "the-heirs"})
    assert "Kim Tan" in response.content.decode() and "Cha Eun-sang" in response.content.decode()


def test_a_valid_submission_is_pending_and_visible_only_to_its_submitter(signed_in, fan, heirs, client):
    response = signed_in.post(SUBMIT, form_data(heirs, tropes=[]))
    scene = Scene.objects.get()
    assert response.status_code == 302 and response["Location"] == scene.get_absolute_url()
    assert scene.status == "pending" and scene.submitted_by == fan
    assert (scene.start_seconds, scene.end_seconds) == (754, 770)
    assert scene.images.get().alt_text.startswith("Two students")
    assert signed_in.get(scene.get_absolute_url()).status_code == 200
    signed_in.force_login(UserFactory())
    assert signed_in.get(scene.get_absolute_url()).status_code == 404


def test_tropes_chosen_are_attached(signed_in, heirs):
    from scenes.models import Trope

    reluctant = Trope.objects.get(slug="reluctant")
    signed_in.post(SUBMIT, form_data(heirs, tropes=[str(reluctant.pk)]))
    assert [t.slug for t in Scene.objects.get().tropes.all()] == ["reluctant"]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"drama": "Nonexistent Drama"}, "drama", "We don&#x27;t know that drama yet"),
        ({"episode": "21"}, "episode", "The Heirs has 20 episodes."),
        ({"start": "12:3"}, "start", "is not a time like 12:34"),
        ({"end": "12:00"}, "end", "The hug must end after it starts."),
        ({"hugged": None}, "hugged", "nobody back-hugs themselves"),
        ({"description": ""}, "description", "This field is required."),
        ({"alt_1": ""}, "alt_1", "Describe the picture"),
        ({"screenshot_1": None}, "screenshot_1", "This field is required."),
        (
            {"screenshot_1": SimpleUploadedFile("x.jpg", b"hello, not a picture", content_type="image/jpeg")},
            "screenshot_1",
            "This file is not a JPEG, PNG, WebP or GIF image.",
        ),
    ],
)
def test_every_field_is_checked_with_a_message_and_nothing_is_stored(signed_in, heirs, overrides, field, message):
    data = form_data(heirs)
    if overrides.get("hugged", "") is None:
        overrides = {"hugged": data["hugger"]}
    data.update({key: value for key, value in overrides.items() if value is not None})
    for key in [key for key, value in overrides.items() if value is None]:
        data.pop(key)
    response = signed_in.post(SUBMIT, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert field in response.context["form"].errors
    assert not Scene.objects.exists() and not SceneImage.objects.exists()


def test_a_rejected_form_keeps_what_the_fan_typed(signed_in, heirs):
    response = signed_in.post(SUBMIT, form_data(heirs, episode="99", setting="rooftop at dawn"))
    text = response.content.decode()
    assert 'value="rooftop at dawn"' in text
    assert "He grabs her from behind in front of everyone." in text


def test_a_near_duplicate_is_pointed_out_before_saving(signed_in, heirs):
    existing = SceneFactory(drama=heirs, episode=3, start_seconds=780, end_seconds=800)
    response = signed_in.post(SUBMIT, form_data(heirs))
    assert response.status_code == 400
    assert "looks like a back hug we already have" in response.content.decode()
    assert existing.get_absolute_url() in response.content.decode()
    assert Scene.objects.count() == 1

    response = signed_in.post(SUBMIT, form_data(heirs, confirm_not_duplicate="on"))
    assert response.status_code == 302
    assert Scene.objects.count() == 2


def test_new_characters_wait_for_publication_before_showing_on_the_drama(signed_in, heirs, client):
    data = form_data(
        heirs,
        hugger="new",
        hugger_name="Choi Young-do",
        hugger_actor="Kim Woo-bin",
        hugger_gender="male",
        hugger_role="second_male_lead",
    )
    assert signed_in.post(SUBMIT, data).status_code == 302
    young_do = Character.objects.get(name="Choi Young-do")
    assert not young_do.is_confirmed and young_do.actor.slug == "kim-woo-bin"
    assert "Choi Young-do" not in client.get("/dramas/the-heirs/").content.decode()


def test_a_new_character_needs_a_name_and_gender(signed_in, heirs):
    response = signed_in.post(SUBMIT, form_data(heirs, hugger="new"))
    assert response.status_code == 400
    assert set(response.context["form"].errors) >= {"hugger_name", "hugger_gender"}


def test_the_submitter_edits_a_pending_scene_directly(signed_in, fan, heirs):
    scene = SceneFactory(drama=heirs, submitted_by=fan, status="pending", published_at=None)
    data = {
        "episode": "4",
        "start": "01:00",
        "end": "01:20",
        "hugger": str(scene.hugger_id),
        "hugged": str(scene.hugged_id),
        "description": "Rewritten.",
    }
    assert signed_in.post(f"/scenes/{scene.pk}/edit/", data).status_code == 302
    scene.refresh_from_db()
    assert (scene.episode, scene.description) == (4, "Rewritten.")


def test_edits_of_a_published_scene_wait_while_the_published_version_stays(signed_in, fan, heirs):
    scene = SceneFactory(drama=heirs, submitted_by=fan, description="Original.")
    data = {
        "episode": "3",
        "start": "20:34",
        "end": "20:50",
        "hugger": str(scene.hugger_id),
        "hugged": str(scene.hugged_id),
        "description": "Improved.",
    }
    assert signed_in.post(f"/scenes/{scene.pk}/edit/", data).status_code == 302
    scene.refresh_from_db()
    assert scene.description == "Original."
    assert SceneEdit.objects.get(scene=scene).changes["description"] == "Improved."


def test_only_the_submitter_can_edit(signed_in, heirs):
    scene = SceneFactory(drama=heirs, submitted_by=UserFactory())
    assert signed_in.get(f"/scenes/{scene.pk}/edit/").status_code == 403


def test_a_missing_drama_can_be_proposed(signed_in, fan):
    data = {"title": "Fight for My Way", "year": "2017", "network": "KBS2", "episodes": "16"}
    assert signed_in.post("/dramas/propose/", data).status_code == 302
    assert DramaProposal.objects.get().proposer == fan


def test_drama_suggestions_match_as_you_type(signed_in, heirs):
    response = signed_in.get("/dramas/options/", {"drama": "hei"})
    assert '<option value="The Heirs">' in response.content.decode()


def test_a_fan_marks_their_submission_as_a_spoiler_and_can_take_the_mark_back(signed_in, heirs):
    form = signed_in.get(SUBMIT, {"drama": "the-heirs"}).content.decode()
    assert 'name="is_spoiler"' in form and "It is a spoiler" in form
    signed_in.post(SUBMIT, form_data(heirs, is_spoiler="on"))
    scene = Scene.objects.get()
    assert scene.is_spoiler
    edit_url = f"/scenes/{scene.pk}/edit/"
    assert 'id="id_is_spoiler" checked' in signed_in.get(edit_url).content.decode()
    data = form_data(heirs)
    del data["screenshot_1"], data["alt_1"]
    signed_in.post(edit_url, data)  # The box unticked: no longer a spoiler (a pending scene changes at once).
    scene.refresh_from_db()
    assert not scene.is_spoiler
