"""The public moderation log: every decision and its reason, naming the role, never the person."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from scenes.models import ModerationLog
from scenes.pagination import requested_page


@require_safe
def moderation_log(request):
    entries = ModerationLog.objects.select_related("moderator", "scene__drama")
    shown = requested_page(request, entries, per_page=50)
    context = {"page": shown.page, "message": shown.message}
    return render(request, "scenes/moderation_log.html", context, status=shown.status)
