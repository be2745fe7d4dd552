"""
Writes of the community, one function per rule: pages, the API and admin all call these.

Every function that changes a tally locks the scene row first (``select_for_update``), so concurrent
fans on several app servers are serialised per scene and the tallies stay exact on PostgreSQL.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from notifications import services as notifications
from scenes.freshness import fan_changed, scene_changed
from scenes.models import TROPE_VOTES_TO_DECIDE, Drama, ModerationLog, Scene, SceneTrope, Trope
from scenes.moderation.log import record

from . import scoring
from .freshness import comment_changed, fan_votes_changed
from .models import Comment, CommentReport, FanProfile, Favourite, TropeVote, Verdict, Vote

COMMENT_MAX_LENGTH = getattr(settings, "COMMENT_MAX_LENGTH", 3000)
REPORT_MAX_LENGTH = 500


class ActionRefused(ValidationError):
    """A fan's action that breaks a rule; the message is for the fan."""


@dataclass(frozen=True)
class VerdictCounts:
    awesome: int
    awkward: int

    @property
    def total(self) -> int:
        return self.awesome + self.awkward

    @property
    def awesome_share(self) -> int | None:
        return scoring.awesome_share(self.awesome, self.awkward)

    @property
    def is_controversial(self) -> bool:
        return scoring.is_controversial(self.awesome, self.awkward)


def ensure_can_act(fan) -> None:
    """Banned fans can read but not act; they are told why."""
    profile = FanProfile.objects.filter(user=fan, is_banned=True).first()
    if profile is not None:
        message = _("Your account is banned from voting, commenting and reporting.")
        if profile.ban_reason:
            message = _("%(message)s Reason: %(reason)s") % {"message": message, "reason": profile.ban_reason}
        raise PermissionDenied(message)


def _locked_scene(scene: Scene, fields: tuple[str, ...] = ()) -> Scene:
    """The scene's row, locked until the transaction ends (``fields``: read only those)."""
    locked = Scene.objects.select_for_update()
    return (locked.only(*fields) if fields else locked).get(pk=scene.pk)


def _votable(scene: Scene) -> None:
    if scene.status != Scene.Status.PUBLISHED:
        raise ActionRefused(_("Only published scenes can be voted on."))


def cast_vote(*, scene: Scene, fan, verdict: str | None) -> VerdictCounts:
    """
    Record, change or retract (``verdict=None``) a fan's verdict; the scene's tallies stay exact.

    The tallies move by the vote's difference (one up, one down, or nothing) rather than being counted again from
    every vote of the scene: a popular scene's vote costs the same as a new one's. Exact under concurrency because
    the fan's vote is read and changed, and the tallies computed from the row's current counts, while the scene's
    row is locked.
    """
    if verdict is not None and verdict not in Verdict.values:
        raise ActionRefused(_("A verdict is awesome, awkward or none."))
    ensure_can_act(fan)
    with transaction.atomic():
        scene = _locked_scene(scene, fields=("status", "awesome_count", "awkward_count"))
        _votable(scene)
        before = Vote.objects.filter(scene=scene, fan=fan).values_list("verdict", flat=True).first()
        if verdict == before:
            return VerdictCounts(awesome=scene.awesome_count, awkward=scene.awkward_count)
        if verdict is None:
            Vote.objects.filter(scene=scene, fan=fan).delete()
        elif before is None:
            Vote.objects.create(scene=scene, fan=fan, verdict=verdict)
        else:
            Vote.objects.filter(scene=scene, fan=fan).update(verdict=verdict)
        moved = {Verdict.AWESOME: 0, Verdict.AWKWARD: 0}
        if before is not None:
            moved[before] -= 1
        if verdict is not None:
            moved[verdict] += 1
        counts = VerdictCounts(
            awesome=scene.awesome_count + moved[Verdict.AWESOME], awkward=scene.awkward_count + moved[Verdict.AWKWARD]
        )
        _store_verdicts(scene, counts)
        scene_changed(scene.pk)  # Its own page only: other pages show the tallies within edge's LIST_SECONDS.
        fan_votes_changed(fan.pk)  # The fan's own verdicts on cards (selectors.own_verdicts) at once.
        return counts


def _recount_verdicts(scene: Scene) -> VerdictCounts:
    """Both tallies from every vote of the scene again: after a merge moved votes over (recount_scene)."""
    totals = Vote.objects.filter(scene=scene).aggregate(
        awesome=Count("pk", filter=Q(verdict=Verdict.AWESOME)),
        awkward=Count("pk", filter=Q(verdict=Verdict.AWKWARD)),
    )
    counts = VerdictCounts(awesome=totals["awesome"], awkward=totals["awkward"])
    _store_verdicts(scene, counts)
    return counts


def _store_verdicts(scene: Scene, counts: VerdictCounts) -> None:
    Scene.objects.filter(pk=scene.pk).update(
        awesome_count=counts.awesome,
        awkward_count=counts.awkward,
        awesome_score=scoring.wilson_lower_bound(counts.awesome, counts.total),
        awkward_score=scoring.wilson_lower_bound(counts.awkward, counts.total),
        controversy=scoring.controversy(counts.awesome, counts.awkward),
    )


