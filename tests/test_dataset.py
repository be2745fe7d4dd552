"""The open dataset: export_dataset writes the public catalogue, import_dataset loads it into an empty one."""

import csv
import io
import json
import os
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.core.management.color import no_style
from django.db import connection

from scenes.dataset import read_archive_files
from scenes.models import Actor, Character, Drama, Scene, SceneImage, SceneSource, StreamingLink, Trope, TropeAlias
from tests.factories import (
    ActorFactory,
    CharacterFactory,
    DramaFactory,
    SceneFactory,
    SceneImageFactory,
    SceneSourceFactory,
)

pytestmark = pytest.mark.django_db(transaction=False)

PROJECT = Path(settings.BASE_DIR)


def png_bytes(colour: str) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (800, 450), colour).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def catalogue(db):
    """Two dramas, a documented scene with a screenshot, one of unknown episode, one illustrative, one pending."""
    heirs = DramaFactory(
        title="The Heirs",
        slug="the-heirs",
        hangul_title="상속자들",
        other_titles="Inheritors;The Inheritors",
        episodes=20,
    )
    heirs.poster.save("poster.png", ContentFile(png_bytes("navy")))
    lee = ActorFactory(name="Lee Min-ho", slug="lee-min-ho", hangul_name="이민호")
    tan = CharacterFactory(drama=heirs, name="Kim Tan", hangul_name="김탄", actor=lee, gender="male", role="male_lead")
    eunsang = CharacterFactory(drama=heirs, name="Cha Eun-sang", gender="female", role="female_lead")
    youngdo = CharacterFactory(drama=heirs, name="Choi Young-do", gender="male", role="second_male_lead")
    documented = SceneFactory(
        drama=heirs, hugger=tan, hugged=eunsang, episode=8, start_seconds=61, end_seconds=75, tropes=["comfort"],
        awesome_count=7, awkward_count=2, is_featured=True, published_at=datetime(2024, 2, 14, 20, 30, 5, 123456, UTC),
        is_spoiler=True,
    )  # fmt: skip
    SceneSourceFactory(scene=documented, title="Recap: episode 8", quote="Tan hugs Eun-sang from behind")
    SceneSourceFactory(scene=documented, title="Second source", publisher="", published_on=None, quote="")
    SceneImageFactory(
        scene=documented, alt_text="Tan holds Eun-sang from behind in the kitchen", image__width=800, image__height=450
    )
    SceneFactory(drama=heirs, hugger=youngdo, hugged=eunsang, episode=None, start_seconds=None, end_seconds=None)
    other = SceneFactory(is_illustrative=True, line_korean="가지 마", setting='a "quoted", comma, setting\nover lines')
    SceneFactory(drama=other.drama, hugger=other.hugger, hugged=other.hugged, status="pending", published_at=None)
    StreamingLink.objects.create(drama=heirs, provider="netflix", url="https://www.netflix.com/title/1")
    TropeAlias.objects.create(trope=Trope.objects.get(slug="comfort"), name="solace hug", slug="solace-hug")
    return heirs


def export(path) -> dict[str, bytes]:
    call_command("export_dataset", str(path), stdout=io.StringIO())
    return read_archive_files(path)


def empty_the_catalogue():
    """What a new database holds: no dramas, actors, characters or scenes (the taxonomy stays, as migrated)."""
    SceneImage.objects.all().delete()
    Scene.objects.all().delete()
    Character.objects.all().delete()
    Actor.objects.all().delete()
    Drama.objects.all().delete()


def rows(files, name) -> list[dict]:
    return list(csv.DictReader(io.StringIO(files[name].decode("utf-8"))))


def test_the_archive_holds_every_table_its_datapackage_and_a_readme(catalogue, tmp_path):
    files = export(tmp_path / "catalogue.zip")

    package = json.loads(files["datapackage.json"])
    assert package["licenses"][0]["name"] == "CC-BY-SA-4.0"
    described = {
        resource["path"]: [field["name"] for field in resource["schema"]["fields"]] for resource in package["resources"]
    }
    for path, columns in described.items():
        assert rows(files, path) is not None
        assert files[path].decode().splitlines()[0] == ",".join(columns)
    assert "## Licence" in files["README.md"].decode()
    assert "screenshots.csv" in files["README.md"].decode()


