"""
The import and export file format, both ways: its columns, how CSV and JSON files are read into records
and written from them, and how a bad row is named. The columns are documented in scenes/bulk/__init__.py.
"""

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, TextIO

from django.core.exceptions import NON_FIELD_ERRORS

COLUMNS = (
    "drama",
    "episode",
    "start",
    "end",
    "hugger",
    "hugged",
    "setting",
    "description",
    "line_korean",
    "line_english",
    "tropes",
    "status",
    "is_illustrative",
    "is_featured",
    "is_spoiler",  # optional like the others: files written before it (without the column) read as they did
    "published_at",
    "sources",
)
REQUIRED_COLUMNS = ("drama", "episode", "start", "end", "hugger", "hugged", "description")
FORMATS = ("csv", "json")
TRUE_WORDS = {"true", "yes", "1"}
FALSE_WORDS = {"false", "no", "0", ""}
# Scene fields whose column has another name, for the model's own validation messages.
COLUMN_OF_FIELD = {"start_seconds": "start", "end_seconds": "end", NON_FIELD_ERRORS: ""}
EXPORT_CHUNK_SIZE = 500


@dataclass(frozen=True)
class RowError:
    where: str  # "line 4" (CSV) or "record 4" (JSON)
    column: str  # "" when the whole row or file is at fault
    message: str

    def __str__(self) -> str:
        return f"{self.where}, {self.column}: {self.message}" if self.column else f"{self.where}: {self.message}"


class ImportRefused(Exception):
    """The file has bad rows (all of them listed); nothing was imported."""

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


@dataclass
class Record:
    """One row or object of the file, as read, before any checking."""

    where: str
    values: dict[str, Any]
    problems: list[tuple[str, str]] = field(default_factory=list)  # (column, message) found while reading


def format_of(path: str, requested: str | None = None) -> str:
    """The requested format, else the one the file name's extension says; ValueError when neither says."""
    file_format = requested or path.rsplit(".", 1)[-1].lower()
    if file_format not in FORMATS:
        raise ValueError(f"Cannot tell the format of {path}: name it .csv or .json, or pass --format csv|json.")
    return file_format


def read_records(stream: TextIO, *, file_format: str) -> list[Record]:
    """The file's records; ImportRefused when the file as a whole is unreadable (bad header, not JSON...)."""
    return read_csv(stream) if file_format == "csv" else read_json(stream)


def read_csv(stream: TextIO) -> list[Record]:
    reader = csv.reader(stream)
    header = [name.strip() for name in next(reader, [])]
    header_errors = [RowError("line 1", column, message) for column, message in column_problems(header)]
    if not header:
        header_errors.append(RowError("line 1", "", "The file is empty: its first line must name the columns."))
    if header_errors:
        raise ImportRefused(header_errors)
    records = []
    last_line = reader.line_num
    try:
        for row in reader:
            # A record can span lines (a quoted value with line breaks): report the line where it starts.
            first_line, last_line = last_line + 1, reader.line_num
            if not any(value.strip() for value in row):
                continue  # blank line
            record = Record(f"line {first_line}", dict(zip(header, row, strict=False)))
            if len(row) > len(header):
                record.problems.append(("", f"has {len(row)} values but the header names {len(header)} columns."))
            records.append(record)
    except csv.Error as error:  # e.g. a NUL byte: the rest of the file cannot be read reliably
        raise ImportRefused([RowError(f"line {reader.line_num}", "", f"This is not CSV: {error}.")]) from None
    return records


def read_json(stream: TextIO) -> list[Record]:
    try:
        data = json.load(stream)
    except json.JSONDecodeError as error:
        raise ImportRefused([RowError(f"line {error.lineno}", "", f"This is not valid JSON: {error.msg}.")]) from None
    if not isinstance(data, list):
        raise ImportRefused([RowError("file", "", "The file must hold a JSON array of scene objects.")])
    records = []
    for number, item in enumerate(data, start=1):
        if isinstance(item, dict):
            record = Record(f"record {number}", item, problems=column_problems(list(item), header=False))
        else:
            record = Record(f"record {number}", {}, problems=[("", "is not an object with the columns as keys.")])
        records.append(record)
    return records


def column_problems(names: list[str], *, header: bool = True) -> list[tuple[str, str]]:
    """Unknown and repeated columns, and (for a CSV header) missing required ones."""
    problems = [
        (name, f"is not a column; the columns are {', '.join(COLUMNS)}.") for name in names if name not in COLUMNS
    ]
    problems += [(name, "appears twice.") for name in sorted(set(names)) if names.count(name) > 1]
    if header and names:
        problems += [(name, "is a required column and is missing.") for name in REQUIRED_COLUMNS if name not in names]
    return problems


def write_csv(records: Iterable[dict[str, Any]], stream: TextIO) -> int:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(COLUMNS)
    count = 0
    for record in records:
        writer.writerow(csv_value(record[column]) for column in COLUMNS)
        count += 1
    return count


def csv_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list) and any(isinstance(item, dict) for item in value):
        return json.dumps(value, ensure_ascii=False)  # the sources: a list of objects, as JSON text
    if isinstance(value, list):
        return ";".join(value)
    return "" if value is None else str(value)


def write_json(records: Iterable[dict[str, Any]], stream: TextIO) -> int:
    """A JSON array with one scene per line, written as it goes rather than built whole in memory."""
    count = 0
    for record in records:
        stream.write(("[\n  " if count == 0 else ",\n  ") + json.dumps(record, ensure_ascii=False))
        count += 1
    stream.write("\n]\n" if count else "[]\n")
    return count
