"""HTML pages of the API app: the browsable documentation and a fan's personal API tokens."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from community import ratelimit
from community.access import too_many
from community.services import ActionRefused

from . import services
from .models import ApiToken


@require_safe
def docs(request):
    """Swagger UI (vendored under static/api/) over /api/schema/."""
    return render(request, "api/docs.html")


def _tokens_page(request, *, status: int = 200, **context):
    context.setdefault("tokens", ApiToken.objects.of(request.user))
    return render(request, "api/tokens.html", context, status=status)


@login_required
def tokens(request):
    """A fan's tokens; POST creates one and shows its key, this once only."""
    if request.method != "POST":
        return _tokens_page(request)
    try:
        ratelimit.check(request, "api_token")  # Revoking frees room under the cap, so making them is limited too.
    except ratelimit.RateLimited as limited:
        return too_many(request, limited)
    try:
        token, key = services.create_token(fan=request.user, name=request.POST.get("name", ""))
    except ActionRefused as error:
        return _tokens_page(request, status=400, errors=error.messages, name=request.POST.get("name", ""))
    return _tokens_page(request, new_token=token, new_key=key)


@login_required
@require_POST
def revoke(request, pk):
    token = ApiToken.objects.of(request.user).filter(pk=pk).first()
    if token is None:
        messages.error(request, _("That token does not exist, or it is not yours."))
    else:
        services.revoke_token(token=token, fan=request.user)
        messages.success(request, _("Token “%(name)s” is revoked: it no longer works.") % {"name": token.name})
    return redirect("api:tokens")


@csrf_exempt  # It changes nothing; a POST to a wrong address deserves the JSON 404, not a CSRF page.
def not_found(request, path=""):
    """
    Any other /api/ address: a JSON 404, in development too (where Django would show its HTML page).
    A GET that lacks only the trailing slash is redirected, as APPEND_SLASH does elsewhere.
    """
    if not request.path_info.endswith("/") and request.method in ("GET", "HEAD"):
        try:
            match = resolve(request.path_info + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not not_found:
            return HttpResponsePermanentRedirect(request.get_full_path(force_append_slash=True))
    message = _("There is nothing at this address; /api/docs/ lists every API endpoint.")
    if not request.path_info.endswith("/"):
        message += _(" Addresses of the API end with a slash.")
    return JsonResponse({"detail": message, "errors": {}}, status=404)
