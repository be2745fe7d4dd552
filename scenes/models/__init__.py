"""
The catalogue's tables, one module per concern, all importable from ``scenes.models`` as before:

- catalogue: dramas, actors, characters, where dramas stream;
- taxonomy: trope groups, tropes, trope aliases;
- scenes: back-hug scenes, the tropes on them, their screenshots;
- sources: the pages that document a scene;
- moderation: the queue, fans' edits, proposed dramas, the moderation log;
- search: the search documents, suggestions and searches that found nothing;
- stats: the site-wide numbers as last counted.

Querysets (the reads) are in querysets.py, rules that span tables (database triggers) in db_rules.py.
Each module imports only those above it in this list, never this package.
"""

from .catalogue import Actor, Character, Drama, StreamingLink
from .moderation import DramaProposal, ModerationLog, PendingScene, SceneEdit
from .querysets import SUPERLATIVE_MIN_VOTES, TROPE_VOTES_TO_DECIDE, UNDECIDED_TROPE
from .scenes import Scene, SceneImage, SceneTrope, screenshot_path
from .search import SceneSearch, SearchMiss, SearchSuggestion
from .sources import QUOTE_MAX_WORDS, SceneSource
from .stats import StatsSnapshot
from .taxonomy import Trope, TropeAlias, TropeGroup

__all__ = [
    "QUOTE_MAX_WORDS",
    "SUPERLATIVE_MIN_VOTES",
    "TROPE_VOTES_TO_DECIDE",
    "UNDECIDED_TROPE",
    "Actor",
    "Character",
    "Drama",
    "DramaProposal",
    "ModerationLog",
    "PendingScene",
    "Scene",
    "SceneEdit",
    "SceneImage",
    "SceneSearch",
    "SceneSource",
    "SceneTrope",
    "SearchMiss",
    "SearchSuggestion",
    "StatsSnapshot",
    "StreamingLink",
    "Trope",
    "TropeAlias",
    "TropeGroup",
    "screenshot_path",
]
