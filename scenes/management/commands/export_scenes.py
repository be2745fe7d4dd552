"""``python manage.py export_scenes``: the published catalogue as CSV or JSON, in import_scenes' format."""

from django.core.management.base import BaseCommand, CommandError

from scenes import bulk


class Command(BaseCommand):
    help = (
        "Write the published catalogue as CSV or JSON in exactly the format import_scenes reads (see "
        "scenes/bulk/__init__.py), to standard output or to --output."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--format",
            dest="file_format",
            choices=bulk.FORMATS,
            help="csv (the default) or json; with --output, the file's extension can say it.",
        )
        parser.add_argument("--output", "-o", help="The file to write; standard output when not given.")

    def handle(self, *args, file_format, output, **options):
        if output is None:
            count = bulk.export_scenes(CommandOutput(self), file_format=file_format or "csv")
            # The data went to standard output: the summary goes to standard error, so a pipe gets only the data.
            self.stderr.write(f"Exported {count} published scenes.", style_func=self.style.SUCCESS)
            return
        try:
            file_format = bulk.format_of(output, file_format)
            with open(output, "w", encoding="utf-8", newline="") as stream:
                count = bulk.export_scenes(stream, file_format=file_format)
        except ValueError as error:
            raise CommandError(str(error)) from error
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error.strerror}.") from error
        self.stdout.write(self.style.SUCCESS(f"Exported {count} published scenes to {output}."))


class CommandOutput:
    """The command's standard output as a plain text stream (OutputWrapper would end every write with a newline)."""

    def __init__(self, command: BaseCommand):
        self.command = command

    def write(self, text: str) -> None:
        self.command.stdout.write(text, ending="")
