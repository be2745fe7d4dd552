"""
The moderators' screens for the community: comments and reports (comments), fans, bans and votes (fans), the
duels' picks (duels).
Importing this package (Django's admin autodiscovery does) registers every page.
"""

from . import comments, duels, fans  # noqa: F401 - each registers its pages
