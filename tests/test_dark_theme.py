"""
The dark theme (static/css/dark.css, for readers whose system prefers it): announced to the browser, every
surface that was light turns dark, and text stays readable on what it sits on, in both themes.
"""

import pytest

from tests.style_support import (
    COLOUR,
    Rule,
    applies,
    colour,
    contrast,
    declared,
    luminance,
    opacity,
    resolve,
    sheet_rules,
)

LIGHT_SHEETS = ("site.css", "shares.css", "community.css", "languages.css")
THEMES = ["light", "dark"]
# Pictures drawn in CSS, the same in both themes: white letters on a poster's gradient, the brand's mark.
PICTURES = {".drama-card__poster", ".drama-head__poster--empty", ".brand__mark", ".screenshot"}


def plain_selectors(rule: Rule) -> list[str]:
    return [selector for selector in rule.selectors if not selector.startswith(":root")]


def painted(selector: str, prop: str, scheme: str, width: int = 1280) -> str | None:
    """
    The colour ``selector``'s own rules paint for ``prop`` (the last one of a gradient), if any; a mostly
    see-through one is a veil over what lies beneath, not a surface of its own, so it counts as none.
    """
    names = ("background-color", "background") if prop == "background" else (prop,)
    for name in names:
        value = declared(selector, name, scheme=scheme, width=width)
        if value is not None:
            found = COLOUR.findall(resolve(value, scheme=scheme))
            return found[-1] if found and opacity(found[-1]) >= 0.5 else None
    return None


def light_rules(width: int) -> list[Rule]:
    return [rule for sheet in LIGHT_SHEETS for rule in sheet_rules(sheet) if applies(rule, "light", width)]


def test_pages_tell_the_browser_they_have_both_themes(client, db):
    html = client.get("/tropes/").content.decode()
    assert '<meta name="color-scheme" content="light dark">' in html
    assert "css/dark.css" in html
    assert declared(":root", "color-scheme") == "light dark"


@pytest.mark.parametrize("width", [390, 1280])
def test_every_light_surface_turns_dark(width):
    still_light = []
    for rule in light_rules(width):
        for selector in plain_selectors(rule):
            light = painted(selector, "background", "light", width)
            if selector in PICTURES or light is None or luminance(light) < 0.6:
                continue
            dark = painted(selector, "background", "dark", width)
            if dark is None or luminance(dark) > 0.1:
                still_light.append(f"{selector}: {light} → {dark}")
    assert still_light == []


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("scheme", THEMES)
def test_text_is_readable_wherever_a_rule_sets_both_its_colour_and_background(scheme, width):
    unreadable = []
    for rule in light_rules(width):
        for selector in plain_selectors(rule):
            if selector in PICTURES:
                continue
            text = painted(selector, "color", scheme, width)
            background = painted(selector, "background", scheme, width)
            if text and background and contrast(text, background) < 4.5:
                unreadable.append(f"{selector}: {text} on {background} ({contrast(text, background):.2f})")
    assert unreadable == []


# Text, and what it sits on: the components a reader meets on every page, in both themes.
READ_ON = {
    "body text": (["body"], ["body"]),
    "muted text on a card": ([".muted"], [".card"]),
    "a link on the page": (["a"], ["body"]),
    "a link on a card": (["a"], [".card"]),
    "a button": (["button"], ["button"]),
    "a ghost button": ([".button--ghost"], [".card"]),
    "a favourite button": ([".favourite__button"], [".favourite__button"]),
    "the current page in the header": (['.site-nav a[aria-current="page"]'], ['.site-nav a[aria-current="page"]']),
    "a chosen trope": ([".chip--included"], [".chip--included"]),
    "an excluded trope": ([".chip--excluded"], [".chip--excluded"]),
    "a facet's count": ([".count"], [".count"]),
    "an error message": ([".field__error"], [".form-card"]),
    "a comment": (["body"], [".comment > article"]),
    "a message": (["body"], [".message"]),
    "an awkward tally": ([".tally--awkward"], [".card"]),
    "the controversial badge": ([".badge--controversial"], [".badge--controversial"]),
    "the illustrative badge": ([".badge--illustrative"], [".badge--illustrative"]),
    "a notification count": ([".count-badge"], [".count-badge"]),
    "an input's text": (["body"], ["input:not([type])"]),
    "a placeholder": (["input::placeholder"], ["input:not([type])"]),
    "a chart's value": ([".chart__value"], [".chart"]),
    "an error page's status": ([".error-page__code"], ["body"]),
    **{
        f"a {group} trope": ([f".chip--{group}"], [f".chip--{group}"])
        for group in ("classification", "meaning", "anatomy", "consent")
    },
    **{
        f"a pressed {name}": (chain, chain)
        for name, chain in {
            "trope vote": ['.mini-button[aria-pressed="true"]', ".mini-button", "button"],
            "awesome vote": ['.vote-button[aria-pressed="true"]', ".vote-button", "button"],
            "awkward vote": [
                '.vote-button--awkward[aria-pressed="true"]',
                '.vote-button[aria-pressed="true"]',
                ".vote-button",
                "button",
            ],
            "favourite": ['.favourite__button[aria-pressed="true"]', ".favourite__button", "button"],
        }.items()
    },
}


def text_colour(chain: list[str], scheme: str) -> str:
    """SVG text is coloured by ``fill``; everything else by ``color`` (inherited from body when not set)."""
    for selector in chain:
        for prop in ("color", "fill"):
            value = painted(selector, prop, scheme)
            if value:
                return value
    return colour(["body"], "color", scheme=scheme)


@pytest.mark.parametrize("scheme", THEMES)
@pytest.mark.parametrize("what", READ_ON)
def test_each_component_keeps_aa_contrast(what, scheme):
    text_chain, background_chain = READ_ON[what]
    text, background = text_colour(text_chain, scheme), colour(background_chain, "background", scheme=scheme)
    assert contrast(text, background) >= 4.5, f"{what} ({scheme}): {text} on {background}"


# On a phone the catalogue's facets are pills: a chosen or excluded trope's pill is filled, its name drawn on it.
PHONE_FACETS = {
    "a chosen trope": (
        [".facet__item--included .facet__name", ".facet__name"],
        [".facet__item--included", ".facet__item"],
    ),
    "an excluded trope": (
        [".facet__item--excluded .facet__name", ".facet__name"],
        [".facet__item--excluded", ".facet__item"],
    ),
    "a trope": ([".facet__name"], [".facet__item"]),
}


@pytest.mark.parametrize("scheme", THEMES)
@pytest.mark.parametrize("what", PHONE_FACETS)
def test_the_facet_pills_on_a_phone_keep_aa_contrast(what, scheme):
    name, pill = PHONE_FACETS[what]
    text, background = (
        colour(name, "color", scheme=scheme, width=390),
        colour(pill, "background", scheme=scheme, width=390),
    )
    assert contrast(text, background) >= 4.5, f"{what} ({scheme}): {text} on {background}"
