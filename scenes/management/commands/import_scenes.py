"""``python manage.py import_scenes FILE``: scenes from a CSV or JSON file, all or nothing (columns: scenes/bulk/)."""

from django.core.management.base import BaseCommand, CommandError

from scenes import bulk


class Command(BaseCommand):
    help = (
        "Import scenes from a CSV or JSON file (the columns export_scenes writes; see scenes/bulk/). Every row is "
        "checked first and each bad one reported with its line; one bad row and nothing is imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="A .csv or .json file.")
        parser.add_argument(
            "--format", dest="file_format", choices=bulk.FORMATS, help="The file's format, when its name does not say."
        )
        parser.add_argument(
            "--skip-existing",
            action="store_true",
            help="Skip rows for scenes already in the catalogue (same drama, episode, start, hugger and hugged) "
            "with a warning, instead of refusing the file.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Check every row and write nothing.")

    def handle(self, *args, file, file_format, skip_existing, dry_run, **options):
        try:
            file_format = bulk.format_of(file, file_format)
        except ValueError as error:
            raise CommandError(str(error)) from None
        try:
            # utf-8-sig: spreadsheets often start a CSV with a byte-order mark; newline="" is what csv expects.
            with open(file, encoding="utf-8-sig", newline="") as stream:
                records = bulk.read_records(stream, file_format=file_format)
            report = bulk.import_scenes(records=records, skip_existing=skip_existing, dry_run=dry_run)
        except UnicodeDecodeError:
            raise CommandError(f"Cannot read {file}: it is not UTF-8 text (save it as “CSV UTF-8”).") from None
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        except bulk.ImportRefused as refused:
            raise CommandError(refusal(file, refused.errors)) from None
        for skipped in report.skipped:
            self.stderr.write(self.style.WARNING(f"Skipped {skipped}"))
        self.stdout.write(self.style.SUCCESS(report.summary(file)))


def refusal(file: str, errors: list[bulk.RowError]) -> str:
    """Every problem on its own line, under a first line that says nothing was imported."""
    rows = len({error.where for error in errors})
    counted = f"{len(errors)} problem{'s' * (len(errors) != 1)} in {rows} row{'s' * (rows != 1)}"
    return f"Nothing was imported from {file}: {counted}.\n" + "\n".join(f"  {error}" for error in errors)
