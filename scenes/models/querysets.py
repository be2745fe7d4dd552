"""Reads: querysets that read like the questions readers ask of the catalogue."""

import time

from django.apps import apps
from django.core.cache import cache
from django.db import models, router
from django.db.models import Count, F, Prefetch, Q
from django.db.models.functions import Coalesce
from django.utils.text import slugify

TAXONOMY_CACHE_KEY = "scenes:taxonomy:v1"
# Every scene card shows tropes by name and group: each process keeps the taxonomy (28 tropes) this long
# before asking the shared cache again, so a page of cards costs one cache read at most and no join to the
# tropes (an admin's edit reaches other processes this late).
TAXONOMY_LOCAL_SECONDS = 10
_taxonomy_local: dict = {}

# Fans needed before their word counts: to drop a curated trope, or to make a proposed one public
# (community.services.recount_trope_votes). A constant, not a setting: an index is built on it.
TROPE_VOTES_TO_DECIDE = 3
# A trope on a scene that fans have not settled (Help classify lists its scenes): a fan's proposal not yet
# public, as many agreeing as disagreeing, or too few disagreeing to decide so far.
UNDECIDED_TROPE = (
    Q(origin="proposed", is_public=False)
    | Q(agree_count__gt=0, agree_count=F("disagree_count"))
    | Q(disagree_count__gt=0, disagree_count__lt=TROPE_VOTES_TO_DECIDE)
)

# Votes a scene needs before the site names it the most awesome, most awkward or most controversial of anything
# (a drama's highlights, the stats page, the front page's "Fans can't agree"). Below it one or two fans decide:
# with 2–2 splits topping "most controversial" and a scene both a drama's most awesome and its most awkward
# (issue 17), a superlative on three votes misleads more than "not enough votes yet" does.
SUPERLATIVE_MIN_VOTES = 10


def _model(name: str):
    """A model of this app by name: the models import these querysets, so these cannot import them."""
    return apps.get_model("scenes", name)


class IsAnyOf(models.Func):
    """
    ``column`` is one of the values ``subquery`` selects. On PostgreSQL ``= ANY(ARRAY(subquery))``: the
    values are read once, first, so two of these joined by OR read two indexes (a BitmapOr), where
    ``IN (subquery)`` is tested row by row over the whole table. SQLite reads its indexes for either.
    """

    output_field = models.BooleanField()

    def __init__(self, column: str, subquery: models.Subquery):
        super().__init__(models.F(column), subquery)

    def _parts(self, compiler):
        (column, column_params), (values, values_params) = (
            compiler.compile(expression) for expression in self.get_source_expressions()
        )
        return column, values, [*column_params, *values_params]

    def as_sql(self, compiler, connection, **extra_context):
        column, values, params = self._parts(compiler)
        return f"{column} IN {values}", params

    def as_postgresql(self, compiler, connection, **extra_context):
        column, values, params = self._parts(compiler)
        return f"{column} = ANY(ARRAY{values})", params


def forget_taxonomy() -> None:
    """Drop the cached tropes (after an edit to the taxonomy), here and in the shared cache."""
    _taxonomy_local.clear()
    cache.delete(TAXONOMY_CACHE_KEY)


def card_prefetches() -> list:
    """
    The prefetches a scene card needs (SceneQuerySet.for_cards adds them). A page showing several short
    lists fetches them without (``for_cards().prefetch_related(None)``) and prefetches all of them at once:
    ``prefetch_related_objects(scenes, *card_prefetches())``.
    """
    SceneImage, SceneTrope = _model("SceneImage"), _model("SceneTrope")
    return [
        Prefetch(
            "scene_tropes",
            # Only which trope: Scene.public_tropes takes the trope itself from the cached taxonomy.
            queryset=SceneTrope.objects.filter(is_public=True).only("id", "scene_id", "trope_id"),
            to_attr="public_scene_tropes",
        ),
        Prefetch("images", queryset=SceneImage.objects.order_by("position", "id")),
    ]