def vote_on_trope(*, scene: Scene, trope: Trope, fan, agrees: bool | None) -> SceneTrope | None:
    """
    Agree or disagree that ``trope`` applies to ``scene``, or retract (``agrees=None``).

    Agreeing with a trope the scene lacks proposes it. A curated trope falls off the public tropes
    once enough fans reject it; a proposed one becomes public once enough fans agree.
    """
    if trope.is_derived:
        raise ActionRefused(
            _("“%(trope)s” follows from the characters; it is a fact, not a vote.") % {"trope": trope.name}
        )
    ensure_can_act(fan)
    with transaction.atomic():
        scene = _locked_scene(scene)
        _votable(scene)
        scene_trope = SceneTrope.objects.filter(scene=scene, trope=trope).first()
        if scene_trope is None:
            if not agrees:
                raise ActionRefused(_("“%(trope)s” is not on this scene; propose it instead.") % {"trope": trope.name})
            scene_trope = SceneTrope.objects.create(
                scene=scene, trope=trope, origin=SceneTrope.Origin.PROPOSED, is_public=False
            )
        if agrees is None:
            TropeVote.objects.filter(scene=scene, trope=trope, fan=fan).delete()
        else:
            TropeVote.objects.update_or_create(scene=scene, trope=trope, fan=fan, defaults={"agrees": agrees})
        scene_changed(scene.pk)
        return recount_trope_votes(scene_trope)


def recount_trope_votes(scene_trope: SceneTrope) -> SceneTrope | None:
    totals = TropeVote.objects.filter(scene=scene_trope.scene_id, trope=scene_trope.trope_id).aggregate(
        agree=Count("pk", filter=Q(agrees=True)), disagree=Count("pk", filter=Q(agrees=False))
    )
    agree, disagree = totals["agree"], totals["disagree"]
    if scene_trope.origin == SceneTrope.Origin.PROPOSED and not agree and not disagree:
        scene_trope.delete()  # A proposal everyone took back leaves nothing behind.
        return None
    if scene_trope.origin == SceneTrope.Origin.CURATED:
        is_public = not (disagree >= TROPE_VOTES_TO_DECIDE and disagree > agree)
    else:
        is_public = agree >= TROPE_VOTES_TO_DECIDE and agree > disagree
    scene_trope.agree_count, scene_trope.disagree_count, scene_trope.is_public = agree, disagree, is_public
    scene_trope.save(update_fields=["agree_count", "disagree_count", "is_public"])
    return scene_trope


def set_favourite(*, scene: Scene, fan, favourite: bool) -> int:
    """Mark or unmark a scene as one of the fan's favourites; returns how many fans hold it dear."""
    ensure_can_act(fan)
    with transaction.atomic():
        scene = _locked_scene(scene)
        _votable(scene)
        if favourite:
            Favourite.objects.get_or_create(scene=scene, fan=fan)
        else:
            Favourite.objects.filter(scene=scene, fan=fan).delete()
        count = Favourite.objects.filter(scene=scene).count()
        Scene.objects.filter(pk=scene.pk).update(favourite_count=count)
        scene_changed(scene.pk)
        fan_changed(fan.username)  # Their profile lists their favourites.
        return count


def clean_comment_body(body: str) -> str:
    body = (body or "").replace("\r\n", "\n").strip()
    if not body:
        raise ActionRefused({"body": _("Write something before posting.")})
    if len(body) > COMMENT_MAX_LENGTH:
        raise ActionRefused(
            {
                "body": _("Comments can be at most %(limit)d characters; this one has %(length)d.")
                % {"limit": COMMENT_MAX_LENGTH, "length": len(body)}
            }
        )
    if "\x00" in body:
        raise ActionRefused({"body": _("The comment contains a character we cannot store.")})
    return body


def post_comment(*, author, target: Scene | Drama, body: str, parent: Comment | None = None) -> Comment:
    """A new comment on a scene or a drama, or a reply within the same thread."""
    ensure_can_act(author)
    body = clean_comment_body(body)
    if isinstance(target, Scene) and target.status != Scene.Status.PUBLISHED:
        raise ActionRefused(_("Only published scenes can be discussed."))
    if parent is not None:
        if parent.target != target:
            raise ActionRefused({"parent": _("You can only reply within the same thread.")})
        if not parent.is_visible:
            raise ActionRefused({"parent": _("That comment was removed; it can't be replied to.")})
    with transaction.atomic():
        comment = Comment.objects.create(
            author=author,
            scene=target if isinstance(target, Scene) else None,
            drama=target if isinstance(target, Drama) else None,
            parent=parent,
            body=body,
        )
        _recount_comments(comment)
        notifications.notify_reply(reply=comment)
        comment_changed(comment)
    return comment


