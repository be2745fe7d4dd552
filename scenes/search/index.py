"""
What the search indexes and how each database indexes it.

Every scene has a search document (SceneSearch): its drama's titles, the names of the hugger, the hugged and
their actors (romanised and Hangul), the setting, and the description with the lines spoken, each reduced
to normalised words by scenes.search.text (which explains how "Lee Min-ho" and "lee minho" meet). Dramas,
actors, tropes and trope aliases have a SearchSuggestion row each.

reindex_scenes() and reindex_suggestions() rebuild rows; scenes.search.signals calls them when a scene, character,
actor, drama, trope or alias is saved, and deleting any of those deletes its rows (CASCADE). Bulk loads that
skip signals (bulk_create) run ``manage.py rebuild_search_index`` (rebuild_search_index()).

The database's own index over those tables:
- SQLite: FTS5 tables over scenes_scenesearch and scenes_searchsuggestion (external content: the rows stay
  in those tables, FTS5 keeps only its index), kept current by triggers on them; unicode61 tokenises Hangul
  and Latin alike, and prefix indexes make "lee m*" and "상속*" fast.
- PostgreSQL: GIN indexes on the weighted tsvector columns (written by reindex_*), and a trigram (pg_trgm)
  GIN index on the suggestions' terms, for suggesting and for the fuzzy second try of a search.

install() is safe to run again; a full rebuild drops the index, writes every row and installs it again,
which is much faster than updating it row by row. On SQLite, a migration that alters either search table
makes Django rebuild it and drop its triggers: wrap it in ``RunPython(uninstall_index, install_index)`` and
``RunPython(install_index, uninstall_index)``.
"""

from django.apps import apps as global_apps
from django.contrib.postgres.search import SearchVector
from django.db import connections, transaction
from django.db.models import Q

from .cache import search_changed
from .text import document

SCENE_FTS = "scenes_scenesearch_fts"
SUGGESTION_FTS = "scenes_searchsuggestion_fts"


def _fts5(table: str, content: str, rowid: str, columns: list[str]) -> list[str]:
    """An external-content FTS5 table over ``content`` and the triggers that keep it current.

    Only the constant names above go into this SQL; nothing from a request does.
    """
    names = ", ".join(columns)
    new = ", ".join(f"new.{column}" for column in columns)
    old = ", ".join(f"old.{column}" for column in columns)
    insert = f"INSERT INTO {table}(rowid, {names}) VALUES (new.{rowid}, {new});"  # noqa: S608
    delete = f"INSERT INTO {table}({table}, rowid, {names}) VALUES ('delete', old.{rowid}, {old});"  # noqa: S608
    return [
        f"CREATE VIRTUAL TABLE {table} USING fts5({names}, content='{content}', content_rowid='{rowid}', "
        "tokenize='unicode61 remove_diacritics 2', prefix='2 3')",
        f"CREATE TRIGGER {table}_insert AFTER INSERT ON {content} BEGIN {insert} END",
        f"CREATE TRIGGER {table}_delete AFTER DELETE ON {content} BEGIN {delete} END",
        f"CREATE TRIGGER {table}_update AFTER UPDATE ON {content} BEGIN {delete} {insert} END",
        # Index the rows already there.
        f"INSERT INTO {table}({table}) VALUES ('rebuild')",  # noqa: S608
    ]


