"""
Server-side SVG bar charts for /stats/: the numbers from numbers.py laid out as rows the template draws.

The parts they are drawn with (bars, rows, the layout) are in drawing.py. Every bar links into the catalogue
filtered to the scenes it counts; every chart has a one-sentence summary computed from the same numbers and a
table of them for readers who cannot see it.
"""

from functools import cached_property

from scenes.links import cached_reverse

from .drawing import Bar, Cell, Chart, Row, bar_width, catalogue_url, plural, short
from .numbers import SiteStats, share


def drama_verdict_chart(stats: SiteStats) -> Chart:
    """Awkward vs awesome per drama: a 100% bar each, awesome from the left; most awesome first."""
    dramas = sorted(stats.dramas, key=lambda d: (-(d.tally.awesome_share or 0), -d.tally.votes, d.title))
    rows, table = [], []
    for drama in dramas:
        tally = drama.tally
        awesome_width = 100 * tally.awesome / tally.votes
        awesome_url = catalogue_url(drama=drama.slug, verdict="awesome")
        awkward_url = catalogue_url(drama=drama.slug, verdict="awkward")
        bars = []
        if tally.awesome:
            bars.append(
                Bar(
                    "awesome",
                    0,
                    awesome_width,
                    url=awesome_url,
                    label=f"{drama.title}: {tally.awesome} awesome votes ({tally.awesome_share}%). "
                    "See its mostly awesome back hugs.",
                )
            )
        if tally.awkward:
            bars.append(
                Bar(
                    "awkward",
                    awesome_width,
                    100 - awesome_width,
                    url=awkward_url,
                    label=f"{drama.title}: {tally.awkward} awkward votes ({100 - tally.awesome_share}%). "
                    "See its mostly awkward back hugs.",
                )
            )
        rows.append(
            Row(
                label=short(drama.title, 24),
                full_label=drama.title,
                value=f"{tally.awesome_share}% · {plural(tally.votes, 'vote')}",
                lines=[bars],
                bar_height=16,
            )
        )
        table.append(
            [
                Cell(drama.title, cached_reverse("scenes:drama-detail", drama.slug)),
                Cell(str(tally.scenes), catalogue_url(drama=drama.slug), numeric=True),
                Cell(str(tally.awesome), awesome_url, numeric=True),
                Cell(str(tally.awkward), awkward_url, numeric=True),
                Cell(f"{tally.awesome_share}%", numeric=True),
            ]
        )
    if not dramas:
        summary = "No drama has votes yet."
    elif len(dramas) == 1:
        only = dramas[0]
        summary = f"{only.title} is the only drama with votes: {only.tally.awesome_share}% of them say awesome."
    else:
        best, worst = dramas[0], dramas[-1]
        summary = (
            f"Among the {len(dramas)} dramas fans voted on most, {best.title} reads the most awesome "
            f"({best.tally.awesome_share}% of {plural(best.tally.votes, 'vote')}) and {worst.title} the most "
            f"awkward (only {worst.tally.awesome_share}% awesome)."
        )
    return Chart(
        slug="dramas",
        title="Awkward or awesome, drama by drama",
        summary=summary,
        rows=rows,
        columns=["Drama", "Back hugs", "Awesome", "Awkward", "Awesome share"],
        table=table,
        legend=[("awesome", "Awesome votes"), ("awkward", "Awkward votes")],
        label_width=60,
    )


def year_chart(stats: SiteStats) -> Chart:
    """Back hugs by the broadcast year of their drama."""
    years = stats.years
    most = max((year.scenes for year in years), default=0)
    rows, table = [], []
    counted = {year.year: year for year in years}
    span = range(years[0].year, years[-1].year + 1) if years else []
    for number in span:
        if number not in counted:  # A year without back hugs still takes its place on the time line.
            rows.append(Row(label=str(number), value="none", lines=[[]]))
            continue
        year = counted[number]
        url = catalogue_url(year=year.year)
        label = f"{year.year}: {plural(year.scenes, 'back hug')} from {plural(year.dramas, 'drama')}. See them."
        rows.append(
            Row(
                label=str(year.year),
                value=plural(year.scenes, "back hug"),
                lines=[[Bar("count", 0, bar_width(year.scenes, most), url=url, label=label)]],
            )
        )
        table.append(
            [
                Cell(str(year.year), url),
                Cell(str(year.scenes), url, numeric=True),
                Cell(str(year.dramas), numeric=True),
            ]
        )
    if years:
        peak = max(years, key=lambda year: (year.scenes, year.year))
        summary = (
            f"{plural(stats.overall.scenes, 'back hug')} from dramas broadcast {years[0].year}–{years[-1].year}; "
            f"{peak.year} has the most ({peak.scenes})."
        )
    else:
        summary = "No back hugs are published yet."
    return Chart(
        slug="years",
        title="Back hugs by broadcast year",
        summary=summary,
        rows=rows,
        columns=["Year", "Back hugs", "Dramas"],
        table=table,
        empty="No back hugs are published yet.",
        label_width=45,
    )


