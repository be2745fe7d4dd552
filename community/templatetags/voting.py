"""``{% pending_vote as pending %}``: the verdict a reader chose before signing in (community.pending_votes)."""

from django import template

from community.pending_votes import pending
from scenes.models import Scene

register = template.Library()


@register.simple_tag(takes_context=True)
def pending_vote(context) -> dict | None:
    """The waiting verdict and its scene, for the sign-in and sign-up pages to say why the reader is there."""
    request = context.get("request")
    vote = pending(request) if request is not None else None
    if vote is None:
        return None
    scene = Scene.objects.published().select_related("drama").filter(pk=vote.scene_id).first()
    return {"verdict": vote.verdict, "scene": scene} if scene is not None else None
