"""
The numbers behind /stats/, the trope guide and a drama's back-hug profile, counted by the database.

Every figure comes from grouped queries over the published scenes' tallies: the votes themselves are never
read, since each scene keeps its counts. The stats page sums the scenes per hugger and then per drama (the
finest grain it shows; see counts_by_drama) and the public trope rows once; years, totals and the derived
tropes are the sums of those drama rows. That is four queries with 50 scenes or 100,000, and the
plain-data result stays in the shared cache for a few minutes (numbers move only as fans vote and
moderators publish); the trope guide and the catalogue's unfiltered facet counts read the same result.
"""

import datetime
from dataclasses import asdict, dataclass, field

from django.core.cache import cache
from django.db import IntegrityError, connections, transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone

from community.scoring import wilson_lower_bound
from scenes.models import SUPERLATIVE_MIN_VOTES, Character, Drama, Scene, SceneTrope, StatsSnapshot, Trope

STATS_CACHE_KEY = "scenes:stats:v4"  # v4: the Hangul titles and names too
MOST_BACK_HUGS_CACHE_KEY = "scenes:dramas-most-back-hugs:v2"
STATS_CACHE_SECONDS = 300
SNAPSHOT_KIND = "site"
DRAMAS_IN_CHART = 12
CONTROVERSIAL_IN_CHART = 8


def share(part: int, whole: int) -> int | None:
    """``part`` of ``whole`` in whole percent; None when there is nothing to share."""
    return round(100 * part / whole) if whole else None


@dataclass(frozen=True)
class Tally:
    """Scenes and the verdicts on them, summed from the scenes' own counts."""

    scenes: int = 0
    awesome: int = 0
    awkward: int = 0

    @property
    def votes(self) -> int:
        return self.awesome + self.awkward

    @property
    def awesome_share(self) -> int | None:
        return share(self.awesome, self.votes)

    def __add__(self, other: "Tally") -> "Tally":
        return Tally(self.scenes + other.scenes, self.awesome + other.awesome, self.awkward + other.awkward)


@dataclass(frozen=True)
class DramaCount:
    """One drama's published back hugs and votes, and those of each derived trope (by trope id)."""

    title: str
    slug: str
    year: int
    tally: Tally
    derived: dict[int, Tally]
    hangul_title: str = ""  # a Korean reader sees it first (scenes.naming)


@dataclass(frozen=True)
class YearCount:
    year: int
    scenes: int
    dramas: int
    girl_initiated: int
    second_lead: int

    @property
    def girl_initiated_share(self) -> int:
        return share(self.girl_initiated, self.scenes) or 0

    @property
    def second_lead_share(self) -> int:
        return share(self.second_lead, self.scenes) or 0


@dataclass(frozen=True)
class TropeTally:
    trope: Trope
    tally: Tally


@dataclass(frozen=True)
class ControversialScene:
    pk: int
    url: str
    drama_title: str
    episode: int | None
    hugger: str
    hugged: str
    tally: Tally
    # What the spoiler rule reads (community.preferences.viewer.SpoilerFacts); a changed mark has the numbers
    # counted again (forget_site_stats). Defaults: snapshots counted before they were kept.
    drama_id: int = 0
    episodes: int = 0
    submitted_by_id: int | None = None
    is_spoiler: bool = False
    # The Hangul ones, which a Korean reader sees first (scenes.naming); a snapshot from before has none.
    drama_hangul_title: str = ""
    hugger_hangul: str = ""
    hugged_hangul: str = ""


