"""Absolute URLs for what other sites read: canonical links, Open Graph and Twitter card images, feeds."""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import QueryDict
from django.urls import reverse
from django.utils.encoding import escape_uri_path

from edge.locale import address_in, is_page

register = template.Library()

# The catalogue's query parameters that change what a page shows; anything else (utm_*, fbclid...) is noise.
CATALOGUE_PARAMS = ("q", "drama", "actor", "year", "verdict", "trope", "exclude", "sort", "page")


@register.simple_tag(takes_context=True)
def absolute_uri(context, location: str = "") -> str:
    """``location`` (a path or URL) as an absolute URL on this site; the current page's path when empty."""
    request = context.get("request")
    if request is None:
        return location
    return _absolute(request, location or request.path)


def _absolute(request, location: str) -> str:
    try:
        return request.build_absolute_uri(location)
    except DisallowedHost:  # The 400 page for a request to an unknown host: no host to name, the path will do.
        return location


@register.simple_tag(takes_context=True)
def canonical_url(context, keep: str = "page", language: str = "") -> str:
    """
    This page's canonical URL: absolute, with only the query parameters named in ``keep`` (space-separated;
    ``catalogue`` for the catalogue's filters), in a fixed order. ``page=1`` is dropped: it is the page itself.
    With ``language``, the same page's URL in that language (/ko/...).
    """
    request = context.get("request")
    if request is None:
        return ""
    path = escape_uri_path(address_in(language, request.path_info)) if language else request.path
    names = CATALOGUE_PARAMS if keep == "catalogue" else tuple(keep.split())
    kept = QueryDict(mutable=True)
    for name in names:
        values = [value for value in request.GET.getlist(name) if value.strip()]
        if name == "page":
            values = [value for value in values if value != "1"]
        if values:
            kept.setlist(name, values)
    query = kept.urlencode()
    return _absolute(request, path) + (f"?{query}" if query else "")


@register.simple_tag(takes_context=True)
def languages(context, keep: str = "page") -> list[dict]:
    """
    The site's languages for this page: each one's code, name, the page's canonical URL in it (for hreflang
    alternates; None where the page has one address only) and the chooser's link to it (which remembers the choice).
    """
    request = context.get("request")
    if request is None:
        return []
    current = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    localized = is_page(address_in(settings.LANGUAGE_CODE, request.path_info))
    return [
        {
            "code": code,
            "name": name,
            "current": code == current,
            "url": canonical_url(context, keep, code) if localized else None,
            "choose": f"{reverse('choose-language', args=[code])}?{urlencode({'next': request.get_full_path()})}",
        }
        for code, name in settings.LANGUAGES
    ]
