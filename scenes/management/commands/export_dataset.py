"""``python manage.py export_dataset PATH``: the public catalogue as an open dataset (see scenes/dataset/)."""

from django.core.management.base import BaseCommand, CommandError

from scenes import dataset


class Command(BaseCommand):
    help = (
        "Write the whole public catalogue (dramas, actors, characters, tropes, published scenes, their sources, "
        "screenshots and verdict tallies) as CSV files with a Frictionless datapackage.json and a README, to a new "
        "directory, or to a .zip file when PATH ends in .zip."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="A new directory, or a file name ending in .zip.")

    def handle(self, *args, path, **options):
        try:
            counts = dataset.export_dataset(path)
        except dataset.ArchiveError as error:
            raise CommandError(str(error)) from error
        except OSError as error:
            raise CommandError(f"Cannot write {path}: {error.strerror or error}.") from error
        summary = ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Exported the catalogue to {path}: {summary}."))
