"""``load_demo``: the demo catalogue loads, follows the catalogue's rules, and a rerun changes nothing."""

import io
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db.models import Count, F
from PIL import Image

from scenes.demo import DRAMAS, SCENES, artwork
from scenes.demo.character_names import HANGUL_NAMES
from scenes.demo.loader import PUBLISHED_OVER_DAYS, PUBLISHED_UNTIL
from scenes.demo.validation import DemoDataError, check
from scenes.models import Actor, Character, Drama, Scene, SceneImage, SceneSource, SceneTrope, Trope
from tests.factories import SceneFactory, UserFactory

pytestmark = pytest.mark.django_db

SPOTLIGHT = {"love-rain", "the-heirs", "girl-who-sees-smells", "i-hear-your-voice", "reply-1997", "signal"}
MODELS = (Drama, Actor, Character, Scene, SceneTrope, SceneImage, SceneSource)


def load_demo(*args: str) -> str:
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def media_files(root: Path) -> dict[str, tuple[int, int]]:
    return {
        str(path.relative_to(root)): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in root.rglob("*")
        if path.is_file()
    }


def snapshot() -> dict:
    return {
        "counts": {model.__name__: model.objects.count() for model in MODELS},
        "scenes": list(Scene.objects.order_by("pk").values_list("pk", "updated_at", "published_at")),
        "sources": list(SceneSource.objects.order_by("pk").values_list("pk", "scene_id", "url", "quote")),
        "images": list(SceneImage.objects.order_by("pk").values_list("pk", "image", "alt_text")),
        "posters": list(Drama.objects.order_by("pk").values_list("pk", "poster")),
    }


def test_the_data_files_pass_their_own_checks():
    check(DRAMAS, SCENES)


def test_the_checks_catch_broken_scenes():
    first = next(scene for scene in SCENES if scene.illustrative)
    broken = (
        first._replace(tropes=("girl-initiated", "comfort")),  # derived trope
        first._replace(episode=99, start="01:00"),  # beyond the drama
        first._replace(hugged=first.hugger, start="02:00"),  # hugs themselves
    )
    with pytest.raises(DemoDataError) as error:
        check(DRAMAS, broken)
    assert len(error.value.problems) == 3


def test_the_checks_keep_documented_scenes_honest():
    scene = next(s for s in SCENES if not s.illustrative and s.confidence == "high" and len(s.tropes) >= 2)
    source = scene.sources[0]
    broken = (
        scene._replace(start="12:00", seconds=10),  # a time no source gives
        scene._replace(sources=()),  # documented without a source
        # a weak source with no second one to confirm it
        scene._replace(confidence="low", sources=(source,), hugger=scene.hugged, hugged=scene.hugger),
        scene._replace(sources=(source._replace(quote=" ".join(["word"] * 13)),), episode=1),  # quote too long
        scene._replace(illustrative=True, episode=2, start="03:00", seconds=10),  # a placeholder citing a source
    )
    with pytest.raises(DemoDataError) as error:
        check(DRAMAS, broken)
    assert len(error.value.problems) == 5, error.value.problems


def test_the_demo_is_mostly_documented_scenes():
    documented = [scene for scene in SCENES if not scene.illustrative]

    assert len(documented) >= 35
    assert len({scene.drama for scene in documented}) >= 30
    for scene in documented:
        assert scene.sources, scene
        assert all(source.url.startswith(("https://", "http://")) for source in scene.sources), scene
        assert scene.start is None and scene.seconds is None, scene  # no invented time presented as documented
        if scene.confidence == "low":
            assert len({source.url for source in scene.sources}) >= 2, scene  # confirmed by a second page


def test_each_invented_scene_shows_something_no_documented_scene_does():
    covered = {slug for scene in SCENES if not scene.illustrative for slug in scene.tropes}
    for scene in SCENES:
        if scene.illustrative:
            assert set(scene.tropes) - covered, f"{scene.drama} ep. {scene.episode} adds nothing: remove it"


