"""
Where to watch a drama, and "watch this moment": a scene's links go straight to the second its hug starts
where the provider's addresses can say so (a YouTube ``t=``), and say plainly where they cannot.

A link for the scene's own episode is preferred over one for the drama as a whole, per provider and region.
A scene may have no start time (then every link opens the episode, and says so), or no known episode (then
only links to the drama as a whole are offered).
"""

from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.utils.translation import gettext as _

from scenes.models import Scene, StreamingLink
from scenes.timecodes import format_timecode

Provider = StreamingLink.Provider


def _query_seconds(name: str, suffix: str = ""):
    def at(url: str, seconds: int) -> str:
        parts = urlsplit(url)
        query = [(key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True) if key != name]
        return urlunsplit(parts._replace(query=urlencode([*query, (name, f"{seconds}{suffix}")])))

    return at


def _fragment_seconds(url: str, seconds: int) -> str:
    return urlunsplit(urlsplit(url)._replace(fragment=f"t={seconds}s"))


# How each provider's address says "start at this second". Providers missing here have no such address.
START_AT = {
    Provider.YOUTUBE: _query_seconds("t", "s"),
    Provider.NETFLIX: _query_seconds("t"),
    Provider.VIMEO: _fragment_seconds,
    Provider.DAILYMOTION: _query_seconds("start"),
}


def starts_at_second(provider: str) -> bool:
    return provider in START_AT


@dataclass(frozen=True)
class WatchOption:
    """One way to watch a scene: where the link goes, and whether it starts at the hug."""

    provider: str
    provider_name: str
    region: str  # empty: everywhere
    url: str
    starts_at_moment: bool
    note: str


def watch_options(scene: Scene, links: list[StreamingLink]) -> list[WatchOption]:
    """The scene's ways to watch, from its drama's ``links``: its episode's link first, else the drama's."""
    best: dict[tuple[str, str], StreamingLink] = {}
    for link in links:
        if link.episode not in (None, scene.episode):
            continue
        key = (link.provider, link.region)
        if key not in best or (best[key].episode is None and link.episode is not None):
            best[key] = link
    start = getattr(scene, "start_seconds", None)
    options = [_option(scene, link, start) for link in best.values()]
    return sorted(options, key=lambda option: not option.starts_at_moment)  # those that jump to the hug first


def _option(scene: Scene, link: StreamingLink, start: int | None) -> WatchOption:
    name = link.get_provider_display()
    when = {"episode": scene.episode, "time": format_timecode(start) if start is not None else ""}
    url, jumps = link.url, False
    if scene.episode is None:
        note = _("Opens the drama: no source says which episode the hug is in.")
    elif link.episode is None:
        note = (
            _("Opens the drama: the hug is in episode %(episode)d at %(time)s.")
            if start is not None
            else _("Opens the drama: the hug is in episode %(episode)d.")
        ) % when
    elif start is None:
        note = _("Opens episode %(episode)d; no start time is recorded for this hug.") % when
    elif starts_at_second(link.provider):
        url, jumps = START_AT[link.provider](link.url, start), True
        note = _("Starts at %(time)s, as the hug begins.") % when
    else:
        note = _("Opens episode %(episode)d; %(provider)s links cannot start at a given second: skip to %(time)s.") % {
            **when,
            "provider": name,
        }
    return WatchOption(link.provider, name, link.region, url, jumps, note)
