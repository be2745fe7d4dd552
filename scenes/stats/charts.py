"""
Server-side SVG bar charts for /stats/: the numbers from numbers.py laid out as rows the template draws.

The parts they are drawn with (bars, rows, the layout) are in drawing.py. Every bar links into the catalogue
filtered to the scenes it counts; every chart has a one-sentence summary computed from the same numbers and a
table of them for readers who cannot see it.

Longer than 400 lines on purpose: every sentence is written for translation with named placeholders (so Korean can
put them in its own order), which takes a line per placeholder, and the six charts read best side by side.
"""

from functools import cached_property

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from scenes.links import cached_reverse
from scenes.naming import first_name, names, names_of, spoiler_title

from .drawing import Bar, Cell, Chart, Row, bar_width, catalogue_url, plural, short
from .numbers import SUPERLATIVE_MIN_VOTES, SiteStats, share, surest_drama

NO_BACK_HUGS = _("No back hugs are published yet.")
NO_TROPES = _("No tropes recorded yet.")
# The controversy chart lists only scenes with enough votes (numbers.most_controversial): say so when none has.
NOT_ENOUGH_TO_SPLIT = _(
    "Not enough votes yet: a back hug is listed here once at least %(min_votes)s fans have voted on it and they "
    "split close to even."
)


def drama_verdict_chart(stats: SiteStats) -> Chart:
    """Awkward vs awesome per drama: a 100% bar each, awesome from the left; most awesome first."""
    dramas = sorted(stats.dramas, key=lambda d: (-(d.tally.awesome_share or 0), -d.tally.votes, d.title))
    rows, table = [], []
    for drama in dramas:
        title = first_name(drama)  # the Hangul title for a Korean reader
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
                    label=_("%(drama)s: %(count)s awesome votes (%(share)s%%). See its mostly awesome back hugs.")
                    % {"drama": title, "count": tally.awesome, "share": tally.awesome_share},
                )
            )
        if tally.awkward:
            bars.append(
                Bar(
                    "awkward",
                    awesome_width,
                    100 - awesome_width,
                    url=awkward_url,
                    label=_("%(drama)s: %(count)s awkward votes (%(share)s%%). See its mostly awkward back hugs.")
                    % {"drama": title, "count": tally.awkward, "share": 100 - tally.awesome_share},
                )
            )
        rows.append(
            Row(
                label=short(title, 24),
                full_label=title,
                value=f"{tally.awesome_share}% · {plural(tally.votes, 'vote')}",
                lines=[bars],
                bar_height=16,
            )
        )
        table.append(
            [
                Cell(title, cached_reverse("scenes:drama-detail", drama.slug)),
                Cell(str(tally.scenes), catalogue_url(drama=drama.slug), numeric=True),
                Cell(str(tally.awesome), awesome_url, numeric=True),
                Cell(str(tally.awkward), awkward_url, numeric=True),
                Cell(f"{tally.awesome_share}%", numeric=True),
            ]
        )
    if not dramas:
        summary = _("No drama has votes yet.")
    elif len(dramas) == 1:
        only = dramas[0]
        summary = _("%(drama)s is the only drama with votes: %(share)s%% of them say awesome.") % {
            "drama": first_name(only),
            "share": only.tally.awesome_share,
        }
    else:
        summary = _superlatives_summary(dramas)
    return Chart(
        slug="dramas",
        title=_("Awkward or awesome, drama by drama"),
        summary=summary,
        rows=rows,
        columns=[_("Drama"), _("Back hugs"), _("Awesome"), _("Awkward"), _("Awesome share")],
        table=table,
        legend=[("awesome", _("Awesome votes")), ("awkward", _("Awkward votes"))],
        label_width=60,
    )


