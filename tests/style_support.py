"""
Reading the site's stylesheets as a browser would for one element, enough to check colours without a browser:
the declarations of a chain of selectors (most specific first, the way the cascade would pick), custom
properties resolved from ``:root`` in the light scheme or under ``prefers-color-scheme: dark``, and the WCAG
contrast ratio of two colours. The browser tests look at the real pages; these say which rule is wrong.
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

STATIC_CSS = Path(__file__).resolve().parent.parent / "static" / "css"
# The stylesheets every page links, in their order in templates/base.html (later ones win a tie).
SITE_SHEETS = ("site.css", "shares.css", "community.css", "languages.css", "dark.css")
DARK = "(prefers-color-scheme: dark)"


@dataclass(frozen=True)
class Rule:
    media: str  # "" outside any @media
    selectors: tuple[str, ...]
    declarations: tuple[tuple[str, str], ...]


def _normalise_selector(selector: str) -> str:
    return re.sub(r"\s+", " ", selector.strip()).replace("'", '"')


def parse(css: str, media: str = "") -> list[Rule]:
    """The rules of ``css``, each @media block's rules marked with its condition (one level deep, as the site's)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    rules, at = [], 0
    while True:
        brace = css.find("{", at)
        if brace == -1:
            return rules
        head = css[at:brace].strip()
        if head.startswith("@media"):
            depth, end = 1, brace + 1
            while depth:
                depth += {"{": 1, "}": -1}.get(css[end], 0)
                end += 1
            rules += parse(css[brace + 1 : end - 1], media=head.removeprefix("@media").strip())
            at = end
            continue
        end = css.index("}", brace)
        declarations = []
        for part in css[brace + 1 : end].split(";"):
            if ":" in part and not part.strip().startswith("//"):
                name, value = part.split(":", 1)
                declarations.append((name.strip().lower(), value.strip()))
        selectors = tuple(_normalise_selector(s) for s in head.split(","))
        rules.append(Rule(media=media, selectors=selectors, declarations=tuple(declarations)))
        at = end + 1


@cache
def site_rules() -> tuple[Rule, ...]:
    return tuple(rule for sheet in SITE_SHEETS for rule in sheet_rules(sheet))


@cache
def sheet_rules(sheet: str) -> tuple[Rule, ...]:
    return tuple(parse((STATIC_CSS / sheet).read_text()))


def applies(rule: Rule, scheme: str, width: int) -> bool:
    """Whether ``rule``'s media condition holds for a screen in ``scheme`` ("light"/"dark") ``width`` px wide."""
    if not rule.media:
        return True
    for condition in re.findall(r"\(([^()]+)\)", rule.media):
        name, _, value = (part.strip() for part in condition.partition(":"))
        if name == "prefers-color-scheme" and value != scheme:
            return False
        if name == "max-width" and width > int(value.removesuffix("px")):
            return False
        if name == "min-width" and width < int(value.removesuffix("px")):
            return False
        if name in ("forced-colors", "prefers-reduced-motion", "prefers-contrast"):
            return False
    return True


def declared(selector: str, prop: str, *, scheme: str = "light", width: int = 1280) -> str | None:
    """The last value ``selector`` (exactly, as one of a rule's selectors) gets for ``prop``, or None."""
    found = _declared_at(selector, prop, scheme=scheme, width=width)
    return found[1] if found else None


def _declared_at(selector: str, prop: str, *, scheme: str, width: int) -> tuple[int, str] | None:
    """Where (the rule's place among all the site's rules) and what ``selector`` last declares for ``prop``."""
    found = None
    for position, rule in enumerate(site_rules()):
        if _normalise_selector(selector) in rule.selectors and applies(rule, scheme, width):
            for name, rule_value in rule.declarations:
                if name == prop:
                    found = (position, rule_value.removesuffix("!important").strip())
    return found


def specificity(selector: str) -> tuple[int, int, int]:
    """(ids, classes + attributes + pseudo-classes, elements + pseudo-elements), as the cascade weighs them."""
    selector = re.sub(r"\[[^\]]*\]", ".attribute", selector).replace(":not(", " ").replace(")", "")
    ids = selector.count("#")
    elements = len(re.findall(r"::[\w-]+", selector))
    selector = re.sub(r"::[\w-]+", "", selector)
    classes = len(re.findall(r"[.:][\w-]+", selector))
    elements += len(re.findall(r"(?:^|[\s>+~])([a-z][\w-]*)", selector))
    return ids, classes, elements


def custom_property(name: str, *, scheme: str = "light") -> str:
    value = declared(":root", name, scheme=scheme)
    assert value is not None, f"{name} is not defined on :root"
    return resolve(value, scheme=scheme)


def resolve(value: str, *, scheme: str = "light") -> str:
    return re.sub(r"var\((--[\w-]+)\)", lambda match: custom_property(match.group(1), scheme=scheme), value)


COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}\b|rgba?\([^)]*\)|\bwhite\b|\bblack\b|\btransparent\b")


def colour(chain: list[str], prop: str, *, scheme: str = "light", width: int = 1280) -> str:
    """
    The colour ``prop`` ("color" or "background") takes on an element that every selector of ``chain`` matches:
    as the cascade picks, the most specific declaration wins, and among equally specific ones the later. A
    background is read from ``background-color`` or the ``background`` shorthand (its last colour, the layer
    under any gradient).
    """
    props = ("background-color", "background") if prop == "background" else (prop,)
    candidates = []
    for selector in chain:
        for name in props:
            found = _declared_at(selector, name, scheme=scheme, width=width)
            if found is not None:
                candidates.append((specificity(selector), found[0], selector, name, found[1]))
    assert candidates, f"none of {chain} declares {prop}"
    *_, selector, name, value = max(candidates)
    colours = COLOUR.findall(resolve(value, scheme=scheme))
    assert colours, f"{selector} {{ {name}: {value} }} names no colour"
    return colours[-1]


def rgb(value: str) -> tuple[float, float, float]:
    """A colour's red, green and blue; a see-through one (rgba, #rrggbbaa) is read as if it were opaque."""
    value = {"white": "#ffffff", "black": "#000000"}.get(value, value)
    if value.startswith("rgb"):
        return tuple(float(part) for part in re.findall(r"[\d.]+", value)[:3])
    digits = value.lstrip("#")
    if len(digits) in (3, 4):
        digits = "".join(d * 2 for d in digits)
    return tuple(int(digits[i : i + 2], 16) for i in (0, 2, 4))


def opacity(value: str) -> float:
    """How opaque a colour is, 0 to 1 (``rgba()``'s fourth number, ``#rrggbbaa``'s last pair)."""
    if value == "transparent":
        return 0.0
    if value.startswith("rgba"):
        return float(re.findall(r"[\d.]+", value)[3])
    digits = value.lstrip("#")
    if len(digits) in (4, 8):
        return int(digits[-2:] if len(digits) == 8 else digits[-1] * 2, 16) / 255
    return 1.0


def luminance(value: str) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(c) for c in rgb(value))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(foreground: str, background: str) -> float:
    """The WCAG 2 contrast ratio, 1 to 21; 4.5 is AA for text, 3 for large text and controls' edges."""
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
