"""
The demo catalogue behind ``python manage.py load_demo``: real dramas with their casts, back-hug scenes
(documented ones with their sources, a few illustrative ones labelled as such) and generated placeholder artwork.

- ``dramas``, ``dramas_a_h``, ``dramas_i_z``: the dramas and characters, with notes on how each fact was checked;
- ``character_names``: the characters' names in Hangul, where known;
- ``scenes_documented_a_h``, ``_i_p``, ``_r_z``: back hugs public pages describe, each with its sources;
- ``scenes_illustrative``: the few invented scenes kept for what no documented one shows;
- ``retired``: scenes earlier versions loaded and this one takes out;
- ``validation``: checks on the data that need no database;
- ``artwork``, ``figures``, ``fonts``: the placeholder pictures, drawn with Pillow;
- ``loader``: writes it all to the database, idempotently.
"""

from .dramas import DRAMAS as BASE_DRAMAS
from .dramas_a_h import DRAMAS as DRAMAS_A_H
from .dramas_i_z import DRAMAS as DRAMAS_I_Z
from .scenes_documented_a_h import SCENES as DOCUMENTED_A_H
from .scenes_documented_i_p import SCENES as DOCUMENTED_I_P
from .scenes_documented_r_z import SCENES as DOCUMENTED_R_Z
from .scenes_illustrative import SCENES as ILLUSTRATIVE_SCENES

DRAMAS = BASE_DRAMAS + DRAMAS_A_H + DRAMAS_I_Z
# Published in this order (the last is the newest), so the front page opens on documented scenes.
SCENES = ILLUSTRATIVE_SCENES + DOCUMENTED_A_H + DOCUMENTED_I_P + DOCUMENTED_R_Z

__all__ = ["DRAMAS", "SCENES"]