def test_documented_scenes_load_with_their_sources_and_no_time():
    load_demo("--no-images")

    documented = Scene.objects.filter(is_illustrative=False)
    assert documented.count() == sum(1 for scene in SCENES if not scene.illustrative)
    assert documented.values("drama").distinct().count() >= 30
    assert not documented.filter(sources__isnull=True).exists()
    assert not documented.exclude(start_seconds=None).exists()
    assert not documented.exclude(end_seconds=None).exists()
    pasta = documented.get(drama__slug="pasta")
    assert pasta.episode == 17
    assert pasta.sources.count() == 2
    assert set(pasta.sources.values_list("checked_on", flat=True)) == {date(2026, 12, 7)}
    assert documented.filter(episode=None).exists()  # where no page names the episode, none is given


def test_an_older_demo_database_is_upgraded():
    """Scenes an earlier demo loaded and this one retired disappear; the one it confirmed keeps its row."""
    load_demo("--no-images")
    love_rain = Scene.objects.get(drama__slug="love-rain", episode=14, is_illustrative=False)
    # As the earlier demo left them: the Love Rain hug with an estimated time, a placeholder since retired,
    # and a fan's own scene that happens to sit at a retired placeholder's time.
    Scene.objects.filter(pk=love_rain.pk).update(start_seconds=3130, end_seconds=3165)
    heirs = Drama.objects.get(slug="the-heirs")
    placeholder = SceneFactory(
        drama=heirs,
        episode=3,
        start_seconds=3340,
        end_seconds=3348,
        hugger=heirs.characters.get(name="Rachel Yoo"),
        hugged=heirs.characters.get(name="Kim Tan"),
        is_illustrative=True,
    )
    signal = Drama.objects.get(slug="signal")
    fans_scene = SceneFactory(
        drama=signal,
        episode=9,
        start_seconds=3490,
        end_seconds=3496,
        hugger=signal.characters.get(name="Cha Soo-hyun"),
        hugged=signal.characters.get(name="Lee Jae-han"),
        submitted_by=UserFactory(),
    )

    output = load_demo("--no-images")

    assert "1 retired scenes" in output and "1 moved scenes" in output
    assert not Scene.objects.filter(pk=placeholder.pk).exists()
    assert Scene.objects.filter(pk=fans_scene.pk).exists()
    love_rain.refresh_from_db()
    assert (love_rain.episode, love_rain.start_seconds, love_rain.end_seconds) == (14, None, None)
    assert love_rain.sources.count() == 2
    assert "Created or updated: nothing" in load_demo("--no-images")


def test_loading_gives_the_catalogue():
    output = load_demo("--no-images")

    assert f"Loaded {len(DRAMAS)} dramas, " in output
    assert Drama.objects.count() >= 20
    assert set(Drama.objects.values_list("slug", flat=True)) >= SPOTLIGHT
    assert Scene.objects.filter(status=Scene.Status.PUBLISHED).count() >= 40
    assert not Scene.objects.filter(episode__gt=F("drama__episodes")).exists()
    assert not Scene.objects.exclude(hugger__drama=F("drama")).exists()
    assert not Scene.objects.exclude(hugged__drama=F("drama")).exists()
    assert not Scene.objects.filter(end_seconds__lte=F("start_seconds")).exists()
    assert not Scene.objects.filter(is_illustrative=True, start_seconds=None).exists()
    # Derived tropes follow from the hugger and are never stored.
    assert not SceneTrope.objects.exclude(trope__rule=Trope.Rule.NONE).exists()
    tropes_per_scene = Scene.objects.annotate(n=Count("scene_tropes")).values_list("is_illustrative", "n")
    assert all((2 if illustrative else 1) <= n <= 5 for illustrative, n in tropes_per_scene)


def test_the_filters_have_something_to_find():
    load_demo("--no-images")

    published = Scene.objects.filter(status=Scene.Status.PUBLISHED)
    assert published.filter(drama__slug="girl-who-sees-smells", hugger__gender=Character.Gender.FEMALE).exists()
    assert published.filter(hugger__gender=Character.Gender.FEMALE, is_illustrative=False).exists()
    assert published.filter(hugger__gender=Character.Gender.MALE, is_illustrative=False).exists()
    assert published.filter(hugger__role__in=Character.SECOND_LEADS, is_illustrative=False).exists()
    assert published.filter(hugger__gender=F("hugged__gender")).exists()
    for slug in ("reluctant", "welcomed", "possession", "comfort"):
        assert published.filter(tropes__slug=slug).exists(), slug
    assert 4 <= published.filter(is_featured=True).count() <= 8
    assert not published.filter(is_featured=True, is_illustrative=True).exists()  # picks are documented moments


