"""How the site looks in a real browser, at 390 and 1280 px: the dark theme follows the reader's system."""

import pytest

from tests.browser.catalogue import small_catalogue

pytestmark = [
    pytest.mark.browser,
    # The live server reads committed rows from its own thread; serialized_rollback restores the taxonomy after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# The relative luminance (WCAG) of the page's background and of its text, and the colour scheme it announces.
LOOK = """() => {
  const luminance = colour => {
    const [r, g, b] = colour.match(/[\\d.]+/g).slice(0, 3).map(v => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const background = [document.body, document.documentElement]
    .map(element => getComputedStyle(element).backgroundColor)
    .find(colour => colour !== 'rgba(0, 0, 0, 0)');
  const meta = document.querySelector('meta[name="color-scheme"]');
  return {
    background: luminance(background),
    text: luminance(getComputedStyle(document.querySelector('main h1')).color),
    scheme: getComputedStyle(document.documentElement).colorScheme,
    meta: meta ? meta.content : null,
  };
}"""


def test_the_dark_theme_follows_the_readers_system(open_page, width):
    catalogue = small_catalogue()
    light, dark = open_page(width, "light"), open_page(width, "dark")
    for path in ["/", "/scenes/", catalogue.first_hug.get_absolute_url(), "/accounts/login/"]:
        light.goto(path)
        dark.goto(path)
        in_light, in_dark = light.evaluate(LOOK), dark.evaluate(LOOK)
        assert in_light["background"] > 0.7 and in_light["text"] < 0.2, (path, in_light)
        assert in_dark["background"] < 0.1 and in_dark["text"] > 0.5, (path, in_dark)
        # Both themes are announced, so the browser draws form controls and scrollbars to match.
        assert "dark" in in_dark["scheme"] and "light" in in_dark["scheme"], (path, in_dark)
        assert "dark" in (in_dark["meta"] or ""), (path, in_dark)
