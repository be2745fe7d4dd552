"""
Which language a request is answered in, decided before the response cache (which keeps pages per language) and
before anything may answer (error pages are translated too). README "Languages" says why it works this way.

- Every page of the site (the URL patterns under ``i18n_patterns`` in tropedb/urls.py) has two addresses: its
  English one, as it always was (``/scenes/12/``), and the same under ``/ko/`` (``/ko/scenes/12/``). The address
  decides the language, so every cache (this site's, nginx's, a CDN's) keeps one language per URL, and search
  engines find each language at its own URL (the pages' ``hreflang`` alternates).
- At a page's English address, a reader whose language is another is sent there (302): their language is the one
  they chose (the language cookie: the chooser on every page, a fan's setting when they sign in) or, without a
  choice, their browser's ``Accept-Language``. Only plain GET and HEAD navigations are sent on (not htmx, not JSON);
  the English answer says ``Vary: Accept-Language`` so that no shared cache hands it to such a reader.
- Everything else (the API, the admin, /healthz, addresses no page has) is answered in the reader's language,
  found the same way, also with ``Vary: Accept-Language``.
"""

import functools

from django.conf import settings
from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from django.urls import is_valid_path
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.encoding import escape_uri_path

CHOSEN_ATTRIBUTE = "chosen_language"


def preferred_language(request) -> str:
    """The reader's language: the one they chose (the cookie), else their browser's first that the site speaks."""
    return translation.get_language_from_request(request, check_path=False)


def remember_choice(request, code: str) -> None:
    """Have the answer to ``request`` set the language cookie to ``code`` (a fan signing in, the chooser)."""
    setattr(request, CHOSEN_ATTRIBUTE, code)


def address_in(language: str, path: str) -> str:
    """``path`` (a page's address, in any language, without its query) in ``language``: the /ko/ prefix added,
    changed or taken away. An address that is no page of the site is returned as it is."""
    current = translation.get_language_from_path(path)
    bare = path[len(current) + 1 :] or "/" if current else path
    if not is_page(bare):
        return path
    return bare if language == settings.LANGUAGE_CODE else f"/{language}{bare}"


def is_page(path: str) -> bool:
    """Whether ``path`` (an English address) is one of the site's pages, which have an address per language."""
    return _is_page(settings.ROOT_URLCONF, path)


@functools.lru_cache(maxsize=4096)
def _is_page(urlconf: str, path: str) -> bool:
    # Any other language will do: every page has the same patterns in each.
    other = next(code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE)
    with translation.override(other):
        return is_valid_path(f"/{other}{path}", urlconf)


def _sent_on(request) -> bool:
    """A plain navigation a browser makes (not htmx's, not a request for JSON, not a form's post)."""
    if request.method not in ("GET", "HEAD") or request.META.get("HTTP_HX_REQUEST") == "true":
        return False
    return "application/json" not in request.META.get("HTTP_ACCEPT", "")


def _address(request, path_info: str) -> str:
    """``path_info`` as a URL on this site, with the request's query string."""
    address = escape_uri_path(f"{request.META.get('SCRIPT_NAME', '')}{path_info}")
    query = request.META.get("QUERY_STRING", "")
    return f"{address}?{query}" if query else address


def _redirect(request, language: str):
    response = HttpResponseRedirect(_address(request, f"/{language}{request.path_info}"))
    # This answer depends on who asks (Vary, below): no cache keeps it.
    response["Cache-Control"] = "private, no-store"
    return response


def _files_prefixes() -> tuple[str, ...]:
    return tuple(prefix for prefix in (settings.STATIC_URL, settings.MEDIA_URL) if prefix and prefix.startswith("/"))


class LanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        # Static files and screenshots are the same in every language: left alone, with no Vary to split caches.
        self.files = _files_prefixes()

    def __call__(self, request):
        if request.path_info.startswith(self.files):
            return self.get_response(request)
        from_path = translation.get_language_from_path(request.path_info)
        response = None
        if from_path == settings.LANGUAGE_CODE and _sent_on(request):
            # /en/scenes/ is the English page's only other spelling: its address has no prefix.
            english = address_in(from_path, request.path_info)
            if english != request.path_info:
                return HttpResponsePermanentRedirect(_address(request, english))
        if from_path:
            language = from_path
        elif is_page(request.path_info):
            language = settings.LANGUAGE_CODE
            wanted = preferred_language(request)
            if wanted != language and _sent_on(request):
                response = _redirect(request, wanted)
        else:
            language = preferred_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        if response is None:
            response = self.get_response(request)
        if not from_path:
            patch_vary_headers(response, ("Accept-Language",))
        response.headers.setdefault("Content-Language", language)
        chosen = getattr(request, CHOSEN_ATTRIBUTE, None)
        if chosen:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                chosen,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response