@dataclass
class SiteStats:
    overall: Tally
    girl_initiated: int
    second_lead: int
    dramas: list[DramaCount] = field(default_factory=list)  # the most voted on, most votes first
    years: list[YearCount] = field(default_factory=list)
    tropes: list[TropeTally] = field(default_factory=list)
    controversial: list[ControversialScene] = field(default_factory=list)
    # When the numbers were counted: pages cache what they draw from them under this stamp.
    computed_at: datetime.datetime | None = None

    def to_json(self) -> dict:
        """Plain JSON for StatsSnapshot: tropes by id, the rest as their fields."""
        return {
            "overall": asdict(self.overall),
            "girl_initiated": self.girl_initiated,
            "second_lead": self.second_lead,
            "dramas": [asdict(drama) for drama in self.dramas],
            "years": [asdict(year) for year in self.years],
            "tropes": [{"trope": item.trope.pk, "tally": asdict(item.tally)} for item in self.tropes],
            "controversial": [asdict(scene) for scene in self.controversial],
            "computed_at": self.computed_at.isoformat() if self.computed_at else None,
        }

    @classmethod
    def from_json(cls, data: dict) -> "SiteStats":
        """The numbers from to_json(), with the tropes from the cached taxonomy (a trope deleted since drops out)."""
        tropes = Trope.objects.taxonomy()
        return cls(
            overall=Tally(**data["overall"]),
            girl_initiated=data["girl_initiated"],
            second_lead=data["second_lead"],
            dramas=[
                DramaCount(
                    title=drama["title"],
                    slug=drama["slug"],
                    year=drama["year"],
                    tally=Tally(**drama["tally"]),
                    derived={int(pk): Tally(**tally) for pk, tally in drama["derived"].items()},  # JSON keys are text
                    hangul_title=drama.get("hangul_title", ""),
                )
                for drama in data["dramas"]
            ],
            years=[YearCount(**year) for year in data["years"]],
            tropes=[
                TropeTally(trope=tropes[item["trope"]], tally=Tally(**item["tally"]))
                for item in data["tropes"]
                if item["trope"] in tropes
            ],
            controversial=[
                ControversialScene(**{**scene, "tally": Tally(**scene["tally"])}) for scene in data["controversial"]
            ],
            computed_at=datetime.datetime.fromisoformat(data["computed_at"]) if data["computed_at"] else None,
        )


def surest_drama(dramas: list[DramaCount], side: str) -> DramaCount | None:
    """
    The drama whose fans most surely lean to ``side`` ("awesome" or "awkward"), or None when none may be named.

    The same rule as a scene's superlatives (SceneQuerySet.most_awesome): at least SUPERLATIVE_MIN_VOTES votes,
    most of them on ``side``, ranked by the lower bound of the Wilson interval for that side's share rather
    than the share itself, so 3 awesome of 3 does not beat 80 of 100. Requiring the majority means one drama
    is never both the most awesome and the most awkward.
    """
    leaning = [
        drama
        for drama in dramas
        if drama.tally.votes >= SUPERLATIVE_MIN_VOTES and 2 * getattr(drama.tally, side) > drama.tally.votes
    ]
    return max(
        leaning,
        key=lambda drama: (wilson_lower_bound(getattr(drama.tally, side), drama.tally.votes), drama.tally.votes),
        default=None,
    )


def sum_or_zero(name: str, condition: Q | None = None) -> Sum:
    """SUM of ``name`` (where ``condition`` holds), 0 rather than NULL when no row counts."""
    return Sum(name, filter=condition, default=0)


def _tally(row: dict, prefix: str = "") -> Tally:
    return Tally(scenes=row[f"{prefix}scenes"], awesome=row[f"{prefix}awesome"], awkward=row[f"{prefix}awkward"])


