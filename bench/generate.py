"""
Fill an empty database with a large synthetic catalogue, for bench/run.py.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/generate.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tropedb_bench .venv/bin/python bench/generate.py

Defaults: 1,000 dramas (6 characters each, from 3,000 actors), 100,000 scenes, 20,000 fans casting
1,000,000 votes, 200,000 comments (a tenth on dramas, a quarter of them replies), about 150,000 scene tropes.
Names are romanised Korean with Hangul, some written without their hyphen ("Lee Minho"), and a few
descriptions mention another drama's title, so search meets what it meets in real life.

Rows go in with multi-row inserts (SQLite) or COPY (PostgreSQL), bypassing models and signals but not the
database: the catalogue triggers still check every scene's episode and characters. Every scene's tallies
(awesome_count, awkward_count, Wilson scores, controversy, comment_count) are computed from the votes and
comments generated for it and stored with it. Then the search index is built (rebuild_search_index) and
the database analysed. Deterministic for a given --seed.
"""

import argparse
import os
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tropedb.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.core.management.color import no_style  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils.text import slugify  # noqa: E402

from bench.vocabulary import (  # noqa: E402
    AFTER,
    COMMENT_WORDS,
    DETAILS,
    FAMILY,
    LINES,
    NETWORKS,
    SETTINGS,
    SYLLABLES,
    TITLE_FORMS,
    TITLE_WORDS,
    VERBS,
)
from community import scoring  # noqa: E402
from community.models import Comment, Vote  # noqa: E402
from scenes.models import Actor, Character, Drama, Scene, SceneTrope, Trope  # noqa: E402
from scenes.search.index import rebuild_search_index  # noqa: E402

User = get_user_model()
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dramas", type=int, default=1000)
    parser.add_argument("--actors", type=int, default=3000)
    parser.add_argument("--scenes", type=int, default=100_000)
    parser.add_argument("--fans", type=int, default=20_000)
    parser.add_argument("--votes", type=int, default=1_000_000)
    parser.add_argument("--comments", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=20261120)
    return parser.parse_args()


class Writer:
    """Inserts plain rows fast: COPY on PostgreSQL, multi-row executemany on SQLite.

    Rows are dicts by column (attname); columns a row leaves out get the field's default, and auto_now
    fields the fixed NOW, so a field a colleague adds with a default does not break the generator.
    """

    def __init__(self):
        self.counts = {}

    def insert(self, model, rows, *, with_pk=True):
        rows = list(rows)
        if not rows:
            return
        fields = [f for f in model._meta.concrete_fields if with_pk or not f.primary_key]
        defaults = {}
        for field in fields:
            auto_now = getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
            defaults[field.attname] = NOW if auto_now else field.get_default()
        columns = [(field, field.attname) for field in fields]
        prepared = [
            tuple(field.get_db_prep_save(row.get(name, defaults[name]), connection) for field, name in columns)
            for row in rows
        ]
        table = connection.ops.quote_name(model._meta.db_table)
        names = ", ".join(connection.ops.quote_name(field.column) for field in fields)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for row in prepared:
                        copy.write_row(row)
            else:
                placeholders = ", ".join(["%s"] * len(columns))
                sql = f"INSERT INTO {table} ({names}) VALUES ({placeholders})"  # noqa: S608 - model names only
                for start in range(0, len(prepared), 20_000):
                    cursor.executemany(sql, prepared[start : start + 20_000])
        self.counts[model._meta.label] = self.counts.get(model._meta.label, 0) + len(rows)


def korean_name(rng: random.Random, *, hyphen: bool = True) -> tuple[str, str]:
    (family, family_hangul), first, second = rng.choice(FAMILY), rng.choice(SYLLABLES), rng.choice(SYLLABLES)
    given = f"{first[0].capitalize()}-{second[0]}" if hyphen else f"{first[0].capitalize()}{second[0]}"
    return f"{family} {given}", family_hangul + first[1] + second[1]


