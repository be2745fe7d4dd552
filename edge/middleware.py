"""
The response cache: anonymous readers' pages (HTML and API GETs) served from a kept copy before the session,
the user, CSRF and the view are touched.

A request is a shared one when it is a GET or HEAD without a session cookie, a messages cookie or an
``Authorization`` header: it is an anonymous reader, and every anonymous reader of a URL gets the same page. Its
copy is kept under the URL (scheme, host, path and query), whether htmx asked and whether JSON was asked for,
the language it is answered in (edge.locale: a page's address names it, the API follows the reader's), and the
site's build (templates and static files, so a deploy starts afresh). A copy is served while the
generations it was rendered under are current and it is younger than the view's ``fresh_for``
(edge.freshness); otherwise the page is rendered again and kept, if it is a 200 or a 301 that sets no cookie
and does not forbid keeping. When the render fails (a 5xx: the database unreachable, say), the last copy is
served instead, however old.

Anything else (a signed-in fan, a form post) goes through untouched, marked private (edge.headers).
"""

import functools
import hashlib
import logging
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified
from django.template import engines
from django.urls import Resolver404, get_urlconf, resolve
from django.utils.translation import get_language

from . import store
from .freshness import generations, moved_within, rule_for
from .headers import accepts_gzip, etag_matches, mark_personal, mark_shared
from .replicas import reads_on_primary

logger = logging.getLogger(__name__)

KEPT_STATUSES = {200, 301}
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
NOT_KEPT_PATHS = ("/admin/",)


def view_rule(path: str):
    """The rule of the view ``path`` leads to and the URL's arguments (None: no view); kept, as a URL always leads
    to the same view under one URLconf, so a page served from the cache costs no walk through the URL patterns."""
    return _view_rule(settings.ROOT_URLCONF, get_urlconf(), path, get_language())


@functools.lru_cache(maxsize=4096)
def _view_rule(root_urlconf: str, urlconf, path: str, language: str):
    # The language is part of the key: /ko/... leads to a page only while Korean is active (i18n_patterns).
    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return None
    return rule_for(match.func), match.kwargs


def is_shared_request(request) -> bool:
    if request.method not in ("GET", "HEAD") or not settings.EDGE_RESPONSE_CACHE:
        return False
    if "HTTP_AUTHORIZATION" in request.META or any(name in request.COOKIES for name in PERSONAL_COOKIES):
        return False
    return not request.path_info.startswith(NOT_KEPT_PATHS)


def page_key(request, build: str) -> str:
    wants_json = "application/json" in request.META.get("HTTP_ACCEPT", "")
    htmx = request.META.get("HTTP_HX_REQUEST") == "true"
    language = get_language()
    address = f"{request.scheme}|{request.get_host()}|{request.get_full_path()}|{htmx:d}|{wants_json:d}|{language}"
    return f"edge:page:{build}:{hashlib.blake2b(address.encode(), digest_size=16).hexdigest()}"


def is_keepable(response) -> bool:
    if response.status_code not in KEPT_STATUSES or response.streaming or response.cookies:
        return False
    control = response.get("Cache-Control", "").lower()
    return not any(word in control for word in ("private", "no-store", "no-cache"))


def build_digest() -> str:
    """The site's build: the templates' and collected static files' names, sizes and times. A deploy that changes
    any of them makes every key new, so no page rendered by the old code (naming old static files) is served."""
    folders = [Path(folder) for engine in engines.all() for folder in engine.template_dirs]
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    files = [manifest] if manifest.exists() else []
    for folder in folders:
        if folder.is_dir():
            files += sorted(folder.rglob("*.html"))
    digest = hashlib.blake2b(digest_size=6)
    for path in files:
        status = path.stat()
        digest.update(f"{path}|{status.st_size}|{status.st_mtime_ns}\n".encode())
    return digest.hexdigest()


class ResponseCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.build = build_digest()

    def __call__(self, request):
        if not is_shared_request(request):
            response = self.get_response(request)
            if request.method in ("GET", "HEAD"):
                mark_personal(response)
            store.count("bypass")
            return response
        found = view_rule(request.path_info)
        if found is None:
            return self.get_response(request)  # A "not found" page: not kept.
        if found[0] is None:
            return mark_personal(self.get_response(request))  # A view whose answers are never kept (never_kept).
        rule, url_kwargs = found
        key = page_key(request, self.build)
        try:
            current = generations(rule.tags(url_kwargs))
            entry, from_local = store.find(key)
            now = store.now()
            if entry is not None and from_local and not self._is_current(entry, current, rule, now):
                entry, from_local = store.find_shared(key) or entry, False
            if entry is not None and self._is_current(entry, current, rule, now):
                if not from_local:
                    store.remember_locally(key, entry)
                store.count("hit")
                return self._answer(request, entry, rule, now, outcome="hit")
        except Exception:  # The shared cache is down: render as if nothing were kept, keep nothing.
            logger.exception("The response cache could not be read; rendering %s", request.path)
            return self.get_response(request)

        # A page kept for every reader just after its data changed is rendered from the primary: a lagging replica
        # could otherwise put back, for the page's whole freshness time, what the change (a removal, say) took away.
        with reads_on_primary(when=moved_within(current, settings.READ_YOUR_WRITES_SECONDS)):
            response = self.get_response(request)
        if response.status_code >= 500 and entry is not None:
            store.count("stale")
            logger.warning(
                "Serving the last kept copy of %s: the page failed with %s", request.path, response.status_code
            )
            return self._answer(request, entry, rule, store.now(), outcome="stale")
        if request.method != "GET" or not is_keepable(response):
            store.count("bypass")
            return response
        fresh = store.make_entry(response, current)
        try:
            store.keep(key, fresh)
        except Exception:
            logger.exception("The response cache could not keep %s", request.path)
        store.count("miss")
        return self._answer(request, fresh, rule, fresh.stored_at, outcome="miss")

    @staticmethod
    def _is_current(entry, current, rule, now) -> bool:
        return entry.generations == current and entry.age(now) < rule.fresh_for

    @staticmethod
    def _answer(request, entry, rule, now, *, outcome: str):
        age = entry.age(now)
        seconds_left = 0 if outcome == "stale" else rule.fresh_for - age
        gzipped = accepts_gzip(request)
        if etag_matches(request, entry.etag):
            response = HttpResponseNotModified()
        else:
            response = HttpResponse(status=entry.status)
            for name, value in entry.headers:
                response[name] = value
            if gzipped:
                body = entry.body
                response["Content-Encoding"] = "gzip"
            else:
                body = entry.plain_body()
            response["Content-Length"] = str(len(body))
            if request.method == "GET":
                response.content = body
        return mark_shared(
            response, etag=entry.etag, gzipped=gzipped, age=age, seconds_left=seconds_left, outcome=outcome
        )
