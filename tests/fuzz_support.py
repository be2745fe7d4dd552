"""
What the fuzz test (tests/test_fuzz.py) sends: a request for a URL pattern, built by hypothesis from hostile
parts: path values, query strings, form and JSON bodies, headers and methods.
"""

import json
import re
from dataclasses import dataclass, field
from urllib.parse import quote

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern
from hypothesis import strategies as st

METHODS = ["GET", "GET", "GET", "POST", "POST", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS"]
# Query parameters the site's pages and API read, and a few they don't.
PARAMETERS = [
    "q", "drama", "trope", "exclude", "actor", "sort", "verdict", "page", "page_size", "year", "format", "next",
    "search", "ordering", "episode", "spoilers", "tab", "o", "p", "e", "_changelist_filters", "utm_source",
]  # fmt: skip
FORM_FIELDS = [
    "verdict", "body", "parent", "reason", "name", "login", "password", "email", "username", "drama", "episode",
    "start", "end", "hugger", "hugged", "description", "tropes", "trope", "agrees", "favourite", "hidden_tropes",
    "action", "_selected_action", "select_across", "post", "next", "confirm_not_duplicate", "title", "year",
]  # fmt: skip
ROLES = ["anonymous", "fan", "banned", "moderator"]

# Text as hostile users type it: control characters, NUL, Hangul, emoji, markup, SQL, very long runs.
hostile_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", " ", "0", "-1", "1e309", "NaN", "' OR 1=1 --", "<script>alert(1)</script>", "..", "%",
                     "\x00", "a\x00b", "\u202e", "상속자들", "💞", "9" * 40, "x" * 3000, "[]", "{}", "null"]),
)  # fmt: skip
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | hostile_text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(hostile_text, children, max_size=4),
    max_leaves=12,
)


@dataclass
class Pattern:
    """A URL pattern as the levels of resolvers it sits under, each a route or a regular expression."""

    levels: list
    name: str = field(default="")

    def __str__(self):
        return "".join(str(level) for level in self.levels)


def url_patterns() -> list[Pattern]:
    def walk(patterns, levels):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                yield from walk(entry.url_patterns, [*levels, entry.pattern])
            elif isinstance(entry, URLPattern):
                yield Pattern([*levels, entry.pattern], entry.name or "")

    return list(walk(get_resolver().url_patterns, []))


CONVERTER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<parameter>[^>]+)>")


def segment(level, known: dict) -> st.SearchStrategy[str]:
    """A string the level matches (mostly), with values drawn from known objects or hostile text."""
    if isinstance(level, RoutePattern):
        route = str(level)
        parts, last = [], 0
        for match in CONVERTER.finditer(route):
            parts.append(st.just(route[last : match.start()]))
            parts.append(value(match.group("converter") or "str", known))
            last = match.end()
        parts.append(st.just(route[last:]))
        return st.tuples(*parts).map("".join)
    expression = level.regex.pattern.removeprefix("^").removesuffix(r"\Z").removesuffix("$")
    return st.one_of(st.from_regex(f"^{expression}$", fullmatch=True), st.just(_sample(expression, known)))


def _sample(expression: str, known: dict) -> str:
    """A plausible match of an admin or allauth regex, with a known object's id in each group."""
    return re.sub(r"\(\?P<[^>]+>[^)]*\)", str(known["int"][0]), expression).replace("\\", "")


def value(converter: str, known: dict) -> st.SearchStrategy[str]:
    if converter == "int":
        return st.one_of(st.sampled_from(known["int"]), st.integers(0, 2**70)).map(str)
    choices = st.sampled_from(known["slug"])
    if converter == "slug":
        return st.one_of(choices, st.from_regex(r"^[-a-zA-Z0-9_]{1,80}$", fullmatch=True))
    return st.one_of(choices, hostile_text.filter(lambda text: text and "/" not in text))


@st.composite
def requests(draw, pattern: Pattern, known: dict):
    path = "/" + "".join(draw(segment(level, known)) for level in pattern.levels)
    query = draw(st.lists(st.tuples(st.sampled_from(PARAMETERS) | hostile_text, hostile_text), max_size=5))
    method = draw(st.sampled_from(METHODS))
    headers = draw(
        st.dictionaries(
            st.sampled_from(
                [
                    "HTTP_ACCEPT",
                    "HTTP_HX_REQUEST",
                    "HTTP_AUTHORIZATION",
                    "HTTP_X_FORWARDED_FOR",
                    "HTTP_IF_NONE_MATCH",
                    "HTTP_ACCEPT_LANGUAGE",
                    "HTTP_REFERER",
                    "HTTP_RANGE",
                    "HTTP_HX_TARGET",
                    "HTTP_IF_MODIFIED_SINCE",
                ]
            ),  # fmt: skip
            st.sampled_from(
                [
                    "true",
                    "text/html",
                    "application/json",
                    "*/*",
                    "Token tdb_nope",
                    "Bearer x",
                    "1.2.3.4",
                    '"abc"',
                    "bytes=0-",
                    "en",
                    "https://evil.example/",
                ]
            )
            | hostile_text.map(_latin1),
            max_size=3,
        )  # fmt: skip
    )
    body_kind = draw(st.sampled_from(["none", "form", "json", "raw"])) if method not in ("GET", "HEAD") else "none"
    body = {}
    if body_kind == "form":
        fields = st.sampled_from(FORM_FIELDS) | hostile_text
        body = {"data": draw(st.dictionaries(fields, hostile_text | st.sampled_from(known["form"]), max_size=8))}
    elif body_kind == "json":
        body = {"data": json.dumps(draw(json_values)), "content_type": "application/json"}
    elif body_kind == "raw":
        content_type = draw(st.sampled_from(["application/json", "text/plain", "application/x-www-form-urlencoded",
                                             "multipart/form-data; boundary=x", "application/xml"]))  # fmt: skip
        body = {"data": draw(st.binary(max_size=200)), "content_type": content_type}
    return {
        "role": draw(st.sampled_from(ROLES)),
        "method": method,
        "path": quote(path, safe="/:@!$&'()*+,;=-._~"),
        "query": query,
        "headers": headers,
        **body,
    }


def _latin1(text: str) -> str:
    """Header values travel as latin-1 in WSGI."""
    return text.encode("latin-1", "replace").decode("latin-1")
