"""``python manage.py import_dataset PATH``: load an archive export_dataset wrote into an empty catalogue."""

from django.core.management.base import BaseCommand, CommandError

from scenes import dataset


class Command(BaseCommand):
    help = (
        "Load an open dataset archive (a directory or .zip written by export_dataset) into an empty catalogue, "
        "all or nothing: every problem is reported with its file and row, and then nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The archive: a directory or a .zip file.")

    def handle(self, *args, path, **options):
        try:
            counts = dataset.import_dataset(path)
        except dataset.DatasetRefused as refusal:
            raise CommandError(f"Nothing was imported from {path}:\n{refusal}") from None
        summary = ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Imported {path}: {summary}."))