def edit_comment(*, comment: Comment, editor, body: str) -> Comment:
    if comment.author_id != editor.pk:
        raise PermissionDenied(_("Only the author can edit a comment."))
    ensure_can_act(editor)
    if not comment.is_visible:
        raise ActionRefused(_("A removed comment can't be edited."))
    comment.body = clean_comment_body(body)
    comment.edited_at = timezone.now()
    comment.save(update_fields=["body", "edited_at"])
    comment_changed(comment)
    return comment


def delete_comment(*, comment: Comment, author) -> None:
    """
    The author removes their comment; with replies under it, a placeholder keeps the thread together.
    A comment a moderator hid stays as it is: its text is kept for the moderators.
    """
    if comment.author_id != author.pk:
        raise PermissionDenied(_("Only the author can delete a comment."))
    with transaction.atomic():
        # Locked and read again: a moderator may hide it while the author deletes.
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        if comment.is_hidden:
            raise ActionRefused(_("A moderator hid this comment; it stays for them to review and can't be deleted."))
        if comment.replies.exists():
            comment.is_deleted = True
            comment.body = ""
            comment.save(update_fields=["is_deleted", "body"])
        else:
            comment.delete()
        _recount_comments(comment)
        comment_changed(comment)


def report_comment(*, comment: Comment, reporter, reason: str) -> CommentReport:
    ensure_can_act(reporter)
    reason = (reason or "").strip()
    if not reason:
        raise ActionRefused({"reason": _("Tell the moderators what is wrong with this comment.")})
    if len(reason) > REPORT_MAX_LENGTH:
        raise ActionRefused({"reason": _("Keep the reason under %(limit)d characters.") % {"limit": REPORT_MAX_LENGTH}})
    if comment.author_id == reporter.pk:
        raise ActionRefused(_("You can't report your own comment; edit or delete it instead."))
    if not comment.is_visible:
        raise ActionRefused(_("That comment is already removed."))
    report, created = CommentReport.objects.get_or_create(
        comment=comment, reporter=reporter, defaults={"reason": reason}
    )
    if not created:
        raise ActionRefused(_("You already reported this comment; the moderators will look at it."))
    return report


def hide_comments(*, comments, moderator, reason: str = "") -> int:
    """Moderators hide comments: readers see a placeholder, the text stays for moderators."""
    with transaction.atomic():
        changed = 0
        for comment in comments.select_for_update():
            if comment.is_hidden:
                continue
            comment.is_hidden, comment.hidden_by, comment.hidden_reason = True, moderator, reason
            comment.save(update_fields=["is_hidden", "hidden_by", "hidden_reason"])
            comment.reports.filter(resolved_at=None).update(resolved_at=timezone.now(), resolved_by=moderator)
            _recount_comments(comment)
            _log_comment(ModerationLog.Action.HIDDEN, comment, moderator, reason)
            notifications.forget_comments(comment_ids=[comment.pk])
            changed += 1
        return changed


def unhide_comments(*, comments, moderator) -> int:
    with transaction.atomic():
        changed = 0
        for comment in comments.select_for_update().filter(is_hidden=True):
            comment.is_hidden, comment.hidden_by, comment.hidden_reason = False, None, ""
            comment.save(update_fields=["is_hidden", "hidden_by", "hidden_reason"])
            _recount_comments(comment)
            _log_comment(ModerationLog.Action.UNHIDDEN, comment, moderator, "")
            changed += 1
        return changed


def dismiss_reports(*, comments, moderator) -> int:
    """The comment is fine: close its open reports without hiding it."""
    return CommentReport.objects.filter(comment__in=comments, resolved_at=None).update(
        resolved_at=timezone.now(), resolved_by=moderator
    )


def _log_comment(action: str, comment: Comment, moderator, reason: str) -> None:

    where = comment.scene.drama.title if comment.scene_id else comment.drama.title
    record(action=action, moderator=moderator, scene=comment.scene, subject=f"a comment on {where}", reason=reason)


def _recount_comments(comment: Comment) -> None:
    if comment.scene_id:
        count = Comment.objects.filter(scene=comment.scene_id).visible().count()
        Scene.objects.filter(pk=comment.scene_id).update(comment_count=count)


def recount_scene(scene: Scene) -> None:
    """Every tally of a scene from its rows again (after a merge moved votes, favourites and comments)."""
    _recount_verdicts(scene)
    Scene.objects.filter(pk=scene.pk).update(
        favourite_count=Favourite.objects.filter(scene=scene).count(),
        comment_count=Comment.objects.filter(scene=scene).visible().count(),
    )
    for scene_trope in SceneTrope.objects.filter(scene=scene):
        recount_trope_votes(scene_trope)


def ban_fan(*, fan, moderator, reason: str) -> FanProfile:
    profile, _created = FanProfile.objects.get_or_create(user=fan)
    profile.is_banned, profile.ban_reason, profile.banned_at = True, reason, timezone.now()
    profile.save()

    record(action=ModerationLog.Action.BANNED, moderator=moderator, subject="a fan's account", reason=reason)
    return profile