def generate(args, writer: Writer, rng: random.Random):
    started = time.monotonic()

    def step(message):
        print(f"{time.monotonic() - started:7.1f} s  {message}", flush=True)

    fans = [
        {"id": number, "username": f"fan{number:06d}", "email": f"fan{number:06d}@example.com", "password": "!",
         "date_joined": NOW - timedelta(days=number % 3000), "is_active": True}
        for number in range(1, args.fans + 1)
    ]  # fmt: skip
    writer.insert(User, fans)
    step(f"{args.fans} fans")

    titles, dramas = set(), []
    for number in range(1, args.dramas + 1):
        for _attempt in range(20):
            (a, a_ko), (b, b_ko) = rng.sample(TITLE_WORDS, 2)
            title = rng.choice(TITLE_FORMS).format(a=a, b=b)
            if title not in titles:
                break
        else:
            title = f"{title} {number}"  # Titles repeat in real life too; slugs may not.
        titles.add(title)
        other = rng.choice(["", "", "", f"{b} {a}", f"The {a} Story"])
        dramas.append(
            {"id": number, "title": title, "slug": slugify(title), "hangul_title": f"{a_ko}의 {b_ko}",
             "other_titles": other, "year": rng.randint(2003, 2025), "network": rng.choice(NETWORKS),
             "episodes": rng.choice([12, 16, 16, 16, 20, 24]), "created_at": NOW}
        )  # fmt: skip
    writer.insert(Drama, dramas)
    step(f"{args.dramas} dramas")

    actor_names, actors = set(), []
    while len(actors) < args.actors:
        name, hangul = korean_name(rng, hyphen=rng.random() > 0.1)
        if slugify(name) in actor_names:
            continue
        actor_names.add(slugify(name))
        actors.append({"id": len(actors) + 1, "name": name, "slug": slugify(name), "hangul_name": hangul})
    writer.insert(Actor, actors)
    step(f"{args.actors} actors")

    roles = [("male_lead", "male"), ("female_lead", "female"), ("second_male_lead", "male"),
             ("second_female_lead", "female"), ("supporting", "female"), ("supporting", "male")]  # fmt: skip
    characters, cast = [], {}
    for drama in dramas:
        names = set()
        for role, gender in roles:
            name = korean_name(rng)[0]
            while name in names:
                name = korean_name(rng)[0]
            names.add(name)
            characters.append(
                {"id": len(characters) + 1, "drama_id": drama["id"], "actor_id": rng.randint(1, args.actors),
                 "name": name, "gender": gender, "role": role}
            )  # fmt: skip
            cast.setdefault(drama["id"], []).append(characters[-1])
    writer.insert(Character, characters)
    step(f"{len(characters)} characters")

    # Votes per scene first, so each scene is written once with its tallies.
    # Some scenes draw many more votes than others (exponentially distributed), adding up to --votes exactly;
    # nobody votes twice on a scene, so none gets more votes than there are fans.
    weights = [rng.expovariate(1.0) for _ in range(args.scenes)]
    total_weight = sum(weights)
    votes_per_scene = [min(int(args.votes * weight / total_weight), args.fans) for weight in weights]
    for index in range(args.votes - sum(votes_per_scene)):
        votes_per_scene[index % args.scenes] += 1
    comments_per_scene = [0] * args.scenes
    scene_comments = args.comments - args.comments // 10
    for _ in range(scene_comments):
        comments_per_scene[rng.randrange(args.scenes)] += 1

    scenes, scene_tropes, votes = [], [], []
    curated = list(Trope.objects.curated().values_list("pk", flat=True))
    titles_list = [drama["title"] for drama in dramas]
    for index in range(args.scenes):
        scene_id = index + 1
        drama = dramas[index % len(dramas)]
        people = cast[drama["id"]]
        hugger, hugged = rng.sample(people[:4], 2) if rng.random() < 0.8 else rng.sample(people, 2)
        start = rng.randint(0, 3500)
        lean = rng.betavariate(2, 1.4)
        awesome = sum(rng.random() < lean for _ in range(votes_per_scene[index]))
        awkward = votes_per_scene[index] - awesome
        description = (
            f"{hugger['name'].split()[-1]} {rng.choice(VERBS)} {hugged['name'].split()[-1]} from behind "
            f"{rng.choice(DETAILS)}. {rng.choice(AFTER)}"
        )
        if rng.random() < 0.05:
            description += f" Fans compare it to {rng.choice(titles_list)}."
        line_korean, line_english = rng.choice(LINES)
        published = rng.random() < 0.97
        scenes.append(
            {
                "id": scene_id, "drama_id": drama["id"], "episode": rng.randint(1, drama["episodes"]),
                "start_seconds": start, "end_seconds": start + rng.randint(4, 60),
                "hugger_id": hugger["id"], "hugged_id": hugged["id"], "setting": rng.choice(SETTINGS),
                "description": description, "line_korean": line_korean, "line_english": line_english,
                "status": "published" if published else "pending",
                "published_at": NOW - timedelta(minutes=(args.scenes - index) * 50) if published else None,
                "is_featured": rng.random() < 0.001,
                "awesome_count": awesome, "awkward_count": awkward,
                "awesome_score": scoring.wilson_lower_bound(awesome, awesome + awkward),
                "awkward_score": scoring.wilson_lower_bound(awkward, awesome + awkward),
                "controversy": scoring.controversy(awesome, awkward),
                "comment_count": comments_per_scene[index],
            }
        )  # fmt: skip
        for trope in rng.sample(curated, rng.choice([0, 1, 1, 2, 2, 3])):
            scene_tropes.append({"scene_id": scene_id, "trope_id": trope, "origin": "curated", "is_public": True})
        verdicts = ["awesome"] * awesome + ["awkward"] * awkward
        for fan, verdict in zip(rng.sample(range(1, args.fans + 1), len(verdicts)), verdicts, strict=True):
            votes.append({"scene_id": scene_id, "fan_id": fan, "verdict": verdict})
    writer.insert(Scene, scenes)
    step(f"{args.scenes} scenes (with tallies)")
    writer.insert(SceneTrope, scene_tropes, with_pk=False)
    step(f"{len(scene_tropes)} scene tropes")
    for start in range(0, len(votes), 200_000):
        writer.insert(Vote, votes[start : start + 200_000], with_pk=False)
    step(f"{len(votes)} votes")
    del votes

    comments, threads = [], {}
    targets = [("scene", index + 1) for index, count in enumerate(comments_per_scene) for _ in range(count)]
    targets += [("drama", rng.randint(1, args.dramas)) for _ in range(args.comments - scene_comments)]
    for number, (kind, target) in enumerate(targets, 1):
        thread = threads.setdefault((kind, target), [])
        parent = rng.choice(thread) if thread and rng.random() < 0.25 else None
        comments.append(
            {"id": number, "author_id": rng.randint(1, args.fans), f"{kind}_id": target, "parent_id": parent,
             "body": " ".join(rng.choices(COMMENT_WORDS, k=rng.randint(4, 30))).capitalize() + ".",
             "created_at": NOW - timedelta(minutes=(len(targets) - number) * 20)}
        )  # fmt: skip
        thread.append(number)
    writer.insert(Comment, comments)
    step(f"{len(comments)} comments")

    sequences = connection.ops.sequence_reset_sql(no_style(), [User, Drama, Actor, Character, Scene, Comment])
    with connection.cursor() as cursor:
        for statement in sequences:
            cursor.execute(statement)
    scenes_indexed, suggestions = rebuild_search_index()
    step(f"search index: {scenes_indexed} scenes, {suggestions} suggestions")


def main():
    args = parse_args()
    call_command("migrate", verbosity=0)
    if Scene.objects.exists() or User.objects.exists():
        sys.exit("This database already has scenes or users: generate into an empty one (see bench/README.md).")
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous = OFF")  # A benchmark file: speed over durability while loading.
            cursor.execute("PRAGMA cache_size = -400000")
    started = time.monotonic()
    writer = Writer()
    with transaction.atomic():
        generate(args, writer, random.Random(args.seed))
    with connection.cursor() as cursor:
        # As autovacuum would soon after a load on PostgreSQL: statistics, and the visibility map that lets
        # index-only scans skip the table. (Outside the transaction: VACUUM cannot run in one.)
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    print(f"Done in {time.monotonic() - started:.0f} s: " + ", ".join(f"{n} {k}" for k, n in writer.counts.items()))


if __name__ == "__main__":
    main()
