"""
The open dataset: the whole public catalogue as one documented archive, and loading it back.

``python manage.py export_dataset PATH`` writes a directory, or a .zip when PATH ends in .zip: one CSV file per
table (tables), the screenshots' and posters' files, ``datapackage.json`` (a Frictionless Tabular Data Package:
every column's type and meaning, the keys, the licence) and a README.md (readme). The same catalogue gives the
same bytes: rows sorted by their keys in Python (not by a database's collation), times in UTC to the second,
files named from what they are, zip entries with a fixed date. Characters and scenes keep their ids (a scene's
address /scenes/<id>/ stays valid); everything else is known by its slug.

``python manage.py import_dataset PATH`` loads such an archive into an empty catalogue (the curated taxonomy
every new database starts with is replaced by the archive's): everything is read and checked first (reading),
then written in one transaction (importer). Any problem, named by file and row, and nothing is written.
"""

from .archive import ArchiveError, read_archive_files
from .exporter import export_dataset
from .importer import import_dataset
from .reading import DatasetRefused

__all__ = ["ArchiveError", "DatasetRefused", "export_dataset", "import_dataset", "read_archive_files"]