def test_only_published_scenes_are_exported_with_their_tallies_sources_and_screenshots(catalogue, tmp_path):
    files = export(tmp_path / "out")

    scenes = rows(files, "scenes.csv")
    assert len(scenes) == 3  # the pending one stays out
    documented = next(row for row in scenes if row["episode"] == "8")
    assert (documented["awesome_count"], documented["awkward_count"]) == ("7", "2")
    assert documented["published_at"] == "2024-02-14T20:30:05Z"
    unknown = next(row for row in scenes if row["episode"] == "")
    assert (unknown["start_seconds"], unknown["end_seconds"]) == ("", "")
    sources = rows(files, "scene_sources.csv")
    assert [(row["scene"], row["position"], row["title"]) for row in sources] == [
        (documented["id"], "1", "Recap: episode 8"),
        (documented["id"], "2", "Second source"),
    ]
    [screenshot] = rows(files, "screenshots.csv")
    assert screenshot["alt_text"] == "Tan holds Eun-sang from behind in the kitchen"
    assert files[screenshot["file"]] == SceneImage.objects.get().image.read()
    [heirs] = [row for row in rows(files, "dramas.csv") if row["slug"] == "the-heirs"]
    assert heirs["other_titles"] == "Inheritors;The Inheritors" and heirs["hangul_title"] == "상속자들"
    characters = {row["name"]: row["hangul_name"] for row in rows(files, "characters.csv")}
    assert (characters["Kim Tan"], characters["Cha Eun-sang"]) == ("김탄", "")
    assert files[heirs["poster"]] == Drama.objects.get(slug="the-heirs").poster.read()


def test_two_exports_of_one_catalogue_are_the_same_bytes(catalogue, tmp_path):
    assert (tmp_path / "a.zip").exists() is False
    export(tmp_path / "a.zip")
    export(tmp_path / "b.zip")

    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()


@pytest.mark.parametrize("archive", ["catalogue.zip", "catalogue"])
def test_export_import_into_an_empty_database_and_export_again_gives_identical_files(catalogue, tmp_path, archive):
    (tmp_path / "first").mkdir()
    first = export(tmp_path / "first" / archive)
    empty_the_catalogue()

    call_command("import_dataset", str(tmp_path / "first" / archive), stdout=io.StringIO())

    assert export(tmp_path / "second.zip") == first
    scene = Scene.objects.get(episode=8)
    assert scene.is_documented and scene.awesome_score > 0 and scene.images.get().thumbnail_medium
    assert scene.is_spoiler and Scene.objects.filter(is_spoiler=True).count() == 1
    assert Scene.objects.documented().count() == 1
    assert Character.objects.get(name="Kim Tan").hangul_name == "김탄"


def test_a_scene_added_after_an_import_gets_a_new_id(catalogue, tmp_path):
    export(tmp_path / "archive")
    highest = Scene.objects.published().order_by("-pk").first().pk
    empty_the_catalogue()
    # As in a new database: the ids start from 1 again (PostgreSQL's sequences do not follow explicit ids).
    tables = [{"table": model._meta.db_table, "column": "id"} for model in (Scene, Character)]
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_by_name_sql(no_style(), tables):
            cursor.execute(statement)
    call_command("import_dataset", str(tmp_path / "archive"), stdout=io.StringIO())

    added = SceneFactory()

    assert added.pk > highest


def test_an_archive_written_on_another_database_loads_and_exports_the_same(catalogue, tmp_path):
    """Export here, import and export again with SQLite in another process (and back): the same files."""
    first = export(tmp_path / "first.zip")
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'other.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "other-media"),
        "REDIS_URL": "",
    }
    environment.pop("DATABASE_REPLICA_URL", None)
    for command in (
        ["migrate", "-v", "0"],
        ["import_dataset", tmp_path / "first.zip"],
        ["export_dataset", tmp_path / "other.zip"],
    ):
        subprocess.run(
            [sys.executable, "manage.py", *map(str, command)],
            cwd=PROJECT,
            env=environment,
            check=True,
            capture_output=True,
        )

    assert read_archive_files(tmp_path / "other.zip") == first
    empty_the_catalogue()
    call_command("import_dataset", str(tmp_path / "other.zip"), stdout=io.StringIO())
    assert export(tmp_path / "again.zip") == first


def refusal(path) -> str:
    with pytest.raises(CommandError) as caught:
        call_command("import_dataset", str(path), stdout=io.StringIO())
    return str(caught.value)


@pytest.fixture
def archive(catalogue, tmp_path):
    """An exported archive (a directory, easy to break), with the catalogue emptied as in a new database."""
    export(tmp_path / "archive")
    empty_the_catalogue()
    return tmp_path / "archive"


