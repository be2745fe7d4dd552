"""What a fan submits stays private until a moderator publishes it: new characters and actors included."""

import pytest

from scenes.models import Actor, Character, SearchSuggestion
from scenes.moderation.publishing import publish_scenes, reject_scenes
from scenes.submissions.forms import SubmissionForm
from scenes.submissions.services import NewCharacter, submit_scene
from tests.factories import CharacterFactory, DramaFactory, SceneFactory, UserFactory
from tests.image_support import encoded, picture, upload
from tests.submission_support import heirs_with_leads, hug_between_leads

pytestmark = pytest.mark.django_db


def screenshot():
    return {"screenshot_1": upload(encoded(picture(), "PNG"), name="still.png", content_type="image/png")}


@pytest.fixture
def heirs():
    return heirs_with_leads()


@pytest.fixture
def submitter():
    return UserFactory(username="submitter")


@pytest.fixture
def pending(heirs, submitter):
    """A pending scene whose hugger, Choi Young-do played by Kim Woo-bin, the fan added."""
    return submit_scene(
        fan=submitter,
        drama=heirs,
        episode=3,
        start_seconds=754,
        end_seconds=770,
        hugger=NewCharacter(name="Choi Young-do", actor_name="Kim Woo-bin", gender="male", role="second_male_lead"),
        hugged=heirs.characters.get(name="Cha Eun-sang"),
        description="He stops her in the hallway.",
    )


def test_a_new_actor_from_a_submission_waits_unconfirmed(pending):
    assert not Actor.objects.get(slug="kim-woo-bin").is_confirmed


def test_the_api_lists_no_character_a_fan_added_while_the_scene_waits(client, pending):
    names = [row["name"] for row in client.get("/api/characters/").json()["results"]]
    assert "Choi Young-do" not in names and "Cha Eun-sang" in names


def test_the_api_lists_no_actor_a_fan_added_while_the_scene_waits(client, pending):
    assert "Kim Woo-bin" not in client.get("/api/actors/").content.decode()
    assert client.get("/api/actors/kim-woo-bin/").status_code == 404


def test_the_api_drama_shows_no_character_a_fan_added(client, pending):
    assert "Choi Young-do" not in client.get("/api/dramas/the-heirs/").content.decode()


def test_the_api_counts_only_public_actors(client, pending):
    assert client.get("/api/stats/").json()["totals"]["actors"] == Actor.objects.count() - 1


def test_the_actor_page_of_a_fan_added_actor_is_not_found(client, pending):
    assert client.get("/actors/kim-woo-bin/").status_code == 404


def test_a_public_actor_page_hides_a_role_a_fan_added(client, heirs, submitter):
    actor = CharacterFactory(drama=DramaFactory(), name="Kim Tan").actor
    submit_scene(
        fan=submitter,
        drama=heirs,
        episode=3,
        start_seconds=754,
        end_seconds=770,
        hugger=NewCharacter(name="Secret Role", actor_name=actor.name, gender="male", role="supporting"),
        hugged=heirs.characters.get(name="Cha Eun-sang"),
        description="He stops her in the hallway.",
    )
    assert "Secret Role" not in client.get(actor.get_absolute_url()).content.decode()


def test_search_suggestions_do_not_offer_a_fan_added_actor(client, pending):
    assert not SearchSuggestion.objects.filter(kind="actor", label="Kim Woo-bin").exists()
    assert "Kim Woo-bin" not in client.get("/search/suggest/", {"q": "Woo-bin"}).content.decode()


def test_the_catalogue_does_not_filter_by_a_fan_added_actor(client, pending):
    assert client.get("/scenes/", {"actor": "kim-woo-bin"}).status_code == 400


def test_another_fan_does_not_see_the_new_character_in_the_submit_form(heirs, pending):
    form = SubmissionForm(drama=heirs, fan=UserFactory())
    assert "Choi Young-do" not in str(form["hugger"])


def test_the_submitter_sees_their_own_new_character_in_the_submit_form(heirs, pending, submitter):
    form = SubmissionForm(drama=heirs, fan=submitter)
    assert "Choi Young-do" in str(form["hugger"])


def test_the_characters_list_for_the_form_hides_other_fans_new_characters(client, heirs, pending):
    client.force_login(UserFactory())
    assert "Choi Young-do" not in client.get("/scenes/submit/characters/", {"drama": "the-heirs"}).content.decode()


def test_publishing_makes_the_new_character_and_actor_public(client, pending, moderator):
    publish_scenes(scenes=[pending], moderator=moderator)
    assert client.get("/actors/kim-woo-bin/").status_code == 200
    assert "Choi Young-do" in client.get("/dramas/the-heirs/").content.decode()
    assert SearchSuggestion.objects.filter(kind="actor", label="Kim Woo-bin").exists()


def test_a_rejected_submission_leaves_its_new_character_and_actor_private(client, pending, moderator):
    reject_scenes(scenes=[pending], moderator=moderator, reason="Not a back hug.")
    assert not Character.objects.get(name="Choi Young-do").is_confirmed
    assert client.get("/actors/kim-woo-bin/").status_code == 404
    assert "Choi Young-do" not in client.get("/api/characters/").content.decode()


def duplicates_shown_to(fan, drama) -> list:
    """The scenes the submit form points out to ``fan`` for a hug in episode 3 at 12:40."""
    data = hug_between_leads(drama, start="12:40", end="12:55", alt_1="Two students in a hallway.")
    form = SubmissionForm(data, screenshot(), drama=drama, fan=fan)
    form.is_valid()
    return form.duplicates


def test_the_duplicate_warning_does_not_show_another_fans_pending_scene(heirs, pending):
    assert duplicates_shown_to(UserFactory(), heirs) == []


def test_the_duplicate_warning_shows_the_fan_their_own_pending_scene(heirs, pending, submitter):
    assert duplicates_shown_to(submitter, heirs) == [pending]


def test_the_duplicate_warning_still_shows_a_published_scene(heirs):
    published = SceneFactory(drama=heirs, episode=3, start_seconds=760, end_seconds=780)
    assert duplicates_shown_to(UserFactory(), heirs) == [published]