def counts_by_drama(derived_tropes, *, most: int | None = None, using: str = "default") -> list[DramaCount]:
    """
    Every drama's published scenes and votes, in total and for each derived trope (second-lead, girl- and
    boy-initiated), in one query. The published scenes are summed per hugger first, an index-only scan of
    scene_hugger_tallies with no join; those few thousand rows are then joined to their characters (whose
    role and gender decide the derived tropes) and dramas and summed per drama. A hugger always belongs to
    the scene's drama (scenes/models/db_rules.py). Joining every scene to its hugger instead costs several times
    as much at 100,000 scenes; the ORM cannot group a grouped subquery, hence SQL.

    By broadcast year and title; or, with ``most``, only the ``most`` dramas with the most back hugs.
    """
    connection = connections[using]
    quote = connection.ops.quote_name
    scene, character, drama = (quote(model._meta.db_table) for model in (Scene, Character, Drama))
    columns, params = [], []

    def total(expression: str) -> str:
        return f"CAST(SUM({expression}) AS BIGINT)"  # PostgreSQL sums bigints as numeric (Decimal).

    for trope in derived_tropes:
        query = Character.objects.filter(trope.hugger_condition()).query
        condition, condition_params = query.where.as_sql(query.get_compiler(connection=connection), connection)
        for name, column in (("scenes", "n"), ("awesome", "awesome"), ("awkward", "awkward")):
            columns.append(
                f"{total(f'CASE WHEN {condition} THEN per_hugger.{column} ELSE 0 END')} AS t{trope.pk}_{name}"
            )
            params += condition_params
    derived_columns = "".join(f", {column}" for column in columns)
    order, limit = f"{drama}.year, {drama}.title", []
    if most is not None:
        order, limit = f"scenes DESC, {drama}.title LIMIT %s", [most]
    # Table names come from the models and conditions from the ORM's compiler; values are parameters.
    sql = f"""
        SELECT {drama}.title, {drama}.hangul_title, {drama}.slug, {drama}.year, {total("per_hugger.n")} AS scenes,
               {total("per_hugger.awesome")} AS awesome, {total("per_hugger.awkward")} AS awkward{derived_columns}
        FROM (
            SELECT hugger_id, COUNT(*) AS n, SUM(awesome_count) AS awesome, SUM(awkward_count) AS awkward
            FROM {scene} WHERE status = %s GROUP BY hugger_id
        ) AS per_hugger
        JOIN {character} ON {character}.id = per_hugger.hugger_id
        JOIN {drama} ON {drama}.id = {character}.drama_id
        GROUP BY {drama}.id, {drama}.title, {drama}.hangul_title, {drama}.slug, {drama}.year
        ORDER BY {order}
    """  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, Scene.Status.PUBLISHED, *limit])
        names = [column[0] for column in cursor.description]
        rows = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
    return [
        DramaCount(
            title=row["title"],
            slug=row["slug"],
            year=row["year"],
            tally=_tally(row),
            derived={trope.pk: _tally(row, prefix=f"t{trope.pk}_") for trope in derived_tropes},
            hangul_title=row["hangul_title"],
        )
        for row in rows
    ]


def dramas_with_most_back_hugs(limit: int = 8) -> list[DramaCount]:
    """The dramas with the most published back hugs (the front page lists them), cached like the stats."""
    dramas = cache.get(MOST_BACK_HUGS_CACHE_KEY)
    if dramas is None:
        dramas = counts_by_drama([], most=limit)
        cache.set(MOST_BACK_HUGS_CACHE_KEY, dramas, timeout=STATS_CACHE_SECONDS)
    return dramas


def curated_trope_tallies() -> dict[int, Tally]:
    """Each curated trope's published scenes and their summed verdicts: one query over the public SceneTrope rows."""
    rows = (
        SceneTrope.objects.filter(is_public=True, scene__status=Scene.Status.PUBLISHED)
        .order_by()
        .values("trope_id")
        .annotate(
            scenes=Count("pk"), awesome=sum_or_zero("scene__awesome_count"), awkward=sum_or_zero("scene__awkward_count")
        )
    )
    return {row["trope_id"]: _tally(row) for row in rows}


def trope_tallies() -> dict[int, Tally]:
    """Every trope's published scenes and summed verdicts (curated and derived), by trope id: the stats'."""
    return {item.trope.pk: item.tally for item in site_stats().tropes}


def most_controversial(scenes, *, limit: int = CONTROVERSIAL_IN_CHART) -> list[ControversialScene]:
    """
    The scenes fans split on most (walking the controversy index), as plain rows: only scenes with enough votes
    (SceneQuerySet.most_controversial), so a 2–2 split never tops the chart.
    """
    return [
        ControversialScene(
            pk=scene.pk,
            url=scene.get_absolute_url(),
            drama_title=scene.drama.title,
            episode=scene.episode,
            hugger=scene.hugger.name,
            hugged=scene.hugged.name,
            tally=Tally(scenes=1, awesome=scene.awesome_count, awkward=scene.awkward_count),
            drama_id=scene.drama_id,
            episodes=scene.drama.episodes,
            submitted_by_id=scene.submitted_by_id,
            is_spoiler=scene.is_spoiler,
            drama_hangul_title=scene.drama.hangul_title,
            hugger_hangul=scene.hugger.hangul_name,
            hugged_hangul=scene.hugged.hangul_name,
        )
        for scene in scenes.most_controversial().select_related("drama", "hugger", "hugged")[:limit]
    ]