def _superlatives_summary(dramas: list) -> str:
    """
    Which of the charted dramas reads the most awesome and which the most awkward, each named only when enough
    votes lean its way (numbers.surest_drama): the top and bottom bars by share could be a drama of three votes.
    """
    best, worst = surest_drama(dramas, "awesome"), surest_drama(dramas, "awkward")
    numbers = {"count": len(dramas), "min_votes": SUPERLATIVE_MIN_VOTES}
    if best:
        numbers.update(
            best=first_name(best), best_share=best.tally.awesome_share, votes=plural(best.tally.votes, "vote")
        )
    if worst:
        numbers.update(
            worst=first_name(worst),
            worst_share=worst.tally.awesome_share,
            worst_votes=plural(worst.tally.votes, "vote"),
        )
    if best and worst:
        return (
            _(
                "Among the %(count)s dramas fans voted on most, %(best)s reads the most awesome (%(best_share)s%% of "
                "%(votes)s) and %(worst)s the most awkward (only %(worst_share)s%% awesome)."
            )
            % numbers
        )
    if best:
        return (
            _(
                "Among the %(count)s dramas fans voted on most, %(best)s reads the most awesome (%(best_share)s%% of "
                "%(votes)s); not enough votes lean awkward yet to name the most awkward."
            )
            % numbers
        )
    if worst:
        return (
            _(
                "Among the %(count)s dramas fans voted on most, %(worst)s reads the most awkward (only "
                "%(worst_share)s%% awesome of %(worst_votes)s); not enough votes lean awesome yet to name the most "
                "awesome."
            )
            % numbers
        )
    return (
        _(
            "Not enough votes yet to name the most awesome or the most awkward drama: that takes at least "
            "%(min_votes)s votes, most of them one way."
        )
        % numbers
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
            rows.append(Row(label=str(number), value=_("none"), lines=[[]]))
            continue
        year = counted[number]
        url = catalogue_url(year=year.year)
        label = _("%(year)s: %(scenes)s from %(dramas)s. See them.") % {
            "year": year.year,
            "scenes": plural(year.scenes, "back hug"),
            "dramas": plural(year.dramas, "drama"),
        }
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
        summary = _("%(scenes)s from dramas broadcast %(first)s–%(last)s; %(peak)s has the most (%(most)s).") % {
            "scenes": plural(stats.overall.scenes, "back hug"),
            "first": years[0].year,
            "last": years[-1].year,
            "peak": peak.year,
            "most": peak.scenes,
        }
    else:
        summary = NO_BACK_HUGS
    return Chart(
        slug="years",
        title=_("Back hugs by broadcast year"),
        summary=summary,
        rows=rows,
        columns=[_("Year"), _("Back hugs"), _("Dramas")],
        table=table,
        empty=NO_BACK_HUGS,
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
                            label=_("%(year)s: %(share)s%% girl-initiated (%(count)s of %(scenes)s). See them.")
                            % {"year": year.year, "share": girl, "count": year.girl_initiated, "scenes": year.scenes},
                        )
                    ],
                    [
                        Bar(
                            "second",
                            0,
                            bar_width(second, 100),
                            url=second_url,
                            label=_("%(year)s: %(share)s%% by a second lead (%(count)s of %(scenes)s). See them.")
                            % {"year": year.year, "share": second, "count": year.second_lead, "scenes": year.scenes},
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
        summary = _(
            "Overall %(girl)s%% of back hugs are girl-initiated and %(second)s%% come from a second lead; the "
            "girl-initiated share is highest in %(peak)s (%(peak_share)s%% of %(scenes)s)."
        ) % {
            "girl": share(stats.girl_initiated, overall),
            "second": share(stats.second_lead, overall),
            "peak": peak.year,
            "peak_share": peak.girl_initiated_share,
            "scenes": plural(peak.scenes, "back hug"),
        }
    else:
        summary = NO_BACK_HUGS
    return Chart(
        slug="shares",
        title=_("Girl-initiated and second-lead back hugs over the years"),
        summary=summary,
        rows=rows,
        columns=[_("Year"), _("Back hugs"), _("Girl-initiated"), _("Share"), _("By a second lead"), _("Share")],
        table=table,
        legend=[
            # xgettext:no-python-format
            ("girl", _("Girl-initiated, % of the year")),
            # xgettext:no-python-format
            ("second", _("By a second lead, % of the year")),
        ],
        empty=NO_BACK_HUGS,
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
                label=short(names_of(trope).first, 28),
                full_label=names_of(trope).first,
                value=f"{tally.scenes} · {part}%",
                lines=[
                    [
                        Bar(
                            trope.group.slug,
                            0,
                            bar_width(tally.scenes, most),
                            url=url,
                            label=_("%(trope)s: %(scenes)s, %(share)s%% of all. See them.")
                            % {
                                "trope": names_of(trope).first,
                                "scenes": plural(tally.scenes, "back hug"),
                                "share": part,
                            },
                        )
                    ]
                ],
            )
        )
        cells = [Cell(names_of(trope).first, cached_reverse("scenes:trope-detail", trope.slug))]
        if not meanings:
            cells.append(Cell(gettext(trope.group.name)))
        cells += [
            Cell(str(tally.scenes), url, numeric=True),
            Cell(f"{part}%", numeric=True),
            Cell("–" if tally.awesome_share is None else f"{tally.awesome_share}%", numeric=True),
        ]
        table.append(cells)
    if meanings:
        title = _("What back hugs mean")
        if len(counted) >= 2:
            first, second, last = counted[0], counted[1], counted[-1]
            summary = _(
                "Back hugs most often mean %(first)s (%(first_count)s), then %(second)s (%(second_count)s); "
                "%(last)s is the rarest reading (%(last_count)s)."
            ) % {
                "first": names_of(first.trope).first.lower(),
                "first_count": first.tally.scenes,
                "second": names_of(second.trope).first.lower(),
                "second_count": second.tally.scenes,
                "last": names_of(last.trope).first.lower(),
                "last_count": last.tally.scenes,
            }
        elif counted:
            only = counted[0]
            summary = _("So far only %(trope)s is recorded (%(count)s).") % {
                "trope": names_of(only.trope).first.lower(),
                "count": only.tally.scenes,
            }
        else:
            summary = _("No meanings recorded yet.")
        columns = [_("Meaning"), _("Back hugs"), _("Share of all"), _("Awesome share")]
    else:
        title = _("The most common tropes")
        if counted:
            top = counted[0]
            summary = _("%(trope)s is the most common trope, on %(count)s of %(scenes)s (%(share)s%%).") % {
                "trope": names_of(top.trope).first,
                "count": top.tally.scenes,
                "scenes": plural(total, "back hug"),
                "share": share(top.tally.scenes, total),
            }
        else:
            summary = NO_TROPES
        columns = [_("Trope"), _("Group"), _("Back hugs"), _("Share of all"), _("Awesome share")]
    groups = []
    for item in counted:
        group = (item.trope.group.slug, gettext(item.trope.group.name))  # the curated name in the reader's language
        if group not in groups:
            groups.append(group)
    return Chart(
        slug="meanings" if meanings else "tropes",
        title=title,
        summary=summary,
        rows=rows,
        columns=columns,
        table=table,
        legend=[] if meanings else groups,
        empty=NO_TROPES,
        label_width=74,
    )


def controversy_chart(stats: SiteStats, spoilers: frozenset[int] = frozenset()) -> Chart:
    """The scenes fans split on most: awesome and awkward votes side by side, each row links to the scene. A scene
    in ``spoilers`` (a spoiler to this reader, as its card says) is named by its drama and episode only."""
    rows, table = [], []
    for scene in stats.controversial:
        tally = scene.tally
        awesome_width = 100 * tally.awesome / tally.votes
        episode = scene.episode if scene.episode is not None else _("unknown")  # no source says, for some
        drama = names(scene.drama_title, scene.drama_hangul_title).first  # the Hangul ones for a Korean reader
        if scene.pk in spoilers:
            name = spoiler_title(drama=drama, episode=scene.episode)
        else:
            name = _("%(hugger)s → %(hugged)s, %(drama)s ep. %(episode)s") % {
                "hugger": names(scene.hugger, scene.hugger_hangul).first,
                "hugged": names(scene.hugged, scene.hugged_hangul).first,
                "drama": drama,
                "episode": episode,
            }
        votes = {"name": name, "awesome": tally.awesome, "awkward": tally.awkward}
        rows.append(
            Row(
                label=_("%(drama)s, ep. %(episode)s") % {"drama": short(drama, 20), "episode": episode},
                full_label=name,
                value=_("%(awesome)s vs %(awkward)s") % votes,
                url=scene.url,
                link_label=_("%(name)s: %(awesome)s awesome, %(awkward)s awkward. Open the scene.") % votes,
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
    if stats.controversial and stats.controversial[0].pk in spoilers:
        top = stats.controversial[0]
        summary = _("Fans split most on %(name)s: %(awesome)s awesome to %(awkward)s awkward.") % {
            "name": spoiler_title(drama=names(top.drama_title, top.drama_hangul_title).first, episode=top.episode),
            "awesome": top.tally.awesome,
            "awkward": top.tally.awkward,
        }
    elif stats.controversial:
        top = stats.controversial[0]
        summary = _(
            "Fans split most on %(hugger)s → %(hugged)s in %(drama)s (episode %(episode)s): %(awesome)s awesome to "
            "%(awkward)s awkward."
        ) % {
            "hugger": names(top.hugger, top.hugger_hangul).first,
            "hugged": names(top.hugged, top.hugged_hangul).first,
            "drama": names(top.drama_title, top.drama_hangul_title).first,
            "episode": top.episode if top.episode is not None else _("unknown"),
            "awesome": top.tally.awesome,
            "awkward": top.tally.awkward,
        }
    else:
        summary = NOT_ENOUGH_TO_SPLIT % {"min_votes": SUPERLATIVE_MIN_VOTES}
    return Chart(
        slug="controversial",
        title=_("The most controversial back hugs"),
        summary=summary,
        rows=rows,
        columns=[_("Scene"), _("Awesome"), _("Awkward"), _("Awesome share")],
        table=table,
        legend=[("awesome", _("Awesome votes")), ("awkward", _("Awkward votes"))],
        empty=NOT_ENOUGH_TO_SPLIT % {"min_votes": SUPERLATIVE_MIN_VOTES},
        label_width=72,
    )


class LazyCharts:
    """stats_charts(stats), drawn only when a page iterates it: the page caches what it renders from them."""

    def __init__(self, stats: SiteStats, spoilers: frozenset[int] = frozenset()):
        self.stats = stats
        self.spoilers = spoilers

    @cached_property
    def charts(self) -> list[Chart]:
        return stats_charts(self.stats, self.spoilers)

    def __iter__(self):
        return iter(self.charts)


def stats_charts(stats: SiteStats, spoilers: frozenset[int] = frozenset()) -> list[Chart]:
    """Every chart of the page; ``spoilers``: the scenes that are spoilers to this reader (named neutrally)."""
    return [
        drama_verdict_chart(stats),
        year_chart(stats),
        share_by_year_chart(stats),
        _trope_chart(stats, meanings=False, limit=10),
        _trope_chart(stats, meanings=True, limit=None),
        controversy_chart(stats, spoilers),
    ]
