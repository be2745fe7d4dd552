"""
Bulk import and export of scenes as CSV or JSON, in one format both ways: the format (formats), checking and
writing an import (importer), an export (exporter), a scene's sources in it (sources).

``python manage.py import_scenes FILE`` and ``python manage.py export_scenes`` speak these columns (CSV: a header
row naming them, in any order; JSON: an array of objects with these keys):

| column | required | what it holds |
| --- | --- | --- |
| `drama` | yes | the drama's slug, e.g. `the-heirs`; the drama must exist |
| `episode` | yes | the episode, from 1 to the drama's episode count; empty when no source says which |
| `start` | yes | when the hug starts in the episode: `mm:ss` or `h:mm:ss`; empty when not known |
| `end` | yes | when it ends, after `start`; empty when not known (an end needs a start, a start an episode) |
| `hugger` | yes | who hugs from behind: a character's name in that drama's cast |
| `hugged` | yes | who is hugged: another character of that drama |
| `setting` | no | where it happens, e.g. `rainy bus stop` |
| `description` | yes | what happens, in our own words |
| `line_korean` | no | the line spoken during the hug, in Korean |
| `line_english` | no | the same line in English |
| `tropes` | no | curated trope slugs separated by `;` (JSON: also a list), e.g. `comfort;lingering` |
| `status` | no | `published` (the default), `pending` or `rejected` |
| `is_illustrative` | no | `true` or `false` (also `yes`/`no`, `1`/`0`; empty is `false`) |
| `is_featured` | no | `true` or `false`; only a published scene can be featured |
| `is_spoiler` | no | `true` or `false` (as `is_illustrative`): it gives away a turn of the story (README "Spoilers") |
| `published_at` | no | ISO 8601, e.g. `2024-02-14T20:30:00+00:00` (UTC if no offset); published scenes default to now |
| `sources` | no | the pages that document the scene, as described in scenes/bulk/sources.py |

Rules:
- Dramas, characters and tropes must already exist; nothing but scenes and their tropes is created.
- Every row is checked before anything is written, and each bad row is reported with where it is (CSV: its line
  in the file, the header being line 1; JSON: the record's position in the array, from 1) and why. One bad row
  and nothing is imported.
- Derived tropes (`second-lead`, `girl-initiated`, `boy-initiated`) follow from the hugger and cannot be given.
- A scene with the same drama, episode, start, hugger and hugged as one in the catalogue (or earlier in the file)
  is a duplicate: an error, or skipped with a warning with ``--skip-existing``.
- Export writes the published catalogue in story order, with each scene's public tropes and sources; importing that file
  into a catalogue with the same dramas and characters and no scenes recreates the same scenes (their tropes
  attached as curated ones; votes, comments and screenshots are not part of the format).
"""

from .exporter import export_queryset, export_scenes, scene_record
from .formats import COLUMNS, FORMATS, ImportRefused, Record, RowError, format_of, read_records
from .importer import ImportReport, import_scenes

__all__ = [
    "COLUMNS",
    "FORMATS",
    "ImportRefused",
    "ImportReport",
    "Record",
    "RowError",
    "export_queryset",
    "export_scenes",
    "format_of",
    "import_scenes",
    "read_records",
    "scene_record",
]