def _years(dramas: list[DramaCount], girl: Trope | None, second: Trope | None) -> list[YearCount]:
    """The drama rows summed by broadcast year (a few dozen sums: the scenes were counted by the database)."""
    years: dict[int, list[DramaCount]] = {}
    for drama in dramas:
        years.setdefault(drama.year, []).append(drama)

    def total(rows, trope):
        return sum(row.derived[trope.pk].scenes for row in rows) if trope else 0

    return [
        YearCount(
            year=year,
            scenes=sum(row.tally.scenes for row in rows),
            dramas=len(rows),
            girl_initiated=total(rows, girl),
            second_lead=total(rows, second),
        )
        for year, rows in sorted(years.items())
    ]


def compute_site_stats() -> SiteStats:
    """Everything /stats/ shows: four queries, whatever the size of the catalogue."""
    published = Scene.objects.published()
    tropes = list(Trope.objects.taxonomy().values())  # In the taxonomy's order: group, position, name.
    derived = [trope for trope in tropes if trope.is_derived]
    rules = {trope.rule: trope for trope in derived}
    dramas = counts_by_drama(derived)
    overall = sum((drama.tally for drama in dramas), Tally())
    by_trope = dict(curated_trope_tallies())
    for trope in derived:
        by_trope[trope.pk] = sum((drama.derived[trope.pk] for drama in dramas), Tally())
    girl, second = rules.get(Trope.Rule.GIRL_INITIATED), rules.get(Trope.Rule.SECOND_LEAD)
    voted = sorted(
        (drama for drama in dramas if drama.tally.votes), key=lambda drama: (-drama.tally.votes, drama.title)
    )
    return SiteStats(
        overall=overall,
        girl_initiated=by_trope[girl.pk].scenes if girl else 0,
        second_lead=by_trope[second.pk].scenes if second else 0,
        dramas=voted[:DRAMAS_IN_CHART],
        years=_years(dramas, girl, second),
        tropes=[TropeTally(trope=trope, tally=by_trope.get(trope.pk, Tally())) for trope in tropes],
        controversial=most_controversial(published),
        computed_at=timezone.now(),
    )


def site_stats(*, use_cache: bool = True) -> SiteStats:
    """
    The numbers as last counted, recounted when older than STATS_CACHE_SECONDS. Readers get them from the
    shared cache, else from the snapshot in the database (StatsSnapshot: it outlives a cache flush, and
    ``manage.py refresh_stats`` run every few minutes keeps it fresh so no reader waits for a count); a
    reader counts them only when the snapshot is missing or stale. ``use_cache=False`` recounts now.
    """
    if use_cache:
        cached = cache.get(STATS_CACHE_KEY)
        if cached is not None:
            return cached
        snapshot = StatsSnapshot.objects.filter(kind=SNAPSHOT_KIND).first()
        if snapshot is not None:
            age = (timezone.now() - snapshot.computed_at).total_seconds()
            if 0 <= age < STATS_CACHE_SECONDS:
                stats = SiteStats.from_json(snapshot.numbers)
                cache.set(STATS_CACHE_KEY, stats, timeout=STATS_CACHE_SECONDS - age)
                return stats
    return refresh_site_stats()


def forget_site_stats() -> None:
    """The kept numbers name a scene differently now (its spoiler mark changed): the next reader counts them again."""
    StatsSnapshot.objects.filter(kind=SNAPSHOT_KIND).delete()
    cache.delete(STATS_CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(STATS_CACHE_KEY))


def refresh_site_stats() -> SiteStats:
    """Count the numbers now; keep them in the snapshot and the shared cache."""
    stats = compute_site_stats()
    fields = {"computed_at": stats.computed_at, "numbers": stats.to_json()}
    if not StatsSnapshot.objects.filter(kind=SNAPSHOT_KIND).update(**fields):
        try:
            with transaction.atomic():
                StatsSnapshot.objects.create(kind=SNAPSHOT_KIND, **fields)
        except IntegrityError:  # Another process counted at the same moment; its numbers are as good.
            pass
    cache.set(STATS_CACHE_KEY, stats, timeout=STATS_CACHE_SECONDS)
    return stats
