"""
What search engines may read: /sitemap.xml (an index of one sitemap per kind of page, each paginated at
SITEMAP_PAGE URLs) and /robots.txt.

Django's Sitemap finds the index's <lastmod> by calling lastmod() on every item; the catalogue's sitemaps
ask the database for the latest date instead, so the index costs one query per section at any size.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from scenes.models import Actor, Drama, Scene, Trope

# Smaller than the 50,000 the protocol allows: each page renders in a fraction of a second.
SITEMAP_PAGE = 5_000


class SceneSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8
    limit = SITEMAP_PAGE

    def items(self):
        return Scene.objects.published().only("pk", "updated_at").order_by("pk")

    def lastmod(self, scene):
        return scene.updated_at

    def get_latest_lastmod(self):
        return Scene.objects.published().aggregate(latest=Max("updated_at"))["latest"]


class DramaSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.7
    limit = SITEMAP_PAGE

    def items(self):
        last_scene = Max("scenes__updated_at", filter=Q(scenes__status="published"))
        return Drama.objects.annotate(last_scene=last_scene).only("slug").order_by("slug")

    def lastmod(self, drama):
        return drama.last_scene

    def get_latest_lastmod(self):
        return Scene.objects.published().aggregate(latest=Max("updated_at"))["latest"]


class ActorSitemap(Sitemap):
    """Actors with at least one published back hug: the others' pages are empty."""

    changefreq = "monthly"
    priority = 0.5
    limit = SITEMAP_PAGE

    def items(self):
        return Actor.objects.public().in_published_scenes().only("slug").order_by("slug")


class TropeSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Trope.objects.only("slug").order_by("slug")


class PageSitemap(Sitemap):
    """The pages that are not one thing of the catalogue."""

    changefreq = "daily"

    def items(self):
        return [
            "scenes:home",
            "scenes:scene-list",
            "scenes:drama-list",
            "scenes:actor-list",
            "scenes:trope-list",
            "scenes:stats",
        ]

    def location(self, name):
        return reverse(name)

    def priority(self, name):
        return 1.0 if name == "scenes:home" else 0.6


SITEMAPS = {
    "pages": PageSitemap,
    "scenes": SceneSitemap,
    "dramas": DramaSitemap,
    "actors": ActorSitemap,
    "tropes": TropeSitemap,
}

ROBOTS = """User-agent: *
Disallow: /admin/
Disallow: /api/
Disallow: /me/
Disallow: /accounts/login/
Disallow: /accounts/signup/
Disallow: /accounts/password/
Disallow: /search/suggest/

Sitemap: {sitemap}
"""


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    """Crawl everything readers see; not moderation, the API, personal pages or account forms."""
    sitemap = request.build_absolute_uri(reverse("sitemap-index"))
    return HttpResponse(ROBOTS.format(sitemap=sitemap), content_type="text/plain; charset=utf-8")