def share_by_year_chart(stats: SiteStats) -> Chart:
    """The share of girl-initiated and of second-lead back hugs, year by year (two bars per year)."""
    rows, table = [], []
    for year in stats.years:
        girl_url = catalogue_url(year=year.year, trope="girl-initiated")
        second_url = catalogue_url(year=year.year, trope="second-lead")
        girl, second = year.girl_initiated_share, year.second_lead_share
        rows.append(
            Row(
                label=f"{year.year} · {plural(year.scenes, 'back hug')}",
                value=f"{girl}% · {second}%",
                lines=[
                    [
                        Bar(
                            "girl",
                            0,
                            bar_width(girl, 100),
                            url=girl_url,
                            label=f"{year.year}: {girl}% girl-initiated "
                            f"({year.girl_initiated} of {year.scenes}). See them.",
                        )
                    ],
                    [
                        Bar(
                            "second",
                            0,
                            bar_width(second, 100),
                            url=second_url,
                            label=f"{year.year}: {second}% by a second lead "
                            f"({year.second_lead} of {year.scenes}). See them.",
                        )
                    ],
                ],
                bar_height=11,
            )
        )
        table.append(
            [
                Cell(str(year.year), catalogue_url(year=year.year)),
                Cell(str(year.scenes), numeric=True),
                Cell(str(year.girl_initiated), girl_url, numeric=True),
                Cell(f"{girl}%", numeric=True),
                Cell(str(year.second_lead), second_url, numeric=True),
                Cell(f"{second}%", numeric=True),
            ]
        )
    overall = stats.overall.scenes
    if stats.years:
        peak = max(stats.years, key=lambda year: (year.girl_initiated_share, year.scenes))
        summary = (
            f"Overall {share(stats.girl_initiated, overall)}% of back hugs are girl-initiated and "
            f"{share(stats.second_lead, overall)}% come from a second lead; the girl-initiated share is "
            f"highest in {peak.year} ({peak.girl_initiated_share}% of {plural(peak.scenes, 'back hug')})."
        )
    else:
        summary = "No back hugs are published yet."
    return Chart(
        slug="shares",
        title="Girl-initiated and second-lead back hugs over the years",
        summary=summary,
        rows=rows,
        columns=["Year", "Back hugs", "Girl-initiated", "Share", "By a second lead", "Share"],
        table=table,
        legend=[("girl", "Girl-initiated, % of the year"), ("second", "By a second lead, % of the year")],
        empty="No back hugs are published yet.",
        label_width=50,
    )


