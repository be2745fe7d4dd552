"""
A verdict an anonymous reader chose, kept until they sign in or sign up, then cast once.

A reader's page is one copy shared by every anonymous reader (edge/), so it holds no CSRF token and its vote buttons
cannot post a vote. They lead instead to ``community:vote-sign-in``, which records nothing: it keeps the chosen
verdict in the reader's session, signed and dated, and sends them to sign in. Signing in (or up) is itself a POST
with its CSRF token; when it succeeds (``user_logged_in``) the pending verdict is taken out of the session and cast
by ``services.cast_vote`` under the same rules as any vote: the fan's ban, the "vote" rate limit, a published scene.
A verdict left waiting longer than ``MAX_AGE`` is dropped, so signing in much later for another reason casts
nothing the fan has forgotten about.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from scenes.models import Scene

from . import ratelimit, services
from .models import Verdict

SESSION_KEY = "pending_vote"
SALT = "community.pending-vote"
MAX_AGE = 30 * 60


@dataclass(frozen=True)
class PendingVote:
    scene_id: int
    verdict: str

    @property
    def verdict_label(self) -> str:
        return Verdict(self.verdict).label


def remember(request, *, scene: Scene, verdict: str) -> None:
    """Keep ``verdict`` on ``scene`` for the reader of ``request`` until they sign in (it replaces an earlier one)."""
    request.session[SESSION_KEY] = signing.dumps({"scene": scene.pk, "verdict": verdict}, salt=SALT)


def pending(request) -> PendingVote | None:
    """The verdict waiting in the reader's session, if one is there, intact and recent enough."""
    kept = getattr(request, "session", {}).get(SESSION_KEY)
    if not kept:
        return None
    try:
        value = signing.loads(kept, salt=SALT, max_age=MAX_AGE)
        vote = PendingVote(scene_id=int(value["scene"]), verdict=str(value["verdict"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    return vote if vote.verdict in Verdict.values else None


def cast_pending_vote(*, request, fan) -> str | None:
    """
    Cast the verdict waiting in ``request``'s session as ``fan``'s, once (it leaves the session whatever happens),
    and tell the fan what became of it. Returns the verdict cast, or None.
    """
    vote = pending(request)
    request.session.pop(SESSION_KEY, None)
    if vote is None:
        return None
    scene = Scene.objects.published().filter(pk=vote.scene_id).first()
    try:
        if scene is None:
            raise services.ActionRefused(_("Only published scenes can be voted on."))
        ratelimit.check(request, "vote")
        services.cast_vote(scene=scene, fan=fan, verdict=vote.verdict)
    except (services.ActionRefused, PermissionDenied, ratelimit.RateLimited) as refused:
        reason = refused.messages[0] if isinstance(refused, services.ActionRefused) else str(refused)
        if isinstance(refused, ratelimit.RateLimited):
            reason = _("That was a lot of votes, very fast.")
        messages.warning(request, _("Your vote was not recorded: %(reason)s") % {"reason": reason})
        return None
    messages.success(request, _("Your vote is in: %(verdict)s.") % {"verdict": vote.verdict_label.lower()})
    return vote.verdict


def _signed_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        cast_pending_vote(request=request, fan=user)


def connect_signals() -> None:
    """Called from CommunityConfig.ready(): signing in, and signing up (which signs the new fan in), casts it."""
    from django.contrib.auth.signals import user_logged_in

    user_logged_in.connect(_signed_in, dispatch_uid="cast-pending-vote-on-sign-in")
