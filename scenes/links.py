"""
reverse() remembered, for the links every scene card repeats (a drama's page, a trope's page): a page of
cards asks for the same few URLs over and over, and each reverse() walks the URL patterns again.
"""

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language


def cached_reverse(viewname: str, *args) -> str:
    # The URL conf, script prefix and language (/ko/...) are part of the key: a URL is only reused where it would
    # be the same.
    return _reverse(get_urlconf() or settings.ROOT_URLCONF, get_script_prefix(), get_language(), viewname, args)


def reverser():
    """cached_reverse with the URL conf, script prefix and language looked up once, for a loop that links many
    things."""
    urlconf, prefix, language = get_urlconf() or settings.ROOT_URLCONF, get_script_prefix(), get_language()
    return lambda viewname, *args: _reverse(urlconf, prefix, language, viewname, args)


@lru_cache(maxsize=4096)
def _reverse(urlconf: str, prefix: str, language: str, viewname: str, args: tuple) -> str:
    return reverse(viewname, urlconf=urlconf, args=args)
