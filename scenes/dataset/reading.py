"""
Reading an archive before anything is written: datapackage.json must describe the tables this site writes,
every CSV must have their columns, every cell must read as its type, every key must be unique and every
reference must lead to a row. Each problem names its file and row (the header is row 1, as a spreadsheet shows).
"""

import csv
import io
import json
from dataclasses import dataclass

from .archive import ArchiveError, ArchiveReader
from .tables import TABLES, from_text

# A broken archive can have a problem on every row: past this many the rest are only counted.
MAX_REPORTED = 30


class DatasetRefused(Exception):
    """The archive cannot be loaded; every problem found is listed, and nothing was written."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        shown = problems[:MAX_REPORTED]
        if len(problems) > MAX_REPORTED:
            shown.append(f"…and {len(problems) - MAX_REPORTED} more problems.")
        super().__init__("\n".join(shown))


@dataclass
class Row:
    file: str
    number: int  # the row in the file, the header being row 1
    values: dict

    @property
    def where(self) -> str:
        return f"{self.file} row {self.number}"

    def __getitem__(self, name):
        return self.values[name]


class Dataset:
    """An archive's tables as typed rows, checked as far as the archive alone can be (``problems`` lists the rest)."""

    def __init__(self, reader: ArchiveReader):
        self.reader = reader
        self.problems: list[str] = []
        self.tables: dict[str, list[Row]] = {}
        self.check_datapackage()
        if self.problems:
            return
        for table in TABLES:
            self.tables[table.name] = self.read_table(table)
        if not self.problems:
            self.check_keys()

    def file(self, name: str) -> bytes:
        return self.reader.read(name)

    def check_datapackage(self) -> None:
        try:
            package = json.loads(self.file("datapackage.json"))
        except ArchiveError as error:
            self.problems.append(f"{error} Every archive export_dataset writes has one.")
            return
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            self.problems.append(f"datapackage.json: not valid JSON ({error}).")
            return
        resources = package.get("resources") if isinstance(package, dict) else None
        if not isinstance(resources, list):
            self.problems.append("datapackage.json: has no list of resources.")
            return
        by_name = {item.get("name"): item for item in resources if isinstance(item, dict)}
        for table in TABLES:
            resource = by_name.get(table.name)
            if resource is None:
                self.problems.append(f"datapackage.json: no resource named {table.name}.")
                continue
            if resource.get("path") != table.path:
                self.problems.append(f"datapackage.json: resource {table.name} must be at {table.path}.")
            fields = (resource.get("schema") or {}).get("fields") if isinstance(resource.get("schema"), dict) else None
            names = [item.get("name") for item in fields or [] if isinstance(item, dict)]
            if names != table.column_names:
                self.problems.append(
                    f"datapackage.json: resource {table.name} must have the fields {', '.join(table.column_names)}."
                )

    def read_table(self, table) -> list[Row]:
        try:
            text = self.file(table.path).decode("utf-8")
        except ArchiveError as error:
            self.problems.append(str(error))
            return []
        except UnicodeDecodeError:
            self.problems.append(f"{table.path}: not UTF-8 text.")
            return []
        reader = csv.reader(io.StringIO(text, newline=""))
        rows = []
        try:
            header = next(reader, [])
            if header != table.column_names:
                self.problems.append(f"{table.path} row 1: the columns must be {', '.join(table.column_names)}.")
                return []
            for cells in reader:
                rows.append(self.read_row(table, Row(table.path, len(rows) + 2, {}), cells))
        except csv.Error as error:
            self.problems.append(f"{table.path} row {len(rows) + 2}: not CSV ({error}).")
            return []
        return rows

    def read_row(self, table, row: Row, cells: list[str]) -> Row:
        if len(cells) != len(table.columns):
            self.problems.append(f"{row.where}: has {len(cells)} values, the header names {len(table.columns)}.")
            return row
        for column, cell in zip(table.columns, cells, strict=True):
            try:
                row.values[column.name] = from_text(column, cell)
            except ValueError as error:
                self.problems.append(f"{row.where}, {column.name}: {error}")
        return row

    def check_keys(self) -> None:
        """Each row's key is unique in its file, and each reference names a row of the table it refers to."""
        keys = {}
        for table in TABLES:
            seen = {}
            for row in self.tables[table.name]:
                key = tuple(row[name] for name in table.key)
                if key in seen:
                    self.problems.append(f"{row.where}: repeats row {seen[key]} ({', '.join(table.key)}).")
                seen[key] = row.number
            keys[table.name] = seen
        for table in TABLES:
            for column, (target, target_column) in table.references.items():
                known = keys[target]
                for row in self.tables[table.name]:
                    value = row[column]
                    if value not in ("", None) and (value,) not in known:
                        noun = target.removesuffix("s").replace("_", " ")
                        self.problems.append(
                            f"{row.where}, {column}: no {noun} with {target_column} “{value}” in {target}.csv."
                        )
