"""
Moderators' decisions beyond publishing: rejecting with a reason, merging duplicates, accepting edits and
adding proposed dramas. Every decision is written to the ModerationLog (public at /moderation/log/).
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from community.models import Comment, Favourite, TropeVote, Vote
from community.services import recount_scene
from notifications import services as notifications
from scenes.models import Drama, DramaProposal, ModerationLog, Scene, SceneEdit, SceneImage, SceneSource, SceneTrope
from scenes.submissions.services import apply_changes

from .log import describe, record


def _require_moderator(moderator: AbstractBaseUser, permission: str = "scenes.change_scene") -> None:
    if not moderator.has_perm(permission):
        raise PermissionDenied(_("Only moderators can do this."))


@transaction.atomic
def merge_scene(*, duplicate: Scene, into: Scene, moderator: AbstractBaseUser, reason: str = "") -> Scene:
    """
    Fold a duplicate into the scene it repeats: its votes, trope votes, favourites, comments, screenshots and
    sources move over. A fan who voted (or favourited, or voted on a trope) on both keeps the vote on the kept
    scene, so nobody counts twice. The duplicate is rejected and its URL redirects to the kept scene.
    """
    _require_moderator(moderator)
    if duplicate.pk == into.pk:
        raise ValidationError(_("A scene cannot be merged into itself."))
    if duplicate.drama_id != into.drama_id:
        raise ValidationError(_("Only scenes of the same drama can be merged."))
    scenes = {s.pk: s for s in Scene.objects.select_for_update().filter(pk__in=[duplicate.pk, into.pk])}
    duplicate, into = scenes[duplicate.pk], scenes[into.pk]
    if into.merged_into_id:
        raise ValidationError(_("That scene was itself merged away; merge into the scene it became part of."))

    voters = Vote.objects.filter(scene=into).values("fan")
    Vote.objects.filter(scene=duplicate).exclude(fan__in=voters).update(scene=into)
    Vote.objects.filter(scene=duplicate).delete()

    fans = Favourite.objects.filter(scene=into).values("fan")
    Favourite.objects.filter(scene=duplicate).exclude(fan__in=fans).update(scene=into)
    Favourite.objects.filter(scene=duplicate).delete()

    kept_tropes = set(SceneTrope.objects.filter(scene=into).values_list("trope_id", flat=True))
    SceneTrope.objects.filter(scene=duplicate).exclude(trope_id__in=kept_tropes).update(scene=into)
    SceneTrope.objects.filter(scene=duplicate).delete()
    for trope_vote in TropeVote.objects.filter(scene=duplicate):
        if TropeVote.objects.filter(scene=into, trope=trope_vote.trope_id, fan=trope_vote.fan_id).exists():
            trope_vote.delete()
        else:
            if not SceneTrope.objects.filter(scene=into, trope=trope_vote.trope_id).exists():
                SceneTrope.objects.create(scene=into, trope_id=trope_vote.trope_id, origin=SceneTrope.Origin.PROPOSED)
            TropeVote.objects.filter(pk=trope_vote.pk).update(scene=into)

    Comment.objects.filter(scene=duplicate).update(scene=into)
    # Its sources document the same back hug: they move too, unless the kept scene already cites the page.
    cited = SceneSource.objects.filter(scene=into).values("url")
    SceneSource.objects.filter(scene=duplicate).exclude(url__in=cited).update(scene=into)
    last_position = SceneImage.objects.filter(scene=into).aggregate(last=Max("position"))["last"] or 0
    for offset, image in enumerate(SceneImage.objects.filter(scene=duplicate).order_by("position", "id"), start=1):
        image.scene, image.position = into, last_position + offset
        image.save(update_fields=["scene", "position"])

    Scene.objects.filter(pk=duplicate.pk).update(
        status=Scene.Status.REJECTED,
        merged_into=into,
        is_featured=False,
        rejection_reason=f"Merged into scene {into.pk}, which shows the same back hug.",
        updated_at=timezone.now(),
    )
    recount_scene(into)
    record(
        action=ModerationLog.Action.MERGED,
        moderator=moderator,
        scene=into,
        subject=f"a duplicate of {describe(into)}",
        reason=reason,
    )
    # The duplicate's submitter hears that it was not accepted, and why: the scene it repeats.
    notifications.notify_submissions_rejected(
        scene_ids=[duplicate.pk], reason=f"The same back hug is already in the catalogue as scene {into.pk}."
    )
    into.refresh_from_db()
    return into


@transaction.atomic
def accept_edit(*, edit: SceneEdit, moderator: AbstractBaseUser) -> Scene:
    _require_moderator(moderator)
    if edit.status != SceneEdit.Status.PENDING:
        raise ValidationError(_("This edit was already decided."))
    scene = apply_changes(scene=edit.scene, changes=edit.changes)
    SceneEdit.objects.filter(pk=edit.pk).update(status=SceneEdit.Status.ACCEPTED, decided_at=timezone.now())
    record(action=ModerationLog.Action.EDIT_ACCEPTED, moderator=moderator, scene=scene, subject=describe(scene))
    return scene


@transaction.atomic
def decline_edit(*, edit: SceneEdit, moderator: AbstractBaseUser, reason: str = "") -> None:
    _require_moderator(moderator)
    SceneEdit.objects.filter(pk=edit.pk, status=SceneEdit.Status.PENDING).update(
        status=SceneEdit.Status.DECLINED, decided_at=timezone.now()
    )
    record(
        action=ModerationLog.Action.EDIT_REJECTED,
        moderator=moderator,
        scene=edit.scene,
        subject=describe(edit.scene),
        reason=reason,
    )


@transaction.atomic
def add_proposed_drama(*, proposal: DramaProposal, moderator: AbstractBaseUser) -> Drama:
    _require_moderator(moderator, "scenes.add_drama")
    if proposal.status != DramaProposal.Status.PENDING:
        raise ValidationError(_("This proposal was already decided."))
    slug = slugify(proposal.title)
    if not slug:
        raise ValidationError(_("The proposed title gives no usable address; add the drama by hand."))
    drama, _created = Drama.objects.get_or_create(
        slug=slug,
        defaults={
            "title": proposal.title,
            "hangul_title": proposal.hangul_title,
            "year": proposal.year,
            "network": proposal.network,
            "episodes": proposal.episodes,
        },
    )
    DramaProposal.objects.filter(pk=proposal.pk).update(status=DramaProposal.Status.ADDED, drama=drama)
    record(action=ModerationLog.Action.DRAMA_ADDED, moderator=moderator, subject=f"{drama.title} ({drama.year})")
    return drama


@transaction.atomic
def decline_proposed_drama(*, proposal: DramaProposal, moderator: AbstractBaseUser, reason: str = "") -> None:
    _require_moderator(moderator, "scenes.add_drama")
    DramaProposal.objects.filter(pk=proposal.pk).update(status=DramaProposal.Status.DECLINED)
    record(
        action=ModerationLog.Action.DRAMA_DECLINED,
        moderator=moderator,
        subject=f"{proposal.title} ({proposal.year})",
        reason=reason,
    )