INSTALL = {
    "sqlite": [
        *_fts5(SCENE_FTS, "scenes_scenesearch", "scene_id", ["titles", "names", "place", "body"]),
        *_fts5(SUGGESTION_FTS, "scenes_searchsuggestion", "id", ["terms"]),
    ],
    "postgresql": [
        # Rows written earlier in this transaction leave deferred foreign key checks pending, and PostgreSQL
        # refuses CREATE INDEX on a table with pending trigger events: run the checks now (then defer again).
        "SET CONSTRAINTS ALL IMMEDIATE",
        "CREATE INDEX scenesearch_vector ON scenes_scenesearch USING gin (vector)",
        "CREATE INDEX searchsuggestion_vector ON scenes_searchsuggestion USING gin (vector)",
        "CREATE INDEX searchsuggestion_terms_trgm ON scenes_searchsuggestion USING gin (terms gin_trgm_ops)",
        "SET CONSTRAINTS ALL DEFERRED",
    ],
}
UNINSTALL = {
    "sqlite": [
        *(
            f"DROP TRIGGER IF EXISTS {table}_{event}"
            for table in (SCENE_FTS, SUGGESTION_FTS)
            for event in ("insert", "delete", "update")
        ),
        *(f"DROP TABLE IF EXISTS {table}" for table in (SCENE_FTS, SUGGESTION_FTS)),
    ],  # fmt: skip
    "postgresql": [
        f"DROP INDEX IF EXISTS {name}"
        for name in (
            "scenesearch_vector",
            "searchsuggestion_vector",
            "searchsuggestion_terms_trgm",
        )
    ],
}


def install(connection) -> None:
    """(Re)create the search index on ``connection``'s database, indexing the rows already there."""
    uninstall(connection)
    if connection.vendor not in INSTALL:
        raise NotImplementedError(f"tropedb's search has no index for {connection.vendor}.")
    _execute(connection, INSTALL[connection.vendor])


def uninstall(connection) -> None:
    _execute(connection, UNINSTALL.get(connection.vendor, []))


def _execute(connection, statements) -> None:
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def install_index(apps, schema_editor):
    """For migrations: RunPython(install_index, uninstall_index)."""
    install(schema_editor.connection)


def uninstall_index(apps, schema_editor):
    uninstall(schema_editor.connection)


# Building documents ------------------------------------------------------------------------------------

SCENE_VALUES = (
    "pk",
    "drama__title",
    "drama__hangul_title",
    "drama__other_titles",
    "hugger__name",
    "hugger__hangul_name",
    "hugger__actor__name",
    "hugger__actor__hangul_name",
    "hugged__name",
    "hugged__hangul_name",
    "hugged__actor__name",
    "hugged__actor__hangul_name",
    "setting",
    "description",
    "line_english",
    "line_korean",
)
NAME_VALUES = SCENE_VALUES[4:12]  # the characters' and actors' names, romanised and in Hangul
REINDEX_CHUNK = 2000


def _vector(*columns):
    parts = [SearchVector(column, weight=weight, config="simple") for column, weight in columns]
    vector = parts[0]
    for part in parts[1:]:
        vector = vector + part
    return vector


def scene_document(row: dict) -> dict:
    """SceneSearch values from a ``Scene.objects.values(*SCENE_VALUES)`` row."""
    titles = (row["drama__title"], row["drama__hangul_title"], *row["drama__other_titles"].split(";"))
    return {
        "scene_id": row["pk"],
        "titles": document(*titles, names=True),
        "names": document(*(row[field] for field in NAME_VALUES), names=True),
        "place": document(row["setting"]),
        "body": document(row["description"], row["line_english"], row["line_korean"]),
    }


def reindex_scenes(scene_ids, *, apps=global_apps, using: str = "default") -> int:
    """Rebuild the search documents of ``scene_ids`` (deleted scenes simply lose theirs); returns how many."""
    scene_model, search_model = apps.get_model("scenes", "Scene"), apps.get_model("scenes", "SceneSearch")
    ids = sorted(set(scene_ids))
    written = 0
    with transaction.atomic(using=using):
        for start in range(0, len(ids), REINDEX_CHUNK):
            chunk = ids[start : start + REINDEX_CHUNK]
            search_model.objects.using(using).filter(scene_id__in=chunk).delete()
            rows = scene_model.objects.using(using).filter(pk__in=chunk).values(*SCENE_VALUES)
            documents = [search_model(**scene_document(row)) for row in rows]
            search_model.objects.using(using).bulk_create(documents, batch_size=500)
            if connections[using].vendor == "postgresql":
                vector = _vector(("titles", "A"), ("names", "A"), ("place", "B"), ("body", "C"))
                search_model.objects.using(using).filter(scene_id__in=chunk).update(vector=vector)
            written += len(documents)
    search_changed(using=using)
    return written


