"""Tags for a reader's preferences: ``{% spoiler_for scene as spoiler %}``, ``{% spoiler_title scene %}``,
``{% hides_trope trope as x %}``."""

from django import template

from community.preferences.viewer import ViewerPreferences, viewer_preferences
from scenes.naming import inline_name
from scenes.naming import spoiler_title as neutral_title

register = template.Library()


@register.simple_tag(takes_context=True)
def spoiler_for(context, scene):
    """The spoiler notice ``scene`` shows to this request's reader, or None (also for no scene at all)."""
    if scene is None:
        return None
    request = context.get("request")
    preferences = viewer_preferences(request) if request is not None else ViewerPreferences(None)
    return preferences.spoiler(scene)


@register.simple_tag
def spoiler_title(scene) -> str:
    """The neutral name of a scene that is a spoiler to this reader: its drama (in the reader's language) and
    episode, never who hugs whom."""
    return neutral_title(drama=inline_name(scene.drama), episode=scene.episode)


@register.simple_tag(takes_context=True)
def hides_trope(context, trope) -> bool:
    """Whether this request's reader hides ``trope`` (for the hide/show toggles)."""
    request = context.get("request")
    return request is not None and trope.pk in viewer_preferences(request).hidden_trope_ids