class PeopleQuerySet(models.QuerySet):
    """
    Actors and characters. Those a fan adds with a submission wait with it: private (``is_confirmed`` off)
    until a moderator publishes it, and private still if it is rejected.
    """

    def public(self):
        return self.filter(is_confirmed=True)

    def public_or_added_by(self, fan):
        """Characters readers see, and those ``fan`` added with their own submissions (their submit form)."""
        if fan is None or not fan.is_authenticated:
            return self.public()
        theirs = Q(hugs_given__submitted_by=fan) | Q(hugs_received__submitted_by=fan)
        return self.filter(pk__in=self.filter(Q(is_confirmed=True) | theirs).values("pk"))


class ActorQuerySet(PeopleQuerySet):
    def in_published_scenes(self):
        """Actors whose characters give or receive at least one published back hug (the index and the sitemap)."""
        # Two EXISTS, each walking the scenes' hugger or hugged index, rather than one with an OR that cannot.
        published = _model("Scene").objects.published()
        return self.filter(
            models.Exists(published.filter(hugger__actor=models.OuterRef("pk")))
            | models.Exists(published.filter(hugged__actor=models.OuterRef("pk")))
        )

    def with_back_hug_counts(self):
        """
        Each actor with ``hugs_given`` and ``hugs_received``: the published back hugs their characters give and
        receive, counted per actor from the scenes' hugger (hugged) index like with_scene_counts(), so a page of
        actors costs one query whatever their number.
        """
        published = _model("Scene").objects.published().order_by()

        def counted(side: str):
            scenes = published.filter(**{f"{side}__actor": models.OuterRef("pk")})
            return Coalesce(models.Subquery(scenes.values(f"{side}__actor").annotate(n=Count("*")).values("n")), 0)

        return self.annotate(hugs_given=counted("hugger"), hugs_received=counted("hugged"))


class DramaQuerySet(models.QuerySet):
    def with_scene_counts(self):
        """
        Each drama with the number of its published back hugs: counted per drama from the index of published
        scenes by drama (scene_published_by_drama), so a page of dramas counts only its own scenes rather
        than grouping the whole catalogue.
        """
        Scene = _model("Scene")
        counted = (
            Scene.objects.filter(drama=models.OuterRef("pk"), status=Scene.Status.PUBLISHED)
            .order_by()
            .values("drama")
            .annotate(n=Count("*"))
            .values("n")
        )
        return self.annotate(scene_count=Coalesce(models.Subquery(counted), 0))


class TropeQuerySet(models.QuerySet):
    def curated(self):
        return self.filter(rule="")

    def derived(self):
        return self.exclude(rule="")

    def taxonomy(self) -> dict:
        """Every trope with its group, by id, cached (see TAXONOMY_LOCAL_SECONDS): every scene card shows them."""
        local = _taxonomy_local.get("tropes")
        if local is not None and local[0] > time.monotonic():
            return local[1]
        tropes = cache.get(TAXONOMY_CACHE_KEY)
        if tropes is None:
            # From the primary: a replica a moment behind an admin's edit would keep the old tropes for an hour.
            primary = router.db_for_write(self.model)
            tropes = {trope.pk: trope for trope in self.model.objects.using(primary).select_related("group")}
            cache.set(TAXONOMY_CACHE_KEY, tropes, timeout=3600)
        _taxonomy_local["tropes"] = (time.monotonic() + TAXONOMY_LOCAL_SECONDS, tropes)
        return tropes

    def derived_list(self) -> list:
        """The derived tropes (second-lead, girl-initiated, ...), from the cached taxonomy."""
        return sorted((trope for trope in self.taxonomy().values() if trope.is_derived), key=lambda t: t.position)

    def resolve(self, word: str):
        """The trope a fan means by ``word``: its slug, its name, or one of its aliases. None if unknown."""
        word = (word or "").strip()
        if not word:
            return None
        slug = slugify(word, allow_unicode=True)
        return (
            self.filter(Q(slug=slug) | Q(name__iexact=word) | Q(hangul_name=word) | Q(aliases__slug=slug))
            .select_related("group")
            .distinct()
            .first()
        )


class SceneQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status="published")

    def is_every_published(self) -> bool:
        """Whether this is every published scene, no other filter (judged by its SQL, order aside)."""
        plain = self.model._default_manager.published().order_by().values("pk").query
        return str(self.order_by().values("pk").query) == str(plain)

    def visible_to(self, user):
        """Published scenes for everyone; a fan also sees their own submissions; moderators see all."""
        if user.is_authenticated and user.is_staff:
            return self
        if user.is_authenticated:
            return self.filter(Q(status="published") | Q(submitted_by=user))
        return self.published()

    def for_cards(self):
        """Everything a scene card shows, in a fixed number of queries (the characters' actors are not on cards)."""
        return self.select_related("drama", "hugger", "hugged").prefetch_related(*card_prefetches()).with_source_flag()

    def with_actors(self):
        """The characters' actors too (the scene page and the API name them; cards do not)."""
        return self.select_related("hugger__actor", "hugged__actor")

    def with_all_tropes(self, tropes):
        """Scenes that carry every one of ``tropes``."""
        queryset = self
        for trope in tropes:
            queryset = queryset.filter(trope.scene_condition())
        return queryset

    def without_tropes(self, tropes):
        queryset = self
        for trope in tropes:
            queryset = queryset.exclude(trope.scene_condition())
        return queryset

    def for_viewer(self, viewer, *, allow=()):
        """
        The scenes a reader wants in their lists: none carrying a trope they hide, except those in ``allow``
        (tropes they asked for on this very page).

        ``viewer`` has ``hidden_tropes`` (community.preferences.viewer.ViewerPreferences, loaded once per request);
        the curated ones are left out with a single NOT EXISTS however many there are.
        """
        SceneTrope = _model("SceneTrope")
        allowed = {trope.pk for trope in allow}
        hidden = [trope for trope in getattr(viewer, "hidden_tropes", None) or [] if trope.pk not in allowed]
        if not hidden:
            return self
        queryset = self.without_tropes([trope for trope in hidden if trope.is_derived])
        curated = [trope.pk for trope in hidden if not trope.is_derived]
        if curated:
            attached = SceneTrope.objects.filter(scene=models.OuterRef("pk"), trope__in=curated, is_public=True)
            queryset = queryset.exclude(models.Exists(attached))
        return queryset

    def featuring(self, actor):
        """
        Back hugs the actor gives or receives: their roles' ids first, then the scenes with one of them on
        either side, each side read from its own index. (Joining both characters to every scene, as
        ``Q(hugger__actor=...) | Q(hugged__actor=...)`` does, reads every published scene.)
        """
        roles = models.Subquery(actor.roles.order_by().values("pk"))
        return self.filter(IsAnyOf("hugger", roles) | IsAnyOf("hugged", roles))

    def classification_totals(self) -> dict:
        """How many scenes there are, and how many are girl-initiated or second-lead, in one query."""
        Character = _model("Character")
        totals = self.order_by().aggregate(
            scenes=Count("pk"),
            girl_initiated=Count("pk", filter=Q(hugger__gender=Character.Gender.FEMALE)),
            second_lead=Count("pk", filter=Q(hugger__role__in=Character.SECOND_LEADS)),
        )
        total = totals["scenes"]
        totals["girl_initiated_share"] = round(100 * totals["girl_initiated"] / total) if total else 0
        totals["second_lead_share"] = round(100 * totals["second_lead"] / total) if total else 0
        return totals

    def by_awesome(self):
        """Most awesome first, by the lower bound of the Wilson interval: sure verdicts beat lucky ones."""
        return self.order_by("-awesome_score", "-awesome_count", "-id")

    def by_awkward(self):
        return self.order_by("-awkward_score", "-awkward_count", "-id")

    def by_controversy(self):
        return self.order_by("-controversy", "-id")

    def fans_favourites(self):
        """Scenes fans keep as favourites, the most kept first (walking the scene_favourites index)."""
        return self.filter(favourite_count__gt=0).order_by("-favourite_count", "-awesome_score", "-id")

    def by_discussion(self):
        return self.order_by("-comment_count", "-id")

    def with_verdict(self, verdict: str):
        """Scenes the fans lean to ``verdict`` on (more votes for it than against)."""
        if verdict == "awesome":
            return self.filter(awesome_count__gt=models.F("awkward_count"))
        return self.filter(awkward_count__gt=models.F("awesome_count"))

    def with_votes_at_least(self, count: int = SUPERLATIVE_MIN_VOTES):
        """Scenes with at least ``count`` verdicts: the ones a superlative may be claimed for."""
        return self.alias(vote_total=models.F("awesome_count") + models.F("awkward_count")).filter(
            vote_total__gte=count
        )

    def most_awesome(self):
        """
        Scenes fans clearly find awesome, the surest first: enough votes (SUPERLATIVE_MIN_VOTES), more awesome
        than awkward, ranked by the lower bound of the Wilson interval for the awesome share. Requiring the
        majority keeps "most awesome" from a scene 4 of 21 fans like, and makes it exclusive with most_awkward().
        """
        return self.with_votes_at_least().with_verdict("awesome").by_awesome()

    def most_awkward(self):
        """The mirror of most_awesome(): enough votes, more awkward than awesome, surest first."""
        return self.with_votes_at_least().with_verdict("awkward").by_awkward()

    def most_controversial(self):
        """Split scenes (split_verdicts) with enough votes for the split to mean something, surest split first."""
        return self.split_verdicts().with_votes_at_least()

    def needing_votes(self, below: int = 5):
        """Scenes with few verdicts yet, fewest first."""
        total = models.F("awesome_count") + models.F("awkward_count")
        return self.alias(total_votes=total).filter(total_votes__lt=below).order_by("total_votes", "-id")

    def split_verdicts(self, *, low: int = 35, high: int = 65):
        """Scenes whose fans split close to 50/50 (awesome share within low..high percent), most voted first."""
        total = models.F("awesome_count") + models.F("awkward_count")
        share = models.F("awesome_count") * 100
        # Only expressions, and none an index is built on, in the conditions: the database then walks the
        # controversy index in order and stops at the limit (SQLite would otherwise choose an index on the
        # tallies, scene_needing_votes included). A vote on each side (their product above 0) makes two votes.
        both = models.F("awesome_count") * models.F("awkward_count")
        return (
            self.alias(both_sides=both)
            .filter(both_sides__gt=0)
            .alias(share_low=share - total * low, share_high=share - total * high)
            .filter(share_low__gte=0, share_high__lte=0)
            .by_controversy()
        )

    def with_undecided_tropes(self):
        """
        Scenes carrying a trope fans have not settled (models.UNDECIDED_TROPE: few trope votes, or agree and
        disagree level), found from the partial index of those tropes (scenetrope_undecided).
        """
        SceneTrope = _model("SceneTrope")
        return self.filter(pk__in=SceneTrope.objects.filter(UNDECIDED_TROPE).values("scene")).newest_first()

    def newest_first(self):
        """Newest published first, then the scenes never published (pending, rejected), newest first."""
        return self.order_by(models.F("published_at").desc(nulls_last=True), "-id")

    def latest_published(self):
        """Published scenes, newest first. Every one has its date (scene_published_has_date), so this order
        walks the date's index and stops at the page; newest_first() would sort them all for its NULLs."""
        return self.order_by("-published_at", "-id")

    def in_story_order(self):
        """By drama, episode and start; scenes whose episode or time is unknown come after the known ones
        (on every database: SQLite would put NULLs first, PostgreSQL last)."""
        return self.order_by(
            "drama__title", F("episode").asc(nulls_last=True), F("start_seconds").asc(nulls_last=True), "id"
        )

    def with_sources(self):
        """The scene's sources too (its page and the API cite them; cards only say whether there are any)."""
        return self.prefetch_related("sources")

    def with_source_flag(self):
        """Each scene's ``has_sources`` (whether any page documents it), in the same query."""
        SceneSource = _model("SceneSource")
        return self.annotate(has_sources=models.Exists(SceneSource.objects.filter(scene=models.OuterRef("pk"))))

    def documented(self):
        """Scenes at least one source documents, and not marked as invented placeholders (illustrative)."""
        SceneSource = _model("SceneSource")
        return self.filter(
            models.Exists(SceneSource.objects.filter(scene=models.OuterRef("pk"))), is_illustrative=False
        )

    def undocumented(self):
        """The rest: no source, or an invented placeholder."""
        SceneSource = _model("SceneSource")
        return self.exclude(
            models.Exists(SceneSource.objects.filter(scene=models.OuterRef("pk"))), is_illustrative=False
        )
