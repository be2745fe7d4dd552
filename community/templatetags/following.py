"""``{% follow_button drama %}`` (or an actor, or a fan): the fan's own follow state, one small query when signed in."""

from django import template

from community.follows import is_following, label, target_field

register = template.Library()

KIND = {"drama": "drama", "actor": "actor", "followed_fan": "fan"}


@register.inclusion_tag("community/_follow.html", takes_context=True)
def follow_button(context, target):
    request = context.get("request")
    kind = KIND[target_field(target)]
    user = getattr(request, "user", None)
    own = kind == "fan" and user is not None and user.pk == target.pk
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "kind": kind,
        "name": target.get_username() if kind == "fan" else target.slug,
        "label": label(target),
        "following": not own and is_following(user, target),
        "signed_in": bool(user and user.is_authenticated),
        "own": own,
    }