def edit(path, row: int, column: str, change):
    """Change one cell of an archive's CSV file (``row`` counted as import_dataset reports it: the header is 1)."""
    with open(path, newline="", encoding="utf-8") as stream:
        table = list(csv.DictReader(stream))
    table[row - 2][column] = change(table[row - 2][column])
    with open(path, "w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(table[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)


def stored_files() -> list[Path]:
    return sorted(path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file())


def assert_nothing_written():
    assert (Drama.objects.count(), Actor.objects.count(), Scene.objects.count(), SceneSource.objects.count()) == (
        0,
        0,
        0,
        0,
    )


def test_an_archive_missing_a_file_is_refused(archive):
    (archive / "scenes.csv").unlink()

    assert "scenes.csv: the archive has no such file." in refusal(archive)
    assert_nothing_written()


def test_a_row_naming_an_unknown_drama_is_refused_with_its_file_and_row(archive):
    edit(archive / "scenes.csv", 3, "drama", lambda value: "no-such-drama")

    message = refusal(archive)

    assert "scenes.csv row 3, drama: no drama with slug “no-such-drama” in dramas.csv." in message
    assert_nothing_written()


def test_a_bad_value_is_refused_with_its_file_row_and_column(archive):
    edit(archive / "scene_sources.csv", 2, "checked_on", lambda value: "yesterday")

    assert "scene_sources.csv row 2, checked_on: “yesterday” is not a date like 2024-02-14." in refusal(archive)
    assert_nothing_written()


def test_what_the_models_refuse_is_reported_by_row_and_nothing_is_kept(archive):
    edit(archive / "scene_sources.csv", 3, "quote", lambda value: " ".join(["word"] * 13))
    files_before = stored_files()

    message = refusal(archive)

    assert "scene_sources.csv row 3: quote: Quote at most 12 words (this has 13)." in message
    assert_nothing_written()
    assert stored_files() == files_before  # the poster stored on the way removed again


def test_a_broken_datapackage_is_refused(archive):
    (archive / "datapackage.json").write_text("{not json")

    assert "datapackage.json: not valid JSON" in refusal(archive)
    assert_nothing_written()


def test_a_datapackage_that_does_not_describe_the_tables_is_refused(archive):
    package = json.loads((archive / "datapackage.json").read_text())
    package["resources"] = [resource for resource in package["resources"] if resource["name"] != "scenes"]
    (archive / "datapackage.json").write_text(json.dumps(package))

    assert "datapackage.json: no resource named scenes." in refusal(archive)


def test_a_picture_that_is_not_one_is_refused(archive):
    [name] = [line.split(",")[2] for line in (archive / "screenshots.csv").read_text().splitlines()[1:]]
    (archive / name).write_bytes(b"not a picture")

    assert "screenshots.csv row 2:" in refusal(archive)
    assert_nothing_written()


def test_a_catalogue_that_is_not_empty_is_refused(catalogue, tmp_path):
    export(tmp_path / "archive")

    assert "The catalogue is not empty (2 dramas" in refusal(tmp_path / "archive")
    assert Scene.objects.count() == 4


def test_an_archive_that_does_not_exist_or_is_no_zip_is_refused(db, tmp_path):
    assert "does not exist" in refusal(tmp_path / "nothing.zip")
    (tmp_path / "fake.zip").write_bytes(b"hello")
    assert "neither a directory nor a .zip archive" in refusal(tmp_path / "fake.zip")


def test_export_does_not_overwrite_an_existing_archive(catalogue, tmp_path):
    (tmp_path / "taken.zip").write_bytes(b"keep me")

    with pytest.raises(CommandError, match="already exists"):
        call_command("export_dataset", str(tmp_path / "taken.zip"), stdout=io.StringIO())
    assert (tmp_path / "taken.zip").read_bytes() == b"keep me"


def test_a_zip_archive_holds_no_changing_dates(catalogue, tmp_path):
    export(tmp_path / "a.zip")

    with zipfile.ZipFile(tmp_path / "a.zip") as archive:
        assert {entry.date_time for entry in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_an_archive_is_readable_like_any_new_file(catalogue, tmp_path):
    mask = os.umask(0o022)
    try:
        export(tmp_path / "a.zip")
        export(tmp_path / "folder")
    finally:
        os.umask(mask)

    assert (tmp_path / "a.zip").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "folder").stat().st_mode & 0o777 == 0o755
