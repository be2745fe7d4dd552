"""Tags for a reader's preferences: ``{% spoiler_for scene as spoiler %}``, ``{% hides_trope trope as x %}``."""

from django import template

from community.preferences.viewer import ViewerPreferences, viewer_preferences

register = template.Library()


@register.simple_tag(takes_context=True)
def spoiler_for(context, scene):
    request = context.get("request")
    preferences = viewer_preferences(request) if request is not None else ViewerPreferences(None)
    return preferences.spoiler(scene)


@register.simple_tag(takes_context=True)
def hides_trope(context, trope) -> bool:
    """Whether this request's reader hides ``trope`` (for the hide/show toggles)."""
    request = context.get("request")
    return request is not None and trope.pk in viewer_preferences(request).hidden_trope_ids