def test_an_actor_in_several_dramas_is_one_row():
    load_demo("--no-images")

    lee_min_ho = Actor.objects.get(slug="lee-min-ho")
    assert lee_min_ho.hangul_name == "이민호"
    assert set(lee_min_ho.roles.values_list("drama__slug", flat=True)) == {"the-heirs", "boys-over-flowers"}
    for slug in ("gong-yoo", "hyun-bin", "kim-ji-won", "yoon-sang-hyun", "kim-hyun-joong"):
        assert Actor.objects.get(slug=slug).roles.values("drama").distinct().count() == 2


def test_the_demos_characters_have_their_hangul_names_where_known():
    load_demo("--no-images")

    named = Character.objects.exclude(hangul_name="")
    assert named.get(drama__slug="the-heirs", name="Kim Tan").hangul_name == "김탄"
    assert named.get(drama__slug="goblin", name="Grim Reaper").hangul_name == "저승사자"
    assert named.count() >= 0.9 * Character.objects.count()  # the few left blank are not guessed


def test_a_hangul_name_for_no_character_of_the_demo_is_caught(monkeypatch):
    monkeypatch.setitem(HANGUL_NAMES, ("the-heirs", "Kim Tann"), "김탄")

    with pytest.raises(DemoDataError) as error:
        check(DRAMAS, SCENES)

    assert "the-heirs: Kim Tann has a Hangul name" in str(error.value)


def test_published_dates_are_fixed_not_taken_from_the_clock():
    load_demo("--no-images")

    dates = list(Scene.objects.values_list("published_at", flat=True))
    assert max(dates) <= PUBLISHED_UNTIL
    assert (PUBLISHED_UNTIL - min(dates)).days <= PUBLISHED_OVER_DAYS + 1
    assert len({date.date() for date in dates}) > 30  # spread out, not one burst


def test_artwork_is_deterministic():
    art = artwork.SceneArt("signal", "Signal", "시그널", 10, "12:40", "Lee Jae-han", "Cha Soo-hyun", "male", "female")
    assert artwork.scene_image(art) == artwork.scene_image(art)


def test_images_are_real_and_a_rerun_writes_nothing(settings):
    media = Path(settings.MEDIA_ROOT)
    load_demo()
    files, before = media_files(media), snapshot()

    output = load_demo()

    assert "Drew 0 posters and 0 scene images" in output
    assert "Created or updated: nothing" in output
    assert media_files(media) == files
    assert snapshot() == before

    for scene in Scene.objects.prefetch_related("images"):
        images = list(scene.images.all())
        assert len(images) == 1, scene
        image = images[0]
        assert image.alt_text.startswith("Placeholder artwork: ")
        assert image.alt_text.endswith("not a still from the drama.")
        if scene.episode is None:
            assert "episode not known" in image.alt_text
        assert (image.width, image.height) == artwork.SCENE_SIZE
        path = media / image.image.name
        assert path.stat().st_size < 120_000
        with Image.open(path) as picture:
            picture.load()  # decodes every pixel: a truncated or bogus file fails here
            assert picture.format == "JPEG"
            assert picture.size == artwork.SCENE_SIZE
    for drama in Drama.objects.all():
        with Image.open(media / drama.poster.name) as poster:
            poster.load()
            assert poster.size == artwork.POSTER_SIZE

    # A lost file is drawn again, and only that one.
    (media / SceneImage.objects.first().image.name).unlink()
    assert "Drew 0 posters and 1 scene images" in load_demo()
    assert len(media_files(media)) == len(files)


def test_the_demo_has_a_crowd_of_fans_whose_opinions_load_once():
    from community.models import Comment, Favourite, Vote

    call_command("load_demo", "--no-images", stdout=io.StringIO())
    counts = (Vote.objects.count(), Favourite.objects.count(), Comment.objects.count())
    assert all(counts)
    scene = Scene.objects.filter(awesome_count__gt=0).first()
    assert scene.awesome_count == Vote.objects.filter(scene=scene, verdict="awesome").count()
    call_command("load_demo", "--no-images", stdout=io.StringIO())
    assert (Vote.objects.count(), Favourite.objects.count(), Comment.objects.count()) == counts
