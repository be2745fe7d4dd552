"""The stylesheets' colours, read the way the cascade picks them (tests/style_support.py): text stays readable."""

import pytest

from tests.style_support import colour, contrast, declared

# The pressed (aria-pressed="true") buttons a fan sees after voting, each with the chain of rules that style it.
PRESSED = {
    "trope vote": ['.mini-button[aria-pressed="true"]', ".mini-button", "button"],
    "awesome vote": [
        '.vote-button--awesome[aria-pressed="true"]',
        '.vote-button[aria-pressed="true"]',
        ".vote-button",
        "button",
    ],
    "awkward vote": [
        '.vote-button--awkward[aria-pressed="true"]',
        '.vote-button[aria-pressed="true"]',
        ".vote-button",
        "button",
    ],
    "favourite": ['.favourite__button[aria-pressed="true"]', ".favourite__button", "button"],
}


@pytest.mark.parametrize("button", PRESSED)
def test_a_pressed_button_keeps_its_label_readable(button):
    chain = PRESSED[button]
    text, background = colour(chain, "color"), colour(chain, "background")
    assert contrast(text, background) >= 4.5, f"{button}: {text} on {background}"


@pytest.mark.parametrize("button", ["trope vote", "awesome vote"])
def test_a_pressed_button_looks_different_from_an_unpressed_one(button):
    pressed, unpressed = PRESSED[button], PRESSED[button][1:]
    if "aria-pressed" in unpressed[0]:
        unpressed = unpressed[1:]
    assert colour(pressed, "background") != colour(unpressed, "background")


@pytest.mark.parametrize("width", [360, 390, 600, 759])
def test_the_header_wraps_on_a_phone_rather_than_scrolling_sideways_or_clipping(width):
    # A scrolling strip with its scrollbar hidden cut "Help classify" off; a long username pushed the page wider.
    assert declared(".site-nav", "overflow-x", width=width) in (None, "visible")
    assert declared(".site-nav ul", "flex-wrap", width=width) == "wrap"
    assert declared(".account-nav", "flex-wrap", width=width) == "wrap"
    assert declared(".account-nav__me", "text-overflow", width=width) == "ellipsis"
