"""
Atom (/feeds/scenes/) and RSS 2.0 (/feeds/scenes/rss/) feeds of newly published scenes.

They read the catalogue's own query string through SceneFilter, so ``?drama=the-heirs&trope=comfort`` (or
any catalogue URL's filters) narrows a feed the same way it narrows the list; a filter that does not
validate answers 404 for an unknown drama or trope and 400 for anything malformed, never a 500.
"""

from django.contrib.syndication.views import Feed
from django.core.exceptions import BadRequest
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from community.preferences.viewer import ViewerPreferences
from scenes.models import Scene
from scenes.naming import first_name, inline_name, spoiler_title

from .filters import SceneFilter

FEED_ITEMS = 30
# Filters whose unknown values mean "no such thing" (404) rather than "malformed request" (400).
NOT_FOUND_FILTERS = ("drama", "actor", "trope", "exclude")


def citation(source) -> str:
    """A source as one line of plain text: title, publisher, date, quote, address (feed readers show text)."""
    details = [part for part in (source.publisher, source.published_on and source.published_on.isoformat()) if part]
    text = f"{source.title} ({', '.join(details)})" if details else source.title
    if source.quote:
        text += f": “{source.quote}”"
    return f"{text}, {source.url}"


class FeedFilter:
    """The validated filters of one feed request, and the words that describe them."""

    def __init__(self, request):
        self.params = request.GET.copy()
        self.params.pop("page", None)
        self.params.pop("sort", None)  # A feed is always newest first.
        self.filterset = SceneFilter(self.params, queryset=Scene.objects.published().for_cards().with_sources())
        if not self.filterset.is_valid():
            errors = self.filterset.form.errors
            message = " ".join(str(error) for field_errors in errors.values() for error in field_errors)
            if any(name in errors for name in NOT_FOUND_FILTERS):
                raise Http404(message)
            raise BadRequest(message)

    @property
    def scenes(self):
        # Published scenes always have published_at, so this order walks its index instead of sorting them all.
        return self.filterset.qs.order_by("-published_at", "-id")[:FEED_ITEMS]

    @property
    def query(self) -> str:
        return self.params.urlencode()

    def describe(self) -> str:
        drama, tropes = self.filterset.chosen("drama"), self.filterset.chosen("trope")
        words = []
        if drama:
            words.append(_("in %(drama)s") % {"drama": first_name(drama)})
        if tropes:
            words.append(_("tagged %(tropes)s") % {"tropes": _(" and ").join(first_name(trope) for trope in tropes)})
        return " ".join(words)


class NewScenesFeed(Feed):
    """RSS 2.0; the Atom feed below changes only the format."""

    feed_type = Rss201rev2Feed
    url_name = "scenes:feed-rss"
    author_name = "tropedb"

    def description(self, feed_filter):
        return _(
            "Back-hug scenes from K-dramas, newest first as moderators publish them: who hugs whom and what it means."
        )

    subtitle = description  # Atom's name for it.

    def get_object(self, request, *args, **kwargs):
        return FeedFilter(request)

    def title(self, feed_filter):
        described = feed_filter.describe()
        return (
            _("tropedb: new back hugs %(filters)s") % {"filters": described}
            if described
            else _("tropedb: new back hugs")
        )

    def link(self, feed_filter):
        url = reverse("scenes:scene-list")
        return f"{url}?{feed_filter.query}" if feed_filter.query else url

    def feed_url(self, feed_filter):
        url = reverse(self.url_name)
        return f"{url}?{feed_filter.query}" if feed_filter.query else url

    def items(self, feed_filter):
        return feed_filter.scenes

    # A feed is read by anyone, signed in or not: it follows the rule for readers who have said nothing, and a
    # spoiler is named by its drama and episode only, its description and tropes left for its page.
    everyone = ViewerPreferences(None)

    def item_title(self, scene):
        if self.everyone.spoiler(scene):
            return spoiler_title(drama=inline_name(scene.drama), episode=scene.episode)
        # The Hangul names first for a Korean reader (a feed at a /ko/ address), as on the pages.
        names = {
            "hugger": first_name(scene.hugger),
            "hugged": first_name(scene.hugged),
            "drama": inline_name(scene.drama),
        }
        if scene.episode is None:  # no source says which
            return _("%(hugger)s → %(hugged)s: %(drama)s") % names
        return _("%(hugger)s → %(hugged)s: %(drama)s, episode %(episode)s") % {**names, "episode": scene.episode}

    def item_description(self, scene):
        parts = []
        if self.everyone.spoiler(scene):  # its sources' titles and quotes tell the story too
            parts.append(_("Spoiler warning: it gives away a turn of the story. Open the scene to see it."))
        else:
            parts.append(scene.description)
            tropes = ", ".join(first_name(trope) for trope in scene.public_tropes())
            if tropes:
                parts.append(_("Tropes: %(tropes)s.") % {"tropes": tropes})
            sources = [citation(source) for source in scene.sources.all()]
            if sources:
                parts.append(_("Sources: %(sources)s.") % {"sources": "; ".join(sources)})
        if scene.is_illustrative:
            parts.append(_("Illustrative: an invented example, not a documented moment of the drama."))
        parts.append(
            _("Fans' verdict so far: %(awesome)s awesome, %(awkward)s awkward.")
            % {"awesome": scene.awesome_count, "awkward": scene.awkward_count}
        )
        return "\n\n".join(parts)

    def item_link(self, scene):
        return scene.get_absolute_url()

    def item_pubdate(self, scene):
        return scene.published_at

    def item_updateddate(self, scene):
        # Atom requires <updated>; the scene's updated_at moves with every vote, which is no news to a feed reader.
        return scene.published_at

    def item_categories(self, scene):
        if self.everyone.spoiler(scene):
            return []
        return [first_name(trope) for trope in scene.public_tropes()]


class NewScenesAtomFeed(NewScenesFeed):
    feed_type = Atom1Feed
    url_name = "scenes:feed"
