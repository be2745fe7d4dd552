"""
Where the demo's dramas can be looked for: each provider's own search for the title, for every demo drama.

These are searches, not addresses of episodes: we know of no episode address we could vouch for, so the demo
shows "Opens the drama" links; a moderator who adds an episode's YouTube address in the admin sees a scene's
link start at its second.
"""

from urllib.parse import quote_plus

SEARCHES = (
    ("viki", "https://www.viki.com/search?q={}"),
    ("youtube", "https://www.youtube.com/results?search_query={}"),
)


def streaming_links(title: str) -> list[tuple[str, str]]:
    """(provider, url) for each provider's search of ``title``."""
    return [(provider, pattern.format(quote_plus(title))) for provider, pattern in SEARCHES]
