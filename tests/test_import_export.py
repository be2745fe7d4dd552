"""Bulk import and export: every bad row is named with its line, nothing half-imported, and export round-trips."""

import io
import json
from datetime import UTC, datetime

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from scenes.bulk import COLUMNS
from scenes.models import Scene, SceneTrope
from tests.factories import CharacterFactory, DramaFactory, SceneFactory

pytestmark = pytest.mark.django_db

# Files written before the spoiler mark, without its column, read as they did (the mark is false).
HEADER = ",".join(column for column in COLUMNS if column != "is_spoiler")


@pytest.fixture
def heirs(db):
    drama = DramaFactory(title="The Heirs", slug="the-heirs", episodes=20)
    CharacterFactory(drama=drama, name="Kim Tan", gender="male", role="male_lead")
    CharacterFactory(drama=drama, name="Cha Eun-sang", gender="female", role="female_lead")
    CharacterFactory(drama=drama, name="Choi Young-do", gender="male", role="second_male_lead")
    return drama


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(command: str, *args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(command, *[str(arg) for arg in args], stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def refusal(*args) -> str:
    with pytest.raises(CommandError) as caught:
        run("import_scenes", *args)
    return str(caught.value)


def snapshot() -> list[tuple]:
    """What a reader sees of each published scene: every field of the format, and its public tropes."""
    scenes = Scene.objects.published().select_related("drama", "hugger", "hugged").prefetch_related("scene_tropes")
    return sorted(
        (
            scene.drama.slug,
            scene.episode,
            scene.start_seconds,
            scene.end_seconds,
            scene.hugger.name,
            scene.hugged.name,
            scene.setting,
            scene.description,
            scene.line_korean,
            scene.line_english,
            scene.status,
            scene.is_illustrative,
            scene.is_featured,
            scene.is_spoiler,
            scene.published_at,
            tuple(sorted(st.trope.slug for st in scene.scene_tropes.select_related("trope") if st.is_public)),
        )
        for scene in scenes
    )


# Importing ---------------------------------------------------------------------------------------------

GOOD_CSV = f"""{HEADER}
the-heirs,8,41:05,41:40,Kim Tan,Cha Eun-sang,school corridor,"He stops her in the corridor, then holds on.
She does not turn around.",가지 마,Don't go,comfort;lingering,published,false,true,2024-02-14T20:30:00+00:00
the-heirs,12,1:02:03,1:02:30,Choi Young-do,Cha Eun-sang,,"A ""captured"" hug by the lockers.",,,reluctant,pending,yes,,
"""


def test_a_csv_file_is_imported_with_its_tropes(heirs, tmp_path):
    out, _ = run("import_scenes", write(tmp_path, "scenes.csv", GOOD_CSV))

    assert "Imported 2 scenes with 3 tropes from" in out
    corridor, lockers = Scene.objects.order_by("episode")
    assert (corridor.episode, corridor.start_seconds, corridor.end_seconds) == (8, 41 * 60 + 5, 41 * 60 + 40)
    assert (corridor.hugger.name, corridor.hugged.name) == ("Kim Tan", "Cha Eun-sang")
    assert corridor.description == "He stops her in the corridor, then holds on.\nShe does not turn around."
    assert (corridor.line_korean, corridor.line_english, corridor.setting) == ("가지 마", "Don't go", "school corridor")
    assert corridor.is_published and corridor.is_featured and not corridor.is_illustrative
    assert corridor.published_at == datetime(2024, 2, 14, 20, 30, tzinfo=UTC)
    assert sorted(corridor.tropes.values_list("slug", flat=True)) == ["comfort", "lingering"]
    assert lockers.start_seconds == 3723 and lockers.status == "pending" and lockers.is_illustrative
    assert lockers.published_at is None and lockers.description == 'A "captured" hug by the lockers.'
    assert [trope.slug for trope in lockers.public_tropes()] == ["second-lead", "boy-initiated", "reluctant"]


def test_a_json_file_is_imported(heirs, tmp_path):
    records = [
        {
            "drama": "the-heirs",
            "episode": 3,
            "start": "12:00",
            "end": "12:20",
            "hugger": "Cha Eun-sang",
            "hugged": "Kim Tan",
            "description": "She surprises him from behind.",
            "tropes": ["surprise-romance", "arms-waist"],
            "is_illustrative": True,
        }
    ]

    out, _ = run("import_scenes", write(tmp_path, "scenes.json", json.dumps(records)))

    assert "Imported 1 scenes with 2 tropes" in out
    scene = Scene.objects.get()
    assert scene.is_girl_initiated and scene.is_published and scene.is_illustrative
    assert scene.published_at is not None  # a published scene without a date gets the import time
    assert sorted(scene.tropes.values_list("slug", flat=True)) == ["arms-waist", "surprise-romance"]


def test_every_bad_row_is_reported_with_its_line_and_nothing_is_imported(heirs, tmp_path):
    rows = [
        # line 2-3: a good row whose description spans two lines
        'the-heirs,1,10:00,10:30,Kim Tan,Cha Eun-sang,,"Two\nlines",,,,,,,',
        "the-hiers,1,10:00,10:30,Kim Tan,Cha Eun-sang,,Unknown drama.,,,,,,,",  # line 4
        "the-heirs,21,10:00,10:30,Kim Tan,Cha Eun-sang,,Beyond the last episode.,,,,,,,",  # line 5
        "the-heirs,1,10:00,10:30,Kim Tam,Cha Eun-sang,,Unknown character.,,,,,,,",  # line 6
        "the-heirs,1,10:00,10:30,Kim Tan,Kim Tan,,Hugs himself.,,,,,,,",  # line 7
        "the-heirs,1,10:5,10:30,Kim Tan,Cha Eun-sang,,Bad timecode.,,,,,,,",  # line 8
        "the-heirs,1,10:00,10:30,Kim Tan,Cha Eun-sang,,Unknown trope.,,,cuddles,,,,",  # line 9
        "the-heirs,2,10:00,10:30,Kim Tan,Cha Eun-sang,,Derived trope.,,,second-lead,,,,",  # line 10
        "the-heirs,1,10:30,10:00,Kim Tan,Cha Eun-sang,,Ends before it starts.,,,,,,,",  # line 11
        "the-heirs,3,10:00,10:30,Kim Tan,Cha Eun-sang,,Bad status.,,,,live,,,",  # line 12
        "the-heirs,4,10:00,10:30,Kim Tan,Cha Eun-sang,,,,,,,,,",  # line 13: no description
        "",  # line 14: blank lines are skipped, and still counted
        "the-heirs,5,10:00,10:30,Kim Tan,Cha Eun-sang,,Featured but pending.,,,,pending,,yes,",  # line 15
        "the-heirs,1,10:00,10:30,Kim Tan,Cha Eun-sang,,Same scene as line 2.,,,,,,,",  # line 16
    ]
    path = write(tmp_path, "scenes.csv", "\n".join([HEADER, *rows]) + "\n")

    message = refusal(path)

    expected = [
        "line 4, drama: no drama has the slug “the-hiers”.",
        "line 5, episode: The Heirs has only 20 episodes.",
        "line 6, hugger: The Heirs has no character named “Kim Tam”.",
        "line 7, hugged: Someone cannot back-hug themselves",
        "line 8, start: “10:5” is not a time like 12:34 or 1:02:03.",
        "line 9, tropes: no trope has the slug “cuddles”.",
        "line 10, tropes: “second-lead” follows from the hugger's role or gender and cannot be given.",
        "line 11, end: The hug must end after it starts.",
        "line 12, status: “live” is not a status",
        "line 13, description: is required.",
        "line 15, is_featured: only a published scene can be featured",
        "line 16: is the same scene as line 2.",
    ]
    for problem in expected:
        assert problem in message
    assert "Nothing was imported" in message and "12 problems in 12 rows" in message
    assert "line 2" not in message.replace("as line 2", "")  # the good row is not blamed
    assert not Scene.objects.exists()


def test_each_problem_of_a_row_is_reported(heirs, tmp_path):
    row = "the-heirs,30,10:00,10:30,Kim Tan,Kim Tan,,Everything wrong.,,,girl-initiated,,,,"
    path = write(tmp_path, "scenes.csv", f"{HEADER}\n{row}\n")

    message = refusal(path)

    assert "3 problems in 1 row." in message
    assert "line 2, episode: The Heirs has only 20 episodes." in message
    assert "line 2, hugged: Someone cannot back-hug themselves" in message
    assert "line 2, tropes: “girl-initiated” follows from the hugger's role or gender" in message


def test_a_missing_or_unknown_column_is_reported_on_the_header_line(heirs, tmp_path):
    path = write(tmp_path, "scenes.csv", "drama,episode,start,end,hugger,hugged,tropez\n")

    message = refusal(path)

    assert "line 1, description: is a required column and is missing." in message
    assert "line 1, tropez: is not a column" in message


def test_bad_json_records_are_reported_by_their_position(heirs, tmp_path):
    records = [
        {"drama": "the-heirs", "episode": 1, "start": "1:00", "end": "1:10", "hugger": "Kim Tan",
         "hugged": "Cha Eun-sang", "description": "Fine."},
        ["not", "an", "object"],
        {"drama": "the-heirs", "episode": "one", "start": "1:00", "end": "1:10", "hugger": "Kim Tan",
         "hugged": "Cha Eun-sang", "description": "Bad episode.", "is_featured": "maybe"},
    ]  # fmt: skip

    message = refusal(write(tmp_path, "scenes.json", json.dumps(records)))

    assert "record 2: is not an object" in message
    assert "record 3, episode: “one” is not an episode number" in message
    assert "record 3, is_featured: “maybe” is not true or false." in message
    assert "record 1" not in message
    assert not Scene.objects.exists()


def test_a_scene_already_in_the_catalogue_is_refused_or_skipped(heirs, tmp_path):
    kim_tan, eun_sang = heirs.characters.get(name="Kim Tan"), heirs.characters.get(name="Cha Eun-sang")
    existing = SceneFactory(
        drama=heirs, episode=8, start_seconds=41 * 60 + 5, end_seconds=41 * 60 + 9, hugger=kim_tan, hugged=eun_sang
    )
    path = write(tmp_path, "scenes.csv", GOOD_CSV)

    assert f"line 2: is already in the catalogue as scene {existing.pk}." in refusal(path)
    assert Scene.objects.count() == 1

    out, err = run("import_scenes", path, "--skip-existing")

    assert f"Skipped line 2: is already in the catalogue as scene {existing.pk}." in err
    assert "Imported 1 scenes" in out and "Skipped 1 already in the catalogue." in out
    assert Scene.objects.count() == 2


def test_a_dry_run_checks_every_row_and_writes_nothing(heirs, tmp_path):
    out, _ = run("import_scenes", write(tmp_path, "scenes.csv", GOOD_CSV), "--dry-run")

    assert "Checked 2 scenes" in out
    assert not Scene.objects.exists()


def test_the_format_comes_from_the_name_or_the_option(heirs, tmp_path):
    path = write(tmp_path, "scenes.txt", GOOD_CSV)

    assert "Cannot tell the format" in refusal(path)
    out, _ = run("import_scenes", path, "--format", "csv")
    assert "Imported 2 scenes" in out


def test_a_file_that_is_not_utf8_is_refused_with_a_message(heirs, tmp_path):
    path = tmp_path / "scenes.csv"
    path.write_bytes(GOOD_CSV.encode("utf-16"))

    assert "not UTF-8" in refusal(path)


# Exporting ---------------------------------------------------------------------------------------------


@pytest.fixture
def catalogue(heirs):
    """Published scenes with awkward text (commas, quotes, line breaks, Hangul), tropes, and one pending scene."""
    kim_tan, eun_sang, young_do = (
        heirs.characters.get(name=name) for name in ("Kim Tan", "Cha Eun-sang", "Choi Young-do")
    )
    SceneFactory(
        drama=heirs, episode=8, start_seconds=2465, end_seconds=2500, hugger=kim_tan, hugged=eun_sang,
        setting='corridor, "after school"', description="He holds on.\nShe stays.", line_korean="가지 마",
        line_english="Don't go", is_featured=True, tropes=["comfort", "lingering"],
    )  # fmt: skip
    SceneFactory(
        drama=heirs, episode=12, start_seconds=3723, end_seconds=3750, hugger=young_do, hugged=eun_sang,
        is_illustrative=True, tropes=["reluctant"], published_at=datetime(2023, 5, 1, 12, 0, 0, 123456, tzinfo=UTC),
        is_spoiler=True,
    )  # fmt: skip
    hidden = SceneFactory(drama=heirs, episode=3, hugger=eun_sang, hugged=kim_tan, tropes=["welcomed", "mutual"])
    SceneTrope.objects.filter(scene=hidden, trope__slug="mutual").update(is_public=False)  # fans rejected it
    SceneFactory(drama=heirs, episode=4, hugger=kim_tan, hugged=eun_sang, status="pending", published_at=None)
    return heirs


@pytest.mark.parametrize("file_format", ["csv", "json"])
def test_export_then_import_into_an_empty_catalogue_recreates_the_same_scenes(catalogue, tmp_path, file_format):
    before = snapshot()
    path = tmp_path / f"catalogue.{file_format}"
    out, _ = run("export_scenes", "--output", path)
    assert f"Exported 3 published scenes to {path}." in out

    Scene.objects.all().delete()
    out, _ = run("import_scenes", path)

    assert "Imported 3 scenes" in out
    assert snapshot() == before  # the spoiler mark too
    assert len(before) == 3 and ("mutual" not in str(before))
    assert Scene.objects.filter(is_spoiler=True).count() == 1


def test_export_writes_the_import_format_to_standard_output(catalogue):
    csv_text, summary = run("export_scenes")

    lines = csv_text.splitlines()
    assert lines[0] == ",".join(COLUMNS)
    assert lines[1].startswith("the-heirs,3,20:34,20:50,Cha Eun-sang,Kim Tan,")  # story order
    assert "Exported 3 published scenes." in summary  # on standard error, so a pipe gets only the data

    json_text, _ = run("export_scenes", "--format", "json")
    records = json.loads(json_text)
    assert [record["episode"] for record in records] == [3, 8, 12]
    assert records[1]["tropes"] == ["comfort", "lingering"] and records[1]["is_featured"] is True
    assert records[2]["start"] == "1:02:03" and records[2]["is_spoiler"] is True


def test_an_empty_catalogue_exports_an_empty_file(db):
    assert run("export_scenes", "--format", "json")[0] == "[]\n"
    assert run("export_scenes")[0] == ",".join(COLUMNS) + "\n"


def test_exports_queries_do_not_grow_with_the_catalogue(heirs, django_assert_max_num_queries):
    kim_tan, eun_sang = heirs.characters.get(name="Kim Tan"), heirs.characters.get(name="Cha Eun-sang")

    def queries_for_export() -> int:
        with CaptureQueriesContext(connection) as captured:
            run("export_scenes", "--format", "json")
        return len(captured)

    SceneFactory.create_batch(3, drama=heirs, hugger=kim_tan, hugged=eun_sang, tropes=["comfort", "lingering"])
    few = queries_for_export()
    SceneFactory.create_batch(30, drama=heirs, hugger=kim_tan, hugged=eun_sang, tropes=["comfort", "lingering"])

    with django_assert_max_num_queries(few):
        text, _ = run("export_scenes", "--format", "json")
    assert len(json.loads(text)) == 33


def test_imported_scenes_are_found_by_search(tmp_path, client):
    from scenes.models import Scene as SceneModel

    scene = SceneFactory(description="A lantern festival by the river.")
    path = tmp_path / "scenes.json"
    call_command("export_scenes", "--format", "json", "--output", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    SceneModel.objects.all().delete()
    call_command("import_scenes", str(path), stdout=io.StringIO())
    response = client.get("/scenes/", {"q": "lantern"})
    assert [s.description for s in response.context["page"].object_list] == [scene.description]
