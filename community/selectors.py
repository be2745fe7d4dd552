"""What the community parts of a page show: each in a fixed number of queries."""

from edge.freshness import kept
from scenes.models import Scene, SceneTrope, Trope

from . import scoring
from .forms import CommentForm
from .freshness import FAN_VOTES
from .models import Comment, Favourite, TropeVote, Vote

UNKNOWN = object()


def verdict_context(scene: Scene, user, *, my_verdict=UNKNOWN) -> dict:
    """The verdict widget: the scene's tallies and this fan's own verdict (read unless the caller knows it)."""
    if my_verdict is UNKNOWN:
        my_verdict = None
        if user.is_authenticated:
            my_verdict = Vote.objects.filter(scene=scene, fan=user).values_list("verdict", flat=True).first()
    return {
        "scene": scene,
        "my_verdict": my_verdict,
        "awesome_share": scoring.awesome_share(scene.awesome_count, scene.awkward_count),
        "is_controversial": scoring.is_controversial(scene.awesome_count, scene.awkward_count),
    }


# A fan's verdicts on a page's cards are read again when they vote (FAN_VOTES) or the site changes (a merge moves
# votes), and at least this often.
OWN_VERDICTS_SECONDS = 60 * 60


def own_verdicts(fan, scene_ids) -> dict[int, str]:
    """
    ``fan``'s verdict on each of ``scene_ids`` they voted on, for their own controls on shared cards: kept per fan
    and page of cards, so a fan's page costs no query for them until they vote again.
    """
    ids = tuple(sorted(set(scene_ids)))
    if not ids:
        return {}
    return kept(
        "own-verdicts",
        key=(fan.pk, ids),
        depends_on=(FAN_VOTES.format(pk=fan.pk),),
        fresh_for=OWN_VERDICTS_SECONDS,
        compute=lambda: dict(Vote.objects.filter(fan=fan, scene_id__in=ids).values_list("scene_id", "verdict")),
    )


def favourite_context(scene: Scene, user) -> dict:
    is_favourite = user.is_authenticated and Favourite.objects.filter(scene=scene, fan=user).exists()
    return {"scene": scene, "is_favourite": is_favourite}


def trope_votes_context(scene: Scene, user) -> dict:
    """Each trope on the scene with the fans' agreement and this fan's own vote; tropes one may propose."""
    return own_trope_votes(shared_trope_votes(scene), scene, user)


def shared_trope_votes(scene: Scene) -> dict:
    """The scene's tropes with the fans' agreement, and the tropes one may propose: the same for every reader."""
    scene_tropes = list(
        SceneTrope.objects.filter(scene=scene)
        .select_related("trope__group")
        .order_by("-is_public", "trope__group__position", "trope__position")
    )
    present = {scene_trope.trope_id for scene_trope in scene_tropes}
    proposable = [trope for trope in Trope.objects.curated().select_related("group") if trope.pk not in present]
    return {
        "scene": scene,
        "derived_tropes": scene.derived_tropes(),
        "scene_tropes": scene_tropes,
        "proposable_tropes": proposable,
    }


def own_trope_votes(shared: dict, scene: Scene, user) -> dict:
    """``shared`` (shared_trope_votes) with this fan's own vote on each trope: one query for a fan, none else."""
    my_votes = {}
    if user.is_authenticated:
        my_votes = dict(TropeVote.objects.filter(scene=scene, fan=user).values_list("trope_id", "agrees"))
    for scene_trope in shared["scene_tropes"]:
        scene_trope.my_vote = my_votes.get(scene_trope.trope_id)
    return shared


def thread_of(target) -> list:
    """A scene's or drama's comments as a tree, the same for every reader (one query)."""
    return Comment.objects.thread(target)


def thread_context(target, user, form: CommentForm | None = None, *, thread: list | None = None) -> dict:
    """The comments part of a page; ``thread`` when the caller has it already (kept with the page's shared parts)."""
    return {
        "target": target,
        "thread": thread_of(target) if thread is None else thread,
        "comment_form": form or CommentForm(),
        "comments_url": target.get_absolute_url() + "comments/",
    }


def scene_page_context(scene: Scene, user) -> dict:
    return own_scene_parts(shared_scene_parts(scene), user)


def shared_scene_parts(scene: Scene) -> dict:
    """What a scene's page shows every reader alike: its tropes with the fans' agreement, its comments."""
    return {**shared_trope_votes(scene), "thread": thread_of(scene)}


def own_scene_parts(shared: dict, user) -> dict:
    """A scene page's ``shared`` parts with this fan's own on top: their verdict, favourite and trope votes (three
    small queries for a fan, none for an anonymous reader)."""
    scene = shared["scene"]
    return {
        **shared,
        **verdict_context(scene, user),
        **favourite_context(scene, user),
        **own_trope_votes(shared, scene, user),
        **thread_context(scene, user, thread=shared["thread"]),
    }
