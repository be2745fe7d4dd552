"""
Search: the catalogue's text search, ranked.

What is indexed, and how each database indexes it, is in index.py; how text is normalised (so "Lee Min-ho",
"lee minho" and "LEE MIN HO" meet) in text.py; suggestions as a reader types in suggestions.py, the
searches that found nothing in misses.py. Here:
- search_scenes(): SQLite ranks FTS5 matches with bm25(), weighting a drama's title
  and names above the setting and the description; PostgreSQL ranks tsvector matches with ts_rank (titles
  and names A, setting B, description C), and when the words find nothing searches the drama or actor name
  closest to them by trigram similarity ("Lee Minoh" finds Lee Min-ho);
"""

import json
from dataclasses import dataclass

from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connections, models
from django.db.models import F, Func, IntegerField
from django.db.models.expressions import RawSQL

from scenes.models import SearchSuggestion

from .cache import filters_key, kept
from .index import SCENE_FTS
from .text import parse_query, words

# A search scores at most this many of the newest scenes it matches and keeps the most relevant of them:
# a query as unspecific as one common word costs about what a precise one does, and pages, counts and
# facets work on a bounded set. Titles and names as written are found apart (see _ranked), however old.
SEARCH_CANDIDATES = 2000
SEARCH_RESULTS = 500
# bm25() weights of the FTS5 columns titles, names, place, body.
BM25_WEIGHTS = (10.0, 8.0, 3.0, 1.0)


def ranked_scene_ids(scenes: models.QuerySet, text: str) -> list[int]:
    """
    The ids of ``scenes`` that match ``text``, most relevant first, in a query per tier (see _ranked). At
    most SEARCH_RESULTS ids.

    On PostgreSQL, when the words find nothing, the drama title or actor name closest to the search
    (trigram similarity, over the suggestions) is searched instead: "Lee Minoh" finds Lee Min-ho's scenes.
    That costs two more queries, only then.

    The same search with the same filters is ranked once a minute at most, while nothing it depends on
    changes (scenes.search.cache).
    """
    query = parse_query(text)
    if not query:
        return []
    vendor = connections[scenes.db].vendor
    if vendor not in RANKING:
        raise NotImplementedError(f"tropedb's search supports SQLite and PostgreSQL, not {vendor}.")
    filters = filters_key(scenes)  # Every other filter, as SQL: part of the ranking's key.
    if filters is None:  # Another filter already rules everything out.
        return []

    def rank() -> list[int]:
        ranked = _ranked(scenes, query)
        if not ranked and vendor == "postgresql":
            closest = _closest_name(text, using=scenes.db)
            ranked = _ranked(scenes, parse_query(closest)) if closest else []
        return ranked

    return kept("ranking", (vendor, scenes.db, text, filters), rank)


def search_scenes(scenes: models.QuerySet, text: str) -> models.QuerySet:
    """``scenes`` matching ``text``, ordered by ``search_rank`` (lower is more relevant)."""
    ids = ranked_scene_ids(scenes, text)
    found = (
        scenes.filter(pk__in=id_list(ids, using=scenes.db)).annotate(search_rank=RankIn(ids)).order_by("search_rank")
        if ids
        else scenes.none()
    )
    found.ranked_ids = ids  # This instance only (a clone drops it): for RankedResults and the facet counts.
    return found


def id_list(ids: list[int], *, using: str = "default") -> RawSQL:
    """
    ``ids`` for ``pk__in`` as one parameter (a JSON array on SQLite, an array on PostgreSQL): Django prepares
    a plain list value by value each time a query is built, which costs milliseconds at 500 ids.
    """
    ids = [int(pk) for pk in ids]
    if connections[using].vendor == "postgresql":
        # As an array literal: the driver sends one string rather than adapting each number.
        array = "{" + ",".join(map(str, ids)) + "}"
        return RawSQL("SELECT unnest(%s::bigint[])", (array,))  # noqa: S611 - a constant; the ids are a parameter.
    return RawSQL("SELECT value FROM json_each(%s)", (json.dumps(ids),))  # noqa: S611


