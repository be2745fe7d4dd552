"""
A drama's back-hug profile (its page's numbers and episode strip) and an actor's back hugs by drama,
counted by the database from the scenes' tallies, like the site-wide numbers in scenes.stats.numbers.
"""

from dataclasses import dataclass

from django.db.models import Count, Min, Q
from django.urls import reverse

from scenes.models import SUPERLATIVE_MIN_VOTES, Character, Drama, Scene
from scenes.stats.numbers import Tally, share, sum_or_zero


@dataclass(frozen=True)
class EpisodeCell:
    """One episode on a drama's strip: how many back hugs fall in it and the first of them."""

    number: int
    scenes: int = 0
    first_scene_id: int | None = None

    @property
    def url(self) -> str:
        return reverse("scenes:scene-detail", args=[self.first_scene_id]) if self.first_scene_id else ""


@dataclass
class DramaProfile:
    tally: Tally
    girl_initiated: int
    second_lead: int
    episodes: list[EpisodeCell]
    most_awesome: Scene | None = None
    most_awkward: Scene | None = None
    # Back hugs the reader sees whose episode no source gives: they have no cell on the strip.
    episode_unknown: int = 0

    # The page says how many votes a highlight takes when no scene has them yet.
    superlative_min_votes: int = SUPERLATIVE_MIN_VOTES

    @property
    def girl_initiated_share(self) -> int:
        return share(self.girl_initiated, self.tally.scenes) or 0

    def classification_totals(self) -> dict:
        """The same dict as SceneQuerySet.classification_totals(), from the numbers already counted."""
        return {
            "scenes": self.tally.scenes,
            "girl_initiated": self.girl_initiated,
            "second_lead": self.second_lead,
            "girl_initiated_share": self.girl_initiated_share,
            "second_lead_share": share(self.second_lead, self.tally.scenes) or 0,
        }

    @property
    def episodes_with_back_hugs(self) -> int:
        return sum(1 for cell in self.episodes if cell.scenes)

    @property
    def hidden_scenes(self) -> int:
        """Back hugs the strip leaves out because the reader hides one of their tropes."""
        shown = sum(cell.scenes for cell in self.episodes) + self.episode_unknown
        return max(self.tally.scenes - shown, 0)


def drama_profile(drama: Drama, scenes, *, visible=None) -> DramaProfile:
    """
    A drama's back hugs in numbers. The totals count ``scenes`` (its published scenes); the episode strip
    and the most awesome and most awkward scene come from ``visible`` (default ``scenes``: a view passes
    the ones its reader sees, so the strip never points at a scene they hide); either highlight is None when
    no scene has enough votes leaning its way. Four queries.
    """
    visible = scenes if visible is None else visible
    totals = scenes.order_by().aggregate(
        scenes=Count("pk"),
        awesome=sum_or_zero("awesome_count"),
        awkward=sum_or_zero("awkward_count"),
        girl_initiated=Count("pk", filter=Q(hugger__gender=Character.Gender.FEMALE)),
        second_lead=Count("pk", filter=Q(hugger__role__in=Character.SECOND_LEADS)),
    )
    per_episode = {
        row["episode"]: row for row in visible.order_by().values("episode").annotate(count=Count("pk"), first=Min("pk"))
    }
    cells = [
        EpisodeCell(number=number, scenes=per_episode[number]["count"], first_scene_id=per_episode[number]["first"])
        if number in per_episode
        else EpisodeCell(number=number)
        for number in range(1, drama.episodes + 1)
    ]
    highlights = visible.select_related("drama", "hugger", "hugged")
    return DramaProfile(
        tally=Tally(scenes=totals["scenes"], awesome=totals["awesome"], awkward=totals["awkward"]),
        girl_initiated=totals["girl_initiated"],
        second_lead=totals["second_lead"],
        episodes=cells,
        episode_unknown=per_episode[None]["count"] if None in per_episode else 0,
        # Only scenes enough fans voted on, and only on the side most of them took (SceneQuerySet.most_awesome):
        # otherwise one split scene was both, or 4 awesome of 21 votes made a drama's "most awesome".
        most_awesome=highlights.most_awesome().first(),
        most_awkward=highlights.most_awkward().first(),
    )


def actor_back_hugs_by_drama(actor, scenes) -> list[dict]:
    """For each drama of ``actor``: back hugs they give and receive among ``scenes``, newest drama first."""
    return list(
        scenes.featuring(actor)
        .order_by()
        .values("drama__title", "drama__hangul_title", "drama__slug", "drama__year")
        .annotate(
            given=Count("pk", filter=Q(hugger__actor=actor)),
            received=Count("pk", filter=Q(hugged__actor=actor)),
        )
        .order_by("-drama__year", "drama__title")
    )
