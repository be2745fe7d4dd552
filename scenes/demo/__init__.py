"""
The demo catalogue behind ``python manage.py load_demo``: real dramas with their casts, back-hug scenes
(mostly illustrative, a few documented) and generated placeholder artwork.

- ``dramas``: the dramas and characters, with notes on how each fact was checked;
- ``scenes_spotlight`` and ``scenes_more``: the scenes, in our own words;
- ``validation``: checks on the data that need no database;
- ``artwork``, ``figures``, ``fonts``: the placeholder pictures, drawn with Pillow;
- ``loader``: writes it all to the database, idempotently.
"""

from .dramas import DRAMAS
from .scenes_more import SCENES as MORE_SCENES
from .scenes_spotlight import SCENES as SPOTLIGHT_SCENES

SCENES = SPOTLIGHT_SCENES + MORE_SCENES

__all__ = ["DRAMAS", "SCENES"]
