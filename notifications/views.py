"""/me/notifications/: read them (opening the page marks them read), clear the read ones, choose how to hear."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from scenes.pagination import requested_page

from . import services
from .forms import NotificationSettingsForm
from .selectors import inbox

NOTIFICATIONS_PER_PAGE = getattr(settings, "NOTIFICATIONS_PER_PAGE", 20)


@login_required
@require_safe
def notification_list(request):
    shown = requested_page(request, inbox(request.user), per_page=NOTIFICATIONS_PER_PAGE)
    context = {"page": shown.page, "message": shown.message}
    response = render(request, "notifications/list.html", context, status=shown.status)
    if shown.page is not None and request.method == "GET":
        # Shown as new on this visit, read from now on.
        services.mark_read(fan=request.user)
    return response


@login_required
@require_POST
def clear(request):
    deleted = services.clear_read(fan=request.user)
    messages.success(
        request,
        ngettext("Cleared %(count)d read notification.", "Cleared %(count)d read notifications.", deleted)
        % {"count": deleted}
        if deleted
        else _("Nothing to clear: no notification has been read yet."),
    )
    return redirect("notifications:list")


@login_required
@require_POST
def save_settings(request):
    form = NotificationSettingsForm(request.POST)
    if not form.is_valid():
        errors = [error for field_errors in form.errors.values() for error in field_errors]
        return render(
            request, "community/refused.html", {"errors": errors, "back": "/me/preferences/#notifications"}, status=400
        )
    for kind, delivery in form.cleaned_data.items():
        services.set_delivery(fan=request.user, kind=kind, delivery=delivery)
    messages.success(request, _("Saved: your notification settings."))
    return redirect("/me/preferences/#notifications")
