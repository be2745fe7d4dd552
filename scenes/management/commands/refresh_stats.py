"""Count the site-wide numbers again (scenes.stats.numbers.site_stats); Celery beat does it every four minutes."""

import time

from django.core.management.base import BaseCommand

from scenes.stats.numbers import refresh_site_stats


class Command(BaseCommand):
    help = (
        "Count the numbers behind /stats/, the trope guide and the catalogue's facets again and keep them in "
        "the database and the cache. Celery beat runs the same every few minutes (scenes.stats.tasks.refresh_stats)."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        stats = refresh_site_stats()
        elapsed = (time.perf_counter() - started) * 1000
        self.stdout.write(
            f"Counted {stats.overall.scenes} published scenes and {stats.overall.votes} votes in {elapsed:.0f} ms."
        )
