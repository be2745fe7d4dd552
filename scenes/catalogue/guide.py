"""
The trope guide (/tropes/): every group and trope explained, with how many back hugs carry it, how awesome
fans find them, and its best scenes. Seven queries however many tropes and scenes (fewer once the trope
tallies are cached, see scenes.stats.numbers).
"""

from dataclasses import dataclass, field

from django.db.models import Case, Exists, F, OuterRef, Prefetch, Subquery, When
from django.utils.translation import gettext_lazy as _

from scenes.models import Character, Scene, SceneTrope, Trope, TropeGroup
from scenes.stats.numbers import Tally, trope_tallies

# What each meaning trope has a back hug say, in a line: the guide reads them as a small phrasebook.
MEANING_LINES = {
    "protection": _("You are safe with me."),
    "deep-intimacy": _("Here, with you, I am at home."),
    "surprise-romance": _("Surprise: I am here."),
    "comfort": _("You do not have to face this alone."),
    "desire": _("I want to be close to you."),
    "commitment": _("I am not going anywhere."),
    "celebration": _("We did it, together."),
    "possession": _("You are mine."),
    "trust-vulnerability": _("I trust you with my back."),
    "deep-affection": _("I simply love you."),
}
MEANING_GROUP = "meaning"
# Best first: the lower bound of the Wilson interval (sure verdicts beat lucky ones), then the newest. The
# scene_awesome index (status, -awesome_score) serves this order, so finding a trope's best few walks only
# the top of the index instead of sorting every scene.
BEST_ORDER = ("-awesome_score", "-id")


@dataclass
class GuideEntry:
    trope: Trope
    tally: Tally
    best: list[Scene] = field(default_factory=list)
    says: str = ""


@dataclass
class GuideGroup:
    group: TropeGroup
    entries: list[GuideEntry]

    @property
    def is_meaning(self) -> bool:
        return self.group.slug == MEANING_GROUP


def best_scenes_by_trope(scenes, tropes, *, per_trope: int = 3) -> dict[int, list[Scene]]:
    """
    The ``per_trope`` most awesome of ``scenes`` (with at least one awesome vote) for each trope.

    Two queries whatever the number of tropes: the tropes annotated with correlated subqueries (its best
    scene, its second best...; a curated trope looks for its public SceneTrope rows, a derived one for its
    rule), then the scenes themselves.
    """
    # An expression, not the bare column, so the database walks the awesome index in order and stops
    # (SQLite would otherwise pick the tallies index for awesome_count > 0 and sort).
    candidates = scenes.alias(awesome_votes=F("awesome_count") + 0).filter(awesome_votes__gt=0).order_by(*BEST_ORDER)
    carried = SceneTrope.objects.filter(scene=OuterRef("pk"), trope=OuterRef(OuterRef("pk")), is_public=True)
    matching = {Trope.Rule.NONE: candidates.filter(Exists(carried))}
    for trope in tropes:
        if trope.is_derived:
            # The hugger checked per candidate, as the awesome index is walked: joined instead, SQLite would
            # fetch every scene by such huggers first, then sort them.
            hugger = Character.objects.filter(trope.hugger_condition(), pk=OuterRef("hugger_id"))
            matching[trope.rule] = candidates.filter(Exists(hugger))

    def place(number: int) -> Case:
        return Case(
            *[
                When(rule=rule, then=Subquery(scenes_with_it.values("pk")[number : number + 1]))
                for rule, scenes_with_it in matching.items()
            ],
            default=None,
        )

    places = {f"best_{number}": place(number) for number in range(per_trope)}
    rows = Trope.objects.filter(pk__in=[trope.pk for trope in tropes]).annotate(**places).values_list("pk", *places)
    ranked = {trope_id: [pk for pk in best if pk is not None] for trope_id, *best in rows}
    ids = {pk for best in ranked.values() for pk in best}
    loaded = Scene.objects.filter(pk__in=ids).select_related("drama", "hugger", "hugged").in_bulk() if ids else {}
    return {trope_id: [loaded[pk] for pk in best if pk in loaded] for trope_id, best in ranked.items()}


def trope_guide(viewer=None, *, best_per_trope: int = 3) -> list[GuideGroup]:
    """
    The guide's groups and entries. Counts and shares cover every published scene; the best scenes leave
    out those carrying a trope ``viewer`` hides (community.preferences.viewer.ViewerPreferences).
    """
    groups = list(
        TropeGroup.objects.prefetch_related(
            Prefetch("tropes", queryset=Trope.objects.prefetch_related("aliases").order_by("position", "name"))
        )
    )
    tropes = [trope for group in groups for trope in group.tropes.all()]
    published = Scene.objects.published()
    tallies = trope_tallies()
    best = best_scenes_by_trope(published.for_viewer(viewer), tropes, per_trope=best_per_trope)
    return [
        GuideGroup(
            group=group,
            entries=[
                GuideEntry(
                    trope=trope,
                    tally=tallies.get(trope.pk, Tally()),
                    best=best.get(trope.pk, []),
                    says=MEANING_LINES.get(trope.slug, "") if group.slug == MEANING_GROUP else "",
                )
                for trope in group.tropes.all()
            ],
        )
        for group in groups
    ]
