"""The catalogue's rules: what the database refuses and what follows from the characters."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from scenes.models import Character, Scene, SceneTrope, Trope
from scenes.timecodes import format_timecode, parse_timecode
from tests.factories import CharacterFactory, DramaFactory, SceneFactory

pytestmark = pytest.mark.django_db


def refused(action):
    with pytest.raises(IntegrityError), transaction.atomic():
        action()


def test_drama_slugs_are_unique():
    DramaFactory(slug="the-heirs")
    refused(lambda: DramaFactory(slug="the-heirs"))


def test_a_scene_cannot_be_set_beyond_the_dramas_last_episode():
    drama = DramaFactory(episodes=16)
    refused(lambda: SceneFactory(drama=drama, episode=17))
    assert SceneFactory(drama=drama, episode=16).episode == 16


def test_a_drama_cannot_shrink_below_its_scenes_episodes():
    scene = SceneFactory(episode=12)
    scene.drama.episodes = 10
    refused(lambda: scene.drama.save())
    scene.drama.refresh_from_db()
    assert scene.drama.episodes == 16


def test_editing_a_scene_past_the_last_episode_is_refused():
    scene = SceneFactory()
    refused(lambda: Scene.objects.filter(pk=scene.pk).update(episode=99))


def test_the_hugger_must_belong_to_the_scenes_drama():
    outsider = CharacterFactory()
    refused(lambda: SceneFactory(hugger=outsider))


def test_the_hugged_must_belong_to_the_scenes_drama():
    scene = SceneFactory()
    outsider = CharacterFactory()
    refused(lambda: Scene.objects.filter(pk=scene.pk).update(hugged=outsider))


def test_a_character_with_scenes_cannot_move_to_another_drama():
    scene = SceneFactory()
    hugger = scene.hugger
    hugger.drama = DramaFactory()
    refused(lambda: hugger.save())


def test_nobody_back_hugs_themselves():
    scene = SceneFactory()
    refused(lambda: Scene.objects.filter(pk=scene.pk).update(hugged=scene.hugger))


def test_a_hug_ends_after_it_starts():
    refused(lambda: SceneFactory(start_seconds=100, end_seconds=100))


def test_clean_explains_each_broken_rule_in_words():
    drama = DramaFactory(title="Signal", episodes=16)
    scene = Scene(
        drama=drama,
        episode=20,
        start_seconds=50,
        end_seconds=40,
        hugger=CharacterFactory(),
        hugged=CharacterFactory(drama=drama),
        description="x",
    )
    with pytest.raises(ValidationError) as error:
        scene.full_clean()
    messages = error.value.message_dict
    assert messages["episode"] == ["Signal has only 16 episodes."]
    assert "is not a character of Signal" in messages["hugger"][0]
    assert messages["end_seconds"] == ["The hug must end after it starts."]


@pytest.mark.parametrize(
    ("gender", "role", "expected"),
    [
        ("female", "female_lead", {"girl-initiated"}),
        ("male", "male_lead", {"boy-initiated"}),
        ("male", "second_male_lead", {"second-lead", "boy-initiated"}),
        ("female", "second_female_lead", {"second-lead", "girl-initiated"}),
        ("other", "supporting", set()),
    ],
)
def test_derived_classifications_follow_from_the_hugger(gender, role, expected):
    scene = SceneFactory(hugger__gender=gender, hugger__role=role)
    assert {trope.slug for trope in scene.derived_tropes()} == expected
    for slug in ("second-lead", "girl-initiated", "boy-initiated"):
        trope = Trope.objects.get(slug=slug)
        carries = Scene.objects.filter(trope.scene_condition()).filter(pk=scene.pk).exists()
        assert carries == (slug in expected)


def test_editing_the_character_changes_the_classification_everywhere():
    scene = SceneFactory(hugger__gender="male", hugger__role="male_lead")
    second_lead = Trope.objects.get(slug="second-lead")
    Character.objects.filter(pk=scene.hugger_id).update(role="second_male_lead", gender="female")

    scene = Scene.objects.get(pk=scene.pk)
    assert {trope.slug for trope in scene.derived_tropes()} == {"second-lead", "girl-initiated"}
    assert list(Scene.objects.with_all_tropes([second_lead])) == [scene]


def test_changing_who_hugs_changes_the_classification():
    scene = SceneFactory(hugged__gender="female")
    Scene.objects.filter(pk=scene.pk).update(hugger=scene.hugged, hugged=scene.hugger)
    scene = Scene.objects.get(pk=scene.pk)
    assert [trope.slug for trope in scene.derived_tropes()] == ["girl-initiated"]


def test_derived_tropes_cannot_be_attached_by_hand():
    scene = SceneFactory()
    for slug in ("second-lead", "girl-initiated", "boy-initiated"):
        refused(lambda slug=slug: SceneTrope.objects.create(scene=scene, trope=Trope.objects.get(slug=slug)))


def test_a_trope_in_use_cannot_become_derived():
    SceneFactory(tropes=["comfort"])
    refused(lambda: Trope.objects.filter(slug="comfort").update(rule="girl_initiated"))


def test_a_trope_is_attached_to_a_scene_once():
    scene = SceneFactory(tropes=["comfort"])
    refused(lambda: SceneTrope.objects.create(scene=scene, trope=Trope.objects.get(slug="comfort")))


def test_the_taxonomy_is_installed_with_every_group():
    groups = set(Trope.objects.values_list("group__slug", flat=True))
    assert groups == {"classification", "meaning", "anatomy", "consent"}
    assert Trope.objects.get(slug="girl-initiated").is_derived
    assert Trope.objects.count() >= 25
    assert all(Trope.objects.values_list("description", flat=True))


@pytest.mark.parametrize(
    ("word", "slug"),
    [
        ("captured", "reluctant"),
        ("Reluctant / captured", "reluctant"),
        ("위로", "comfort"),
        ("unrequited", "one-sided"),
    ],
)
def test_a_fans_word_finds_the_curated_trope(word, slug):
    assert Trope.objects.resolve(word).slug == slug


def test_a_scene_knows_its_duration_and_timecode():
    scene = SceneFactory(start_seconds=3723, end_seconds=3741)
    assert scene.duration_seconds == 18
    assert scene.timecode == "1:02:03"


@pytest.mark.parametrize(("text", "seconds"), [("12:34", 754), ("1:02:03", 3723), ("0:05", 5)])
def test_timecodes_read_as_fans_write_them(text, seconds):
    assert parse_timecode(text) == seconds
    assert parse_timecode(format_timecode(seconds)) == seconds


@pytest.mark.parametrize("text", ["", "12", "1:2", "12:60", "1:75:00", "abc", "-1:00"])
def test_malformed_timecodes_are_refused_with_a_message(text):
    with pytest.raises(ValueError, match="is not a time|more than 59 minutes"):
        parse_timecode(text)


def test_only_published_scenes_are_public(fan, moderator):
    published = SceneFactory()
    pending = SceneFactory(status="pending", published_at=None, submitted_by=fan)
    SceneFactory(status="rejected")
    assert list(Scene.objects.published()) == [published]
    assert set(Scene.objects.visible_to(fan)) == {published, pending}
    assert Scene.objects.visible_to(moderator).count() == 3


def test_a_published_scene_always_has_its_publication_date():
    """The catalogue's newest-first order walks the date's index, so no published scene may lack one."""
    scene = SceneFactory()
    assert scene.published_at is not None
    refused(lambda: Scene.objects.filter(pk=scene.pk).update(published_at=None))
    Scene.objects.filter(pk=scene.pk).update(status="pending", published_at=None)  # A pending one may.


# The rules behind the database triggers, as messages from full_clean() (what the admin shows) ----------------


def test_a_drama_cannot_have_fewer_episodes_than_its_last_back_hug():
    scene = SceneFactory(episode=12)
    drama = scene.drama
    drama.episodes = 11
    with pytest.raises(ValidationError) as refused:
        drama.full_clean()
    assert refused.value.message_dict["episodes"] == [
        "A back hug is catalogued in episode 12: the drama cannot have fewer episodes than that."
    ]
    drama.episodes = 12
    drama.full_clean()


def test_a_character_in_back_hugs_cannot_move_to_another_drama():
    scene = SceneFactory()
    hugger, idle = scene.hugger, CharacterFactory(drama=scene.drama)
    elsewhere = DramaFactory()
    hugger.drama = idle.drama = elsewhere
    with pytest.raises(ValidationError) as refused:
        hugger.full_clean()
    assert "is in 1 back hug of their drama and cannot move to another drama" in refused.value.message_dict["drama"][0]
    idle.full_clean()  # In no back hug: free to move.


def test_only_a_published_scene_can_be_featured():
    scene = SceneFactory(status=Scene.Status.PENDING, published_at=None, is_featured=True)
    with pytest.raises(ValidationError) as refused:
        scene.full_clean()
    assert refused.value.message_dict["is_featured"] == ["Only a published scene can be featured on the front page."]
    scene.publish()
    scene.full_clean()
