"""
The parts of the stats page's charts: bars, rows, table cells and a chart that lays them out. Charts are
horizontal bars: one row per item, its label and value on a line of text, its bar below. They use pixel
heights and percentage widths without a viewBox, so on a phone the bars narrow while the text keeps its size.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from scenes.links import cached_reverse

LABEL_LINE = 22  # Height of the text line above the bars; the text's baseline sits at 15.
BASELINE = 15
ROW_GAP = 14
BAR_GAP = 4
MIN_WIDTH = 0.8  # Percent: a non-zero value stays visible (its number is in the text and the table).


def catalogue_url(**params) -> str:
    """The catalogue filtered by ``params`` (``trope`` may be a list)."""
    query = urlencode({key: value for key, value in params.items() if value not in (None, "")}, doseq=True)
    return f"{cached_reverse('scenes:scene-list')}?{query}" if query else cached_reverse("scenes:scene-list")


@dataclass
class Bar:
    series: str  # CSS modifier: awesome, awkward, count, girl, second, or a trope group's slug
    x: float  # percent of the chart's width
    width: float
    y: int = 0
    height: int = 14
    url: str = ""
    label: str = ""  # the link's accessible name

    @property
    def x_css(self) -> str:
        return f"{self.x:.2f}%"

    @property
    def width_css(self) -> str:
        return f"{self.width:.2f}%"


@dataclass
class Row:
    label: str
    value: str
    lines: list[list[Bar]]  # one line of bars (stacked) or one line per series (grouped)
    full_label: str = ""
    url: str = ""  # when set, the whole row's bars are one link (each bar's url is then unused)
    link_label: str = ""
    y: int = 0
    baseline: int = 0
    tracks: list[int] = field(default_factory=list)
    bar_height: int = 14


@dataclass
class Cell:
    text: str
    url: str = ""
    numeric: bool = False


@dataclass
class Chart:
    slug: str
    title: str
    summary: str
    rows: list[Row]
    columns: list[str]
    table: list[list[Cell]]
    legend: list[tuple[str, str]] = field(default_factory=list)
    empty: str = _("No numbers yet: fans have not voted on enough back hugs.")
    label_width: int = 64  # Percent of the width the labels may take (clipped beyond it); values get the rest.
    height: int = 0

    def __post_init__(self):
        self._lay_out()

    @property
    def head(self) -> list[Cell]:
        """The table's column headings, numeric (right-aligned) where the column's cells are."""
        first = self.table[0] if self.table else []
        return [
            Cell(name, numeric=index < len(first) and first[index].numeric) for index, name in enumerate(self.columns)
        ]

    def _lay_out(self):
        """Give each row and bar its vertical position (pixels); widths stay percentages."""
        y = 0
        for row in self.rows:
            row.y, row.baseline = y, y + BASELINE
            bar_y = y + LABEL_LINE
            for line in row.lines:
                row.tracks.append(bar_y)
                for bar in line:
                    bar.y, bar.height = bar_y, row.bar_height
                bar_y += row.bar_height + BAR_GAP
            y = bar_y - BAR_GAP + ROW_GAP
        self.height = max(y - ROW_GAP + 2, 0)


def bar_width(value: float, scale: float) -> float:
    if not value or not scale:
        return 0.0
    return max(100 * value / scale, MIN_WIDTH)


def short(text: str, length: int) -> str:
    return Truncator(text).chars(length)


def plural(count: int, word: str) -> str:
    """``count`` of ``word`` ("vote", "back hug" or "drama") in the reader's language and number."""
    forms = {
        "vote": ngettext("%(count)s vote", "%(count)s votes", count),
        "back hug": ngettext("%(count)s back hug", "%(count)s back hugs", count),
        "drama": ngettext("%(count)s drama", "%(count)s dramas", count),
    }
    return forms[word] % {"count": count}
