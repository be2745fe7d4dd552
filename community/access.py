"""Who may act: signed in, not banned, within the rate limits. One decorator for every fan action."""

from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from scenes.errors import flash

from . import ratelimit
from .services import ensure_can_act


def safe_next(request, fallback: str = "/") -> str:
    """Where to send the fan back to: the form's ``next``, else the referring page, if it is ours."""
    for candidate in (request.POST.get("next"), request.GET.get("next"), request.META.get("HTTP_REFERER")):
        if candidate and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return candidate
    return fallback


def fan_action(action: str, *, post_only: bool = True, back=None):
    """
    Wrap a view a signed-in fan uses to change something.

    Anonymous visitors are sent to log in and back to the page they were on (``back(**view_kwargs)``
    when the request does not say where that was); banned fans get a 403 that says why; fans over a limit
    get a 429 that says when to try again.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                fallback = request.path if request.method == "GET" else back(**kwargs) if back else "/"
                login = (
                    f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': safe_next(request, fallback=fallback)})}"
                )
                # htmx would swap the login page into the widget: ask it to load the whole page instead.
                return HttpResponseClientRedirect(login) if getattr(request, "htmx", False) else redirect(login)
            ensure_can_act(request.user)
            if request.method == "POST":
                try:
                    ratelimit.check(request, action)
                except ratelimit.RateLimited as limited:
                    return too_many(request, limited)
            return view(request, *args, **kwargs)

        return require_POST(wrapped) if post_only else wrapped

    return decorator


def too_many(request, limited: ratelimit.RateLimited):
    context = {"retry_after": limited.retry_after, "action": limited.action}
    if getattr(request, "htmx", False):
        wait = ngettext(
            "That was a lot, very fast. Try again in %(seconds)d second.",
            "That was a lot, very fast. Try again in %(seconds)d seconds.",
            limited.retry_after,
        ) % {"seconds": limited.retry_after}
        response = flash(request, [wait], status=429)
    else:
        response = render(request, "429.html", context, status=429)
    response["Retry-After"] = str(limited.retry_after)
    return response
