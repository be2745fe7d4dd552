"""
HTTP caching headers, so browsers, a reverse proxy (deploy/nginx/) or a CDN can carry part of the load.

- An anonymous page: ``Cache-Control: public, max-age=0, s-maxage=N, stale-while-revalidate=..., stale-if-error=...``.
  Browsers ask again every time (and get a 304 when their copy is current); shared caches keep the page at most
  N seconds (``SHARED_MAX_AGE``, fewer when the site's own copy is closer to its end), may serve it a little
  longer while they fetch a fresh one, and a day longer when the site fails. An ETag (a digest of the body;
  ``-gzip`` added to it for the compressed body, a different representation) answers ``If-None-Match`` with 304.
- A signed-in fan's page (or any request with a session cookie or an API token): ``Cache-Control: private,
  no-store``: no cache anywhere keeps it.
- Both: ``Vary: Accept, Accept-Encoding, Authorization, Cookie, HX-Request``, everything the site's answer
  depends on besides the URL (edge.locale adds ``Accept-Language`` where the address does not name the language).
"""

from django.conf import settings
from django.utils.cache import patch_vary_headers

SHARED_MAX_AGE = getattr(settings, "EDGE_SHARED_MAX_AGE", 2)
STALE_WHILE_REVALIDATE = getattr(settings, "EDGE_STALE_WHILE_REVALIDATE", 10)
STALE_IF_ERROR = getattr(settings, "EDGE_STALE_IF_ERROR", 24 * 60 * 60)
VARY = ("Accept", "Accept-Encoding", "Authorization", "Cookie", "HX-Request")


def shared_cache_control(seconds_left: int) -> str:
    shared = max(0, min(SHARED_MAX_AGE, seconds_left))
    return (
        f"public, max-age=0, s-maxage={shared}, stale-while-revalidate={STALE_WHILE_REVALIDATE}, "
        f"stale-if-error={STALE_IF_ERROR}"
    )


def mark_shared(response, *, etag: str, gzipped: bool, age: int, seconds_left: int, outcome: str):
    response["Cache-Control"] = shared_cache_control(seconds_left)
    response["ETag"] = f'{etag[:-1]}-gzip"' if gzipped else etag
    response["Age"] = str(age)
    response["X-Edge-Cache"] = outcome
    patch_vary_headers(response, VARY)
    return response


def mark_personal(response):
    """A page for one reader: nothing keeps it, unless the view said otherwise (never_cache says more)."""
    if not response.has_header("Cache-Control"):
        response["Cache-Control"] = "private, no-store"
    patch_vary_headers(response, VARY)
    return response


def etag_matches(request, etag: str) -> bool:
    """If-None-Match, compared weakly (RFC 9110) as a GET should: the body's digest, compressed or not, with or
    without W/; or "*"."""
    header = request.META.get("HTTP_IF_NONE_MATCH", "")
    if not header:
        return False
    digest = etag.strip('"')
    for tag in header.split(","):
        tag = tag.strip().removeprefix("W/").strip('"')
        if tag in ("*", digest, f"{digest}-gzip"):
            return True
    return False


def accepts_gzip(request) -> bool:
    return "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
