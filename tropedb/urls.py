from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.static import serve

from community.preferences.views import choose_language
from community.signin import admin_login
from scenes.catalogue.sitemaps import SITEMAPS, robots_txt

admin.site.site_header = _("tropedb moderation")
admin.site.site_title = _("tropedb moderation")
admin.site.index_title = _("Catalogue and community")
# Moderators sign in on the site's sign-in page, under its limits on wrong passwords.
admin.site.login = admin_login

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("edge.urls")),
    path("api/", include("api.urls")),
    path("robots.txt", robots_txt, name="robots"),
    path(
        "sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap"}, name="sitemap-index"
    ),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    # The language chooser on every page: /language/ko/?next=/scenes/12/ (one address for every language).
    path("language/<str:code>/", choose_language, name="choose-language"),
]

# The site's pages, in English at the addresses they always had and in Korean under /ko/ (edge/locale.py).
urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("", include("notifications.urls")),
    path("", include("community.urls")),
    path("", include("scenes.urls")),
    prefix_default_language=False,
)

if settings.SERVE_MEDIA:
    # Uploaded screenshots from MEDIA_ROOT; production may put a bucket or CDN in front instead.
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [re_path(rf"^{media_prefix}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]

handler400 = "scenes.errors.bad_request"
handler403 = "scenes.errors.permission_denied"
handler404 = "scenes.errors.page_not_found"
handler500 = "scenes.errors.server_error"
