"""/me/feed/: what the dramas, actors and fans a fan follows did; its private Atom feed and the address's secret."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core.exceptions import BadRequest
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from ..models import FanProfile, Follow
from .entries import atom_entries, fan_by_feed_token, feed_page, feed_token, revoke_feed_token


def _page_number(request) -> int:
    value = request.GET.get("page", "1")
    if not (value.isascii() and value.isdigit() and len(value) <= 6 and int(value) >= 1):
        raise BadRequest(_("The page must be a whole number, like page=2."))
    return int(value)


@login_required
@require_safe
def my_feed(request):
    page = _page_number(request)
    entries, has_older = feed_page(request.user, page=page)
    if page > 1 and not entries:
        raise Http404(_("Your feed has no page %(page)d.") % {"page": page})
    follows = list(Follow.objects.filter(fan=request.user).select_related("drama", "actor", "followed_fan"))
    token = FanProfile.objects.filter(user=request.user).values_list("feed_token", flat=True).first()
    context = {
        "entries": entries,
        "page": page,
        "has_older": has_older,
        "followed_dramas": [f.drama for f in follows if f.drama_id],
        "followed_actors": [f.actor for f in follows if f.actor_id],
        "followed_fans": [f.followed_fan for f in follows if f.followed_fan_id],
        "atom_url": request.build_absolute_uri(reverse("community:private-feed", args=[token])) if token else "",
    }
    return render(request, "community/feed.html", context)


@login_required
@require_POST
def feed_address(request):
    """``action=renew`` gives the private feed a new secret address (the old one stops working); ``revoke`` ends it."""
    action = request.POST.get("action")
    if action == "renew":
        feed_token(fan=request.user, renew=True)
        messages.success(request, _("Your private feed has a new address; the old one no longer works."))
    elif action == "revoke":
        revoke_feed_token(fan=request.user)
        messages.success(request, _("Your private feed is turned off; its address no longer works."))
    else:
        raise BadRequest(_("Say what to do with the feed's address: renew or revoke."))
    return redirect(reverse("community:feed") + "#private-feed")


class PrivateFeed(Feed):
    """The fan's feed as Atom, at an address whose secret only they know (any feed reader can poll it)."""

    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response["Cache-Control"] = "private, max-age=300"
        response["X-Robots-Tag"] = "noindex"
        return response

    def get_object(self, request, token):
        fan = fan_by_feed_token(token)
        if fan is None:
            raise Http404(_("No feed at this address: it was renewed or turned off."))
        return fan

    def title(self, fan):
        return _("tropedb: what %(fan)s follows") % {"fan": fan.get_username()}

    def link(self, fan):
        return reverse("community:feed")

    def subtitle(self, fan):
        return _("New back hugs in the dramas and with the actors you follow, and what the fans you follow did.")

    def items(self, fan):
        return atom_entries(fan)

    def item_title(self, entry):
        return entry.text

    def item_description(self, entry):
        if entry.kind == "comment":
            return entry.comment.body
        if entry.spoiler:
            return _("Spoiler warning: it gives away a turn of the story. Open the scene to see it.")
        return entry.scene.description

    def item_link(self, entry):
        return entry.url

    def item_guid(self, entry):
        return f"{entry.kind}-{(entry.comment or entry.scene).pk}-{entry.when.isoformat()}"

    def item_pubdate(self, entry):
        return entry.when

    def item_updateddate(self, entry):
        return entry.when
