"""Compute every scene's duel rating again from all the picks (community.duels.services.replay_ratings)."""

import time

from django.core.management.base import BaseCommand

from community.duels.services import replay_ratings


class Command(BaseCommand):
    help = (
        "Compute the duels' ratings again from every pick in the order they were made, leaving out banned fans' "
        "picks: after moderators discard picks or ban a fan. Ratings are otherwise kept up to date pick by pick."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        counted = replay_ratings()
        self.stdout.write(f"Rated from {counted} counted picks in {time.perf_counter() - started:.1f} s.")
