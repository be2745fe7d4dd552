"""The site's URLs and /bench/bare/, a view that does nothing (bench/server_settings.py)."""

from django.http import HttpResponse
from django.urls import path

from edge.freshness import never_kept
from tropedb.urls import *  # noqa: F403
from tropedb.urls import urlpatterns as site_urlpatterns


@never_kept
def bare(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare), *site_urlpatterns]
