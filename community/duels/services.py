"""
Writes: a fan's pick in a duel. The rules, each where it is hardest to break:

- one pick per fan and pair, for good: a database constraint (``one_duel_vote_per_fan_and_pair``);
- only pairs the site dealt to this fan, for an hour: the pair comes back signed (``pair_token``), so a script
  cannot choose to pit one scene against every other;
- a fan's picks count fully for a scene only in their first ``FULL_WEIGHT_DUELS`` duels with it, and not at
  all after: one fan, however many pairs they judge, moves a scene at most that many duels' worth;
- the limits of ``community.ratelimit`` ("duel"), and bans, as for every fan action.
"""

from dataclasses import dataclass

from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from scenes.models import Scene

from ..models import DuelRating, DuelVote, FanProfile
from ..services import ActionRefused, ensure_can_act
from . import rating

FULL_WEIGHT_DUELS = 3
SIGNING_NAMESPACE = "tropedb.duels"
TOKEN_MAX_AGE = 60 * 60


def pair_token(*, fan, first: int, second: int) -> str:
    """The signed pair the site deals to ``fan``: their pick must come back with it."""
    low, high = sorted((first, second))
    return signing.dumps([fan.pk, low, high], salt=SIGNING_NAMESPACE, compress=False)


def read_pair_token(*, fan, token: str) -> tuple[int, int]:
    try:
        fan_id, low, high = signing.loads(token, salt=SIGNING_NAMESPACE, max_age=TOKEN_MAX_AGE)
    except signing.SignatureExpired:
        raise ActionRefused({"token": _("This duel has waited over an hour: here is a new one.")}) from None
    except (signing.BadSignature, ValueError, TypeError):
        raise ActionRefused({"token": _("This duel was not dealt to you: take the one on the page.")}) from None
    if fan_id != fan.pk:
        raise ActionRefused({"token": _("This duel was not dealt to you: take the one on the page.")})
    return low, high


@dataclass(frozen=True)
class DuelResult:
    winner: DuelRating
    loser: DuelRating
    weight: float


def weight_for(*, fan, scene_ids: tuple[int, int]) -> float:
    """1 while the fan has judged each scene fewer than FULL_WEIGHT_DUELS times, else 0."""
    for scene_id in scene_ids:
        judged = DuelVote.objects.filter(Q(first=scene_id) | Q(second=scene_id), fan=fan).count()
        if judged >= FULL_WEIGHT_DUELS:
            return 0.0
    return 1.0


def cast_duel_vote(*, fan, token: str, winner_id: int) -> DuelResult:
    """Record ``fan``'s pick of ``winner_id`` in the pair ``token`` deals; both scenes' ratings move together."""
    ensure_can_act(fan)
    low, high = read_pair_token(fan=fan, token=token)
    if winner_id not in (low, high):
        raise ActionRefused({"winner": _("Pick one of the two scenes of this duel.")})
    loser_id = high if winner_id == low else low
    with transaction.atomic():
        published = set(Scene.objects.published().filter(pk__in=[low, high]).values_list("pk", flat=True))
        if published != {low, high}:
            raise ActionRefused(_("One of these scenes is no longer published: here is a new duel."))
        weight = weight_for(fan=fan, scene_ids=(low, high))
        try:
            with transaction.atomic():
                DuelVote.objects.create(fan=fan, first_id=low, second_id=high, winner_id=winner_id, weight=weight)
        except IntegrityError:
            raise ActionRefused(_("You already picked in this duel: here is a new one.")) from None
        for scene_id in (low, high):
            DuelRating.objects.get_or_create(scene_id=scene_id)
        # Both rows locked, lowest first (two duels sharing a scene never deadlock), then moved together.
        rows = {
            row.scene_id: row
            for row in DuelRating.objects.select_for_update().filter(scene__in=[low, high]).order_by("scene")
        }
        won, lost = rows[winner_id], rows[loser_id]
        new_won, new_lost = rating.duel(
            rating.Rating(won.rating, won.deviation), rating.Rating(lost.rating, lost.deviation), weight
        )
        _store(won, new_won, won=True, counted=weight > 0)
        _store(lost, new_lost, won=False, counted=weight > 0)
    return DuelResult(won, lost, weight)


def _store(row: DuelRating, new: rating.Rating, *, won: bool, counted: bool) -> None:
    row.rating, row.deviation, row.conservative = new.rating, new.deviation, new.conservative
    if counted:
        row.duels += 1
        row.wins += int(won)
    row.save()


def replay_ratings() -> int:
    """Every scene's rating computed again from all the picks in the order they were made, leaving out banned
    fans' picks and applying the per-fan weight afresh: after moderators discard a script's picks or ban its
    fan. Returns how many picks counted."""
    banned = set(FanProfile.objects.filter(is_banned=True).values_list("user_id", flat=True))
    ratings: dict[int, rating.Rating] = {}
    tallies: dict[int, list[int]] = {}  # scene -> [duels, wins]
    judged: dict[tuple[int, int], int] = {}  # (fan, scene) -> picks so far
    changed: dict[float, list[int]] = {0.0: [], 1.0: []}  # new weight -> picks whose stored weight differs
    counted = 0
    fields = ("pk", "fan_id", "first_id", "second_id", "winner_id", "weight")
    picks = DuelVote.objects.order_by("created_at", "pk").values_list(*fields)
    for pk, fan, first, second, winner, stored in picks.iterator(chunk_size=5000):
        fresh = max(judged.get((fan, first), 0), judged.get((fan, second), 0)) < FULL_WEIGHT_DUELS
        weight = 1.0 if fan not in banned and fresh else 0.0
        if weight != stored:
            changed[weight].append(pk)
        if fan in banned:
            continue
        judged[(fan, first)] = judged.get((fan, first), 0) + 1
        judged[(fan, second)] = judged.get((fan, second), 0) + 1
        loser = second if winner == first else first
        won, lost = ratings.get(winner, rating.Rating()), ratings.get(loser, rating.Rating())
        ratings[winner], ratings[loser] = rating.duel(won, lost, weight)
        if weight:
            counted += 1
            for scene, win in ((winner, 1), (loser, 0)):
                tally = tallies.setdefault(scene, [0, 0])
                tally[0] += 1
                tally[1] += win
    with transaction.atomic():
        for weight, pks in changed.items():
            for start in range(0, len(pks), 1000):
                DuelVote.objects.filter(pk__in=pks[start : start + 1000]).update(weight=weight)
        DuelRating.objects.all().delete()
        DuelRating.objects.bulk_create(
            [
                DuelRating(
                    scene_id=scene,
                    rating=value.rating,
                    deviation=value.deviation,
                    conservative=value.conservative,
                    duels=tallies.get(scene, [0, 0])[0],
                    wins=tallies.get(scene, [0, 0])[1],
                )
                for scene, value in ratings.items()
            ],
            batch_size=1000,
        )
    return counted