def _trope_chart(stats: SiteStats, *, meanings: bool, limit: int | None) -> Chart:
    total = stats.overall.scenes
    counted = [item for item in stats.tropes if item.tally.scenes and (item.trope.group.slug == "meaning") == meanings]
    counted.sort(key=lambda item: (-item.tally.scenes, item.trope.group.position, item.trope.position))
    if limit:
        counted = counted[:limit]
    most = counted[0].tally.scenes if counted else 0
    rows, table = [], []
    for item in counted:
        trope, tally = item.trope, item.tally
        url = catalogue_url(trope=trope.slug)
        part = share(tally.scenes, total)
        rows.append(
            Row(
                label=short(trope.name, 28),
                full_label=trope.name,
                value=f"{tally.scenes} · {part}%",
                lines=[
                    [
                        Bar(
                            trope.group.slug,
                            0,
                            bar_width(tally.scenes, most),
                            url=url,
                            label=f"{trope.name}: {plural(tally.scenes, 'back hug')}, {part}% of all. See them.",
                        )
                    ]
                ],
            )
        )
        cells = [Cell(trope.name, cached_reverse("scenes:trope-detail", trope.slug))]
        if not meanings:
            cells.append(Cell(trope.group.name))
        cells += [
            Cell(str(tally.scenes), url, numeric=True),
            Cell(f"{part}%", numeric=True),
            Cell("–" if tally.awesome_share is None else f"{tally.awesome_share}%", numeric=True),
        ]
        table.append(cells)
    if meanings:
        title = "What back hugs mean"
        if len(counted) >= 2:
            summary = (
                f"Back hugs most often mean {counted[0].trope.name.lower()} ({counted[0].tally.scenes}), "
                f"then {counted[1].trope.name.lower()} ({counted[1].tally.scenes}); "
                f"{counted[-1].trope.name.lower()} is the rarest reading ({counted[-1].tally.scenes})."
            )
        elif counted:
            summary = f"So far only {counted[0].trope.name.lower()} is recorded ({counted[0].tally.scenes})."
        else:
            summary = "No meanings recorded yet."
        columns = ["Meaning", "Back hugs", "Share of all", "Awesome share"]
    else:
        title = "The most common tropes"
        if counted:
            top = counted[0]
            summary = (
                f"{top.trope.name} is the most common trope, on {top.tally.scenes} of "
                f"{plural(total, 'back hug')} ({share(top.tally.scenes, total)}%)."
            )
        else:
            summary = "No tropes recorded yet."
        columns = ["Trope", "Group", "Back hugs", "Share of all", "Awesome share"]
    groups = []
    for item in counted:
        if (item.trope.group.slug, item.trope.group.name) not in groups:
            groups.append((item.trope.group.slug, item.trope.group.name))
    return Chart(
        slug="meanings" if meanings else "tropes",
        title=title,
        summary=summary,
        rows=rows,
        columns=columns,
        table=table,
        legend=[] if meanings else groups,
        empty="No tropes recorded yet.",
        label_width=74,
    )


def controversy_chart(stats: SiteStats) -> Chart:
    """The scenes fans split on most: awesome and awkward votes side by side, each row links to the scene."""
    rows, table = [], []
    for scene in stats.controversial:
        tally = scene.tally
        awesome_width = 100 * tally.awesome / tally.votes
        name = f"{scene.hugger} → {scene.hugged}, {scene.drama_title} ep. {scene.episode}"
        rows.append(
            Row(
                label=f"{short(scene.drama_title, 20)}, ep. {scene.episode}",
                full_label=name,
                value=f"{tally.awesome} vs {tally.awkward}",
                url=scene.url,
                link_label=f"{name}: {tally.awesome} awesome, {tally.awkward} awkward. Open the scene.",
                lines=[
                    [
                        Bar("awesome", 0, awesome_width),
                        Bar("awkward", awesome_width, 100 - awesome_width),
                    ]
                ],
                bar_height=16,
            )
        )
        table.append(
            [
                Cell(name, scene.url),
                Cell(str(tally.awesome), numeric=True),
                Cell(str(tally.awkward), numeric=True),
                Cell(f"{tally.awesome_share}%", numeric=True),
            ]
        )
    if stats.controversial:
        top = stats.controversial[0]
        summary = (
            f"Fans split most on {top.hugger} → {top.hugged} in {top.drama_title} (episode {top.episode}): "
            f"{top.tally.awesome} awesome to {top.tally.awkward} awkward."
        )
    else:
        summary = "No scene divides the fans yet."
    return Chart(
        slug="controversial",
        title="The most controversial back hugs",
        summary=summary,
        rows=rows,
        columns=["Scene", "Awesome", "Awkward", "Awesome share"],
        table=table,
        legend=[("awesome", "Awesome votes"), ("awkward", "Awkward votes")],
        empty="No scene divides the fans yet: a scene needs votes on both sides.",
        label_width=72,
    )


class LazyCharts:
    """stats_charts(stats), drawn only when a page iterates it: the page caches what it renders from them."""

    def __init__(self, stats: SiteStats):
        self.stats = stats

    @cached_property
    def charts(self) -> list[Chart]:
        return stats_charts(self.stats)

    def __iter__(self):
        return iter(self.charts)


def stats_charts(stats: SiteStats) -> list[Chart]:
    return [
        drama_verdict_chart(stats),
        year_chart(stats),
        share_by_year_chart(stats),
        _trope_chart(stats, meanings=False, limit=10),
        _trope_chart(stats, meanings=True, limit=None),
        controversy_chart(stats),
    ]
