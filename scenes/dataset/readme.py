"""The README.md inside every dataset archive: what it holds, its licence, and each file's columns."""

from .tables import DATASET_TITLE, TABLES, licence


def readme(counts: dict[str, int]) -> str:
    terms = licence()
    lines = [
        f"# {DATASET_TITLE}",
        "",
        "Every published back-hug scene of the tropedb catalogue, with the dramas (and every title they are known",
        "by), characters, actors, the trope taxonomy, the sources documenting each scene, the screenshots with",
        "their alt text, and the fans' verdict tallies (awesome / awkward).",
        "",
        "The tables are CSV files (UTF-8, a header row, comma-separated); `datapackage.json` describes every column",
        "as a Frictionless Tabular Data Package (https://specs.frictionlessdata.io/), with the keys that link them.",
        "An empty cell is a missing value (an unknown episode, no start time, no actor known).",
        "",
        "A scene is *documented* when it has at least one row in `scene_sources.csv` and `is_illustrative` is",
        "false; an illustrative scene is an invented placeholder, not a moment of the drama.",
        "",
        "## Licence",
        "",
        f"The catalogue's data and text: {terms['title']} ({terms['name']}, {terms['path']}).",
        "The screenshots and posters are stills from the dramas, whose rights stay with their broadcasters and",
        "producers; they are included to identify the scenes and are not covered by the licence above.",
        "",
        "## Loading it",
        "",
        "`python manage.py import_dataset <this archive>` loads it into an empty tropedb database; any tool that",
        "reads Frictionless data packages or CSV reads it too.",
        "",
        "## Files",
        "",
    ]
    for table in TABLES:
        count = counts.get(table.name, 0)
        lines += [f"### {table.path} ({count} row{'s' if count != 1 else ''})", "", table.description, ""]
        lines += ["| column | type | required | meaning |", "| --- | --- | --- | --- |"]
        for column in table.columns:
            required = "yes" if column.required else ""
            lines.append(f"| `{column.name}` | {column.type} | {required} | {column.description} |")
        lines.append("")
    lines += [
        "Pictures: `screenshots/<scene id>/<position>.<ext>` and `posters/<drama slug>.<ext>`, named in",
        "`screenshots.csv` and `dramas.csv`.",
        "",
    ]
    return "\n".join(lines)
