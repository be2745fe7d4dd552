"""
``manage.py makemessages -l ko``, set up for this project (README "Languages"): the project's own code and templates
only (not the tests, the bench, the drills, deployment files or installed packages), no source locations (a line
moved elsewhere changes nothing in the catalogue, so two people's changes rarely conflict there), no obsolete
entries, and the catalogue's header date left as it was (it would change on every run).
"""

import re
from pathlib import Path

from django.conf import settings
from django.core.management.commands import makemessages

IGNORED = ["tests/*", "bench/*", "drills/*", "deploy/*", "node_modules/*", "staticfiles/*", "media/*", "incoming/*"]
HEADER_DATE = re.compile(r'^"POT-Creation-Date: [^"]*"$', re.MULTILINE)


class Command(makemessages.Command):
    def handle(self, *args, **options):
        options["ignore_patterns"] = [*options.get("ignore_patterns", []), *IGNORED]
        options["no_location"] = True
        options["no_obsolete"] = True
        catalogues = [Path(path) for path in settings.LOCALE_PATHS]
        before = {path: _header_date(path) for path in _po_files(catalogues)}
        super().handle(*args, **options)
        for path, date in before.items():
            if date and path.exists():
                path.write_text(HEADER_DATE.sub(date.replace("\\", r"\\"), path.read_text(), count=1))


def _po_files(roots: list[Path]) -> list[Path]:
    return [path for root in roots if root.exists() for path in root.glob("*/LC_MESSAGES/*.po")]


def _header_date(path: Path) -> str | None:
    found = HEADER_DATE.search(path.read_text())
    return found.group(0) if found else None
