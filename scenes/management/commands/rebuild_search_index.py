"""``python manage.py rebuild_search_index``: every search document and suggestion, from scratch."""

import time

from django.core.management.base import BaseCommand

from scenes.search.index import rebuild_search_index


class Command(BaseCommand):
    help = (
        "Rebuild the search index (scene documents and suggestions for dramas, actors and tropes). Saves keep "
        "it current; run this after bulk loads that skip signals, or after changing how documents are built."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        scenes, suggestions = rebuild_search_index()
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(f"Indexed {scenes} scenes and {suggestions} suggestions ({elapsed:.1f} s).")
        )
