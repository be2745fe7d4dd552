"""``load_demo``: the demo catalogue loads, follows the catalogue's rules, and a rerun changes nothing."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db.models import Count, F
from PIL import Image

from scenes.demo import DRAMAS, SCENES, artwork
from scenes.demo.loader import PUBLISHED_OVER_DAYS, PUBLISHED_UNTIL
from scenes.demo.validation import DemoDataError, check
from scenes.models import Actor, Character, Drama, Scene, SceneImage, SceneTrope, Trope

pytestmark = pytest.mark.django_db

SPOTLIGHT = {"love-rain", "the-heirs", "girl-who-sees-smells", "i-hear-your-voice", "reply-1997", "signal"}
MODELS = (Drama, Actor, Character, Scene, SceneTrope, SceneImage)


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
        "images": list(SceneImage.objects.order_by("pk").values_list("pk", "image", "alt_text")),
        "posters": list(Drama.objects.order_by("pk").values_list("pk", "poster")),
    }


def test_the_data_files_pass_their_own_checks():
    check(DRAMAS, SCENES)


def test_the_checks_catch_broken_scenes():
    first = SCENES[0]
    broken = (
        first._replace(tropes=("girl-initiated", "comfort")),  # derived trope
        first._replace(episode=99, start="01:00"),  # beyond the drama
        first._replace(hugged=first.hugger, start="02:00"),  # hugs themselves
    )
    with pytest.raises(DemoDataError) as error:
        check(DRAMAS, broken)
    assert len(error.value.problems) == 3


def test_loading_gives_the_catalogue():
    output = load_demo("--no-images")

    assert "Loaded 22 dramas" in output
    assert Drama.objects.count() >= 20
    assert set(Drama.objects.values_list("slug", flat=True)) >= SPOTLIGHT
    assert Scene.objects.filter(status=Scene.Status.PUBLISHED).count() >= 40
    assert not Scene.objects.filter(episode__gt=F("drama__episodes")).exists()
    assert not Scene.objects.exclude(hugger__drama=F("drama")).exists()
    assert not Scene.objects.exclude(hugged__drama=F("drama")).exists()
    assert not Scene.objects.filter(end_seconds__lte=F("start_seconds")).exists()
    # Derived tropes follow from the hugger and are never stored.
    assert not SceneTrope.objects.exclude(trope__rule=Trope.Rule.NONE).exists()
    tropes_per_scene = Scene.objects.annotate(n=Count("scene_tropes")).values_list("n", flat=True)
    assert all(2 <= n <= 5 for n in tropes_per_scene)


def test_the_filters_have_something_to_find():
    load_demo("--no-images")

    assert Scene.objects.filter(drama__slug="girl-who-sees-smells", hugger__gender=Character.Gender.FEMALE).exists()
    assert Scene.objects.filter(hugger__gender=Character.Gender.FEMALE).count() >= 5
    assert Scene.objects.filter(hugger__role__in=Character.SECOND_LEADS).count() >= 5
    assert Scene.objects.filter(drama__slug="the-heirs", tropes__slug="reluctant").count() >= 2
    assert Scene.objects.filter(tropes__slug="welcomed").count() >= 10
    assert 4 <= Scene.objects.filter(is_featured=True).count() <= 8
    assert Scene.objects.filter(is_illustrative=False).exists()


def test_an_actor_in_several_dramas_is_one_row():
    load_demo("--no-images")

    lee_min_ho = Actor.objects.get(slug="lee-min-ho")
    assert lee_min_ho.hangul_name == "이민호"
    assert set(lee_min_ho.roles.values_list("drama__slug", flat=True)) == {"the-heirs", "boys-over-flowers"}
    for slug in ("gong-yoo", "hyun-bin", "kim-ji-won", "yoon-sang-hyun", "kim-hyun-joong"):
        assert Actor.objects.get(slug=slug).roles.values("drama").distinct().count() == 2


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
