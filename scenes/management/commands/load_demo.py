"""``python manage.py load_demo``: the demo catalogue, safe to run again at any time."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from scenes.demo.loader import load
from scenes.demo.validation import DemoDataError


class Command(BaseCommand):
    help = (
        "Load the demo catalogue: real dramas and casts, back-hug scenes (illustrative ones labelled as such) "
        "and generated placeholder artwork. Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-images",
            action="store_true",
            help="Skip the posters and scene artwork (faster; run again without it to draw them).",
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        try:
            # All or nothing: a failure half-way leaves the catalogue as it was. (Pictures already written
            # to storage stay; the next run reuses them by name.)
            with transaction.atomic():
                report = load(images=not options["no_images"])
        except DemoDataError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"{report.summary()} ({time.monotonic() - started:.1f} s)"))