def _suggestion_values(apps, using, *, dramas, actors, tropes):
    def get(name, ids):
        return apps.get_model("scenes", name).objects.using(using).filter(pk__in=ids)

    for drama in get("Drama", dramas):
        yield {
            "kind": "drama", "drama_id": drama.pk, "label": drama.title, "slug": drama.slug,
            "hint": " · ".join(str(part) for part in (drama.hangul_title, drama.year) if part),  # see suggestions.py
            "terms": document(drama.title, drama.hangul_title, *drama.other_titles.split(";"), names=True),
        }  # fmt: skip
    actor_rows = get("Actor", actors)
    if any(field.name == "is_confirmed" for field in actor_rows.model._meta.fields):  # Not in early migrations.
        actor_rows = actor_rows.filter(is_confirmed=True)  # Actors a fan added wait with the submission.
    for actor in actor_rows:
        yield {
            "kind": "actor", "actor_id": actor.pk, "label": actor.name, "slug": actor.slug,
            "hint": actor.hangul_name, "terms": document(actor.name, actor.hangul_name, names=True),
        }  # fmt: skip
    for trope in get("Trope", tropes).prefetch_related("aliases"):
        common = {"kind": "trope", "trope_id": trope.pk, "label": trope.name, "slug": trope.slug}
        yield {**common, "hint": trope.hangul_name, "terms": document(trope.name, trope.hangul_name)}
        for alias in trope.aliases.all():
            yield {**common, "alias_id": alias.pk, "hint": f"“{alias.name}”", "terms": document(alias.name)}


def reindex_suggestions(
    *, dramas=(), actors=(), tropes=(), aliases=(), apps=global_apps, using: str = "default"
) -> int:
    """Rebuild the suggestions for these dramas, actors and tropes (by id; a trope's aliases come along).

    ``aliases`` are dropped wherever they were, for an alias that moved to another trope.
    """
    model = apps.get_model("scenes", "SearchSuggestion")
    dramas, actors, tropes = list(dramas), list(actors), list(tropes)
    theirs = Q(drama_id__in=dramas) | Q(actor_id__in=actors) | Q(trope_id__in=tropes)
    model.objects.using(using).filter(alias_id__in=list(aliases)).delete()
    with transaction.atomic(using=using):
        model.objects.using(using).filter(theirs).delete()
        values = _suggestion_values(apps, using, dramas=dramas, actors=actors, tropes=tropes)
        rows = model.objects.using(using).bulk_create([model(**row) for row in values], batch_size=500)
        if rows and connections[using].vendor == "postgresql":
            model.objects.using(using).filter(theirs).update(vector=_vector(("terms", "A")))
    return len(rows)


def rebuild_search_index(*, apps=global_apps, using: str = "default") -> tuple[int, int]:
    """Every search document and suggestion from scratch, e.g. after a bulk load; returns (scenes, suggestions).

    The database's index is dropped while the rows are written and built again at the end: far faster than
    updating it row by row. Readers wait for the rebuild's transaction on PostgreSQL.
    """

    def every(name):
        return list(apps.get_model("scenes", name).objects.using(using).values_list("pk", flat=True))

    connection = connections[using]
    with transaction.atomic(using=using):
        uninstall(connection)
        apps.get_model("scenes", "SceneSearch").objects.using(using).all().delete()
        apps.get_model("scenes", "SearchSuggestion").objects.using(using).all().delete()
        scenes = reindex_scenes(every("Scene"), apps=apps, using=using)
        suggestions = reindex_suggestions(
            dramas=every("Drama"), actors=every("Actor"), tropes=every("Trope"), apps=apps, using=using
        )
        install(connection)
    return scenes, suggestions