class RankedResults:
    """
    Search results for a paginator: the count is the number of ranked ids, and a page fetches only its own
    rows (its slice of the ids, in rank order) from ``scenes``, the queryset that was searched, instead of
    sorting every result to cut one page out.
    """

    def __init__(self, scenes: models.QuerySet, ids: list[int]):
        self.scenes, self.ids = scenes, ids

    def count(self) -> int:
        return len(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        ids = self.ids[index]
        return list(self.scenes.filter(pk__in=ids).annotate(search_rank=RankIn(ids)).order_by("search_rank"))


class RankIn(Func):
    """
    Where a row's id comes in ``ids``, the ranking: ordering by it keeps the ranking's order. One parameter
    however many ids, so the query stays cheap to build and to run (a CASE of a thousand WHENs is neither).
    PostgreSQL: array_position (1 is the first); SQLite: the id's offset in the text ",3,1,2,".
    """

    output_field = IntegerField()

    def __init__(self, ids):
        self.ids = [int(pk) for pk in ids]
        super().__init__(F("pk"))

    def as_sql(self, compiler, connection, **extra_context):
        raise NotImplementedError(f"tropedb's search supports SQLite and PostgreSQL, not {connection.vendor}.")

    def as_sqlite(self, compiler, connection, **extra_context):
        column, params = compiler.compile(self.get_source_expressions()[0])
        return f"instr(%s, ',' || {column} || ',')", [f",{','.join(map(str, self.ids))},", *params]

    def as_postgresql(self, compiler, connection, **extra_context):
        column, params = compiler.compile(self.get_source_expressions()[0])
        return f"array_position(%s::bigint[], {column})", [self.ids, *params]


# How each database matches and scores (lower score is better). bm25() and ts_rank() only work in the query
# that matches the index, so the other filters come in as a condition on the matched scene's id: see _ranked.
RANKING = {
    "sqlite": {
        "scene": f"{SCENE_FTS}.rowid",
        "from": SCENE_FTS,
        "match": f"{SCENE_FTS} MATCH %s",
        "score": f"bm25({SCENE_FTS}, {', '.join(str(weight) for weight in BM25_WEIGHTS)})",
        "query": lambda query, strong: query.fts5(strong=strong),
        # Unary plus: test each match against the list, rather than run the MATCH once per listed id.
        "among": f"+{SCENE_FTS}.rowid IN",
        "few": 20_000,
        # Whether the squashed search is a word of some scene's titles or names (see NAMED).
        "is_name": f"SELECT EXISTS (SELECT 1 FROM {SCENE_FTS} WHERE {SCENE_FTS} MATCH %s)",  # noqa: S608 - constants
        "name_query": lambda query: query.name_fts5(),
    },
    "postgresql": {
        "scene": "scenes_scenesearch.scene_id",
        "from": "scenes_scenesearch, to_tsquery('simple', %s) AS search_query",
        "match": "scenes_scenesearch.vector @@ search_query",
        "score": "-ts_rank(scenes_scenesearch.vector, search_query)",
        "query": lambda query, strong: query.tsquery(strong=strong),
        # A few scenes are walked newest first, each one's document looked up, until enough match (_WALK):
        # for a common word that stops after SEARCH_CANDIDATES lookups, where testing every match against
        # the list would read every listed scene's document and sort them all.
        "among": None,
        "few": 10_000,
        "is_name": "SELECT EXISTS (SELECT 1 FROM scenes_scenesearch WHERE vector @@ to_tsquery('simple', %s))",
        "name_query": lambda query: query.name_tsquery(),
        # Both tiers in one pass: the index is searched once, for the weak query (most of the cost: a second
        # search of it costs as much again), and each match is then told strong or weak. Every strong match is
        # a weak one (a phrase has every word; the squashed whole is in both: search_text.Query), so none is
        # missed. Parameters: TIER, weak, strong.
        "both": {
            "from": "scenes_scenesearch, "
            "to_tsquery('simple', %s) AS weak_query, to_tsquery('simple', %s) AS strong_query",
            "match": "scenes_scenesearch.vector @@ weak_query",
            "score": "CASE WHEN scenes_scenesearch.vector @@ strong_query "
            "THEN -ts_rank(scenes_scenesearch.vector, strong_query) "
            "ELSE %s - ts_rank(scenes_scenesearch.vector, weak_query) END",
        },
    },
}
TIER = 1_000_000  # Larger than any score: a strong match always comes before a weak one.
# When a search of several words, squashed, is a title or a name ("Lee Min-ho", "LEE MIN HO" and "lee minho"
# are all "leeminho"), the reader named someone or something: the weak tier (every word anywhere: a Lee, a
# Min-young and a hug in one scene) is left out, so that every spelling finds the same scenes. Whether it is
# one is asked once, in the query's WITH, and gates the weak matches (a one-time filter on both databases).
NAMED = "(SELECT found FROM named)"


# How PostgreSQL ranks the matches among a few listed scenes (RANKING["postgresql"]["among"] is None): the
# list sorted newest first, and for each scene a lookup of its document (LATERAL, kept apart by OFFSET 0 so the
# planner cannot turn it into a walk of the whole index), so the LIMIT stops the walk.
_WALK = """
    SELECT * FROM (
        SELECT found.scene_id, found.score
        FROM (SELECT id FROM kept ORDER BY id DESC) AS listed
        CROSS JOIN LATERAL (
            SELECT {scene} AS scene_id, {score} AS score
            FROM {source}
            WHERE {scene} = listed.id AND {match}
            OFFSET 0
        ) AS found
        WHERE {gate}
        ORDER BY listed.id DESC
        LIMIT %s
    ) AS {name}
"""
_SCAN = """
    SELECT * FROM (
        SELECT {scene} AS scene_id, {score} AS score
        FROM {source}
        WHERE {gate} AND {match} AND {condition}
        ORDER BY {scene} DESC
        LIMIT %s
    ) AS {name}
"""


@dataclass
class Pass:
    """One ranking query: which matches ("strong", "weak" or "both"), how it finds and scores them, its
    parameters (those before the filters'), and how many of the newest it takes."""

    kind: str
    source: str
    match: str
    score: str
    params: list
    limit: int


def _passes(ranking: dict, query) -> list[Pass]:
    """The queries that rank ``query``, in order (see _ranked)."""

    def tier(kind: str, limit: int) -> Pass:
        strong = kind == "strong"
        params = [0 if strong else TIER, ranking["query"](query, strong)]
        return Pass(kind, ranking["from"], ranking["match"], f"%s + {ranking['score']}", params, limit)

    if query.has_strong and "both" in ranking:
        both = ranking["both"]
        params = [TIER, query.tsquery(), query.tsquery(strong=True)]
        # A weak match counts only when the search is no name (NAMED).
        match = f"{both['match']} AND (scenes_scenesearch.vector @@ strong_query OR NOT {NAMED})"
        first = Pass("both", both["from"], match, both["score"], params, SEARCH_CANDIDATES)
        return [first, tier("strong", SEARCH_RESULTS)]
    return [*([tier("strong", SEARCH_RESULTS)] if query.has_strong else []), tier("weak", SEARCH_CANDIDATES)]


def _ranked(scenes, query) -> list[int]:
    """
    Two tiers: scenes matching the search strongly (its words as a phrase, or squashed: a name or a title
    as written) come first, then those matching every word anywhere; each by score. Each tier takes the
    newest matches only (the database walks its index in id order and stops), SEARCH_RESULTS strong ones and
    SEARCH_CANDIDATES others, so however common the words, a bounded number of rows is scored.

    SQLite runs a query per tier; when the strong matches alone fill SEARCH_RESULTS places, the weak tier is
    not run. PostgreSQL ranks both tiers in one query (RANKING["postgresql"]["both"]); only when that query
    stops at SEARCH_CANDIDATES matches with fewer than SEARCH_RESULTS strong ones among them, so that older
    strong ones may lie beyond, are the strong ones sought apart.

    The other filters join in one of two ways, chosen by the database as it runs the query: when they
    keep few scenes (up to RANKING[vendor]["few"]: a drama, an actor, a trope), SQLite tests the matches
    against that list and PostgreSQL walks the list newest first, looking up each scene's document until
    enough match (_WALK); otherwise each match is looked up by primary key until enough pass, which stops
    early when most scenes pass. The way not taken costs nothing on PostgreSQL (a one-time filter) and a
    scan of the matches on SQLite. (SQLite tests a list of ids cheaply, so "few" goes higher there.) With
    no filter but publication, every match is looked up, with nothing counted first.
    """
    ranking = RANKING[connections[scenes.db].vendor]
    scenes = scenes.order_by()
    same_scene = scenes.filter(pk=RawSQL(ranking["scene"], ())).values("pk")  # noqa: S611
    exists, exists_params = same_scene.query.get_compiler(using=scenes.db).as_sql()
    # OFFSET 0 keeps it a lookup per match: PostgreSQL would otherwise hash every published scene.
    look_up = f"EXISTS ({exists} LIMIT 1 OFFSET 0)"  # noqa: S608
    if scenes.is_every_published():
        # No other filter: the filters keep every published scene, so there is nothing to count first.
        tables, params = [], []
        ways = [("TRUE", look_up, exists_params)]
    else:
        kept, params = scenes.values("pk")[: ranking["few"] + 1].query.get_compiler(using=scenes.db).as_sql()
        tables = [f"kept(id) AS ({kept})", "narrow(few) AS (SELECT COUNT(*) <= %s FROM kept)"]  # noqa: S608 - Django-compiled SQL
        params = [*params, ranking["few"]]
        # (gate, condition, its parameters): the gate lets exactly one way run; no condition: the list is walked.
        among = f"{ranking['among']} (SELECT id FROM kept)" if ranking["among"] else None  # noqa: S608 - constants
        ways = [
            ("(SELECT few FROM narrow)", among, []),
            ("NOT (SELECT few FROM narrow)", look_up, exists_params),
        ]
    if query.has_strong:
        tables.append(f"named(found) AS ({ranking['is_name']})")
        params = [*params, ranking["name_query"](query)]
    cte = f"WITH {', '.join(tables)}" if tables else ""
    best: dict[int, float] = {}
    for ranking_pass in _passes(ranking, query):
        # Only the constants above and Django-compiled SQL are interpolated; values are parameters.
        parts, pass_params = [], list(params)
        for gate, condition, condition_params in ways:
            if ranking_pass.kind == "weak" and query.has_strong:
                gate = f"{gate} AND NOT {NAMED}"
            parts.append(
                (_SCAN if condition else _WALK).format(
                    scene=ranking["scene"],
                    score=ranking_pass.score,
                    source=ranking_pass.source,
                    match=ranking_pass.match,
                    gate=gate,
                    condition=condition,
                    name=f"way_{len(parts)}",
                )
            )
            pass_params += [*ranking_pass.params, *condition_params, ranking_pass.limit]
        with connections[scenes.db].cursor() as cursor:
            cursor.execute(f"{cte} {' UNION ALL '.join(parts)}", pass_params)
            rows = cursor.fetchall()
        for scene_id, score in rows:
            best[scene_id] = min(score, best.get(scene_id, score))
        if ranking_pass.kind == "both":
            strong = sum(1 for _, score in rows if score < TIER / 2)
            if len(rows) < ranking_pass.limit or strong >= SEARCH_RESULTS:
                # Every match was seen, or the newest strong ones fill every place: none older is needed.
                break
        if ranking_pass.kind == "strong" and len(best) >= SEARCH_RESULTS:
            break  # Strong matches fill every place and come before any weak one: the weak tier can wait.
    return sorted(best, key=lambda scene_id: (best[scene_id], -scene_id))[:SEARCH_RESULTS]


def _closest_name(text: str, *, using: str) -> str | None:
    """The drama title or actor name most like ``text`` (PostgreSQL's trigram word similarity), if any is."""
    wanted = " ".join(words(text))
    return (
        SearchSuggestion.objects.using(using)
        .filter(kind__in=[SearchSuggestion.Kind.DRAMA, SearchSuggestion.Kind.ACTOR])
        .filter(TrigramWordSimilar(F("terms"), wanted))
        .annotate(similarity=TrigramWordSimilarity(wanted, "terms"))
        .order_by("-similarity", "label")
        .values_list("label", flat=True)
        .first()
    )
