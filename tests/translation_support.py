"""
Helpers of tests/test_translations.py: read a gettext catalogue, and find the visible text of a template that is
outside the translation tags.
"""

import ast
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

# ---- catalogues


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str = ""
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    @property
    def key(self) -> tuple:
        return (self.msgctxt, self.msgid, self.msgid_plural)

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr.values())


def read_catalogue(path: Path) -> list[Entry]:
    """The entries of a .po file (the header and obsolete ``#~`` entries left out)."""
    entries, entry, target = [], Entry(), None

    def close():
        nonlocal entry
        if entry.msgid or entry.msgctxt is not None:
            entries.append(entry)
        entry = Entry()

    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#,"):
            if entry.msgid or entry.msgstr:
                close()
            entry.flags |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith("msgctxt "):
            close()
            entry.msgctxt, target = _string(line[8:]), "msgctxt"
        elif line.startswith("msgid_plural "):
            entry.msgid_plural, target = _string(line[13:]), "msgid_plural"
        elif line.startswith("msgid "):
            if entry.msgid or entry.msgstr:
                close()
            entry.msgid, target = _string(line[6:]), "msgid"
        elif line.startswith("msgstr["):
            index = int(line[7 : line.index("]")])
            entry.msgstr[index], target = _string(line[line.index("]") + 1 :]), index
        elif line.startswith("msgstr "):
            entry.msgstr[0], target = _string(line[7:]), 0
        elif line.startswith('"'):
            if isinstance(target, int):
                entry.msgstr[target] += _string(line)
            else:
                setattr(entry, target, getattr(entry, target) + _string(line))
    close()
    return [entry for entry in entries if entry.msgid]  # the header's msgid is empty


def _string(quoted: str) -> str:
    return ast.literal_eval(quoted.strip())


# ---- templates

# Visible text that needs no translation: the site's name and the technical words shown as they are.
ALLOWED_TEXT = {"tropedb", "trope", "db", "JSON", "API", "YAML", "RSS", "Atom", "OpenAPI", "ETag", "KR", "US"}

DJANGO_COMMENT = re.compile(r"{#.*?#}|{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", re.S)
# Blocks that hold names, not text: the admin's <body class>, a page's og:type.
CLASS_BLOCKS = re.compile(r"{%\s*block (bodyclass|og_type)\s*%}.*?{%\s*endblock(?: \1)?\s*%}", re.S)
TRANSLATED = re.compile(
    r"{%\s*blocktrans(?:late)?\b.*?%}.*?{%\s*endblocktrans(?:late)?\s*%}|{%\s*trans(?:late)?\s.*?%}", re.S
)
TEMPLATE_CODE = re.compile(r"{{.*?}}|{%.*?%}", re.S)
WORD = re.compile(r"[^\W\d_]{2,}")
TEXT_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder", "label"}
META_TEXT = {"description", "og:title", "og:description", "og:image:alt", "twitter:title", "twitter:description"}


def untranslated_text(source: str, *, html: bool = True) -> list[str]:
    """The words a reader would see in a template's source that no translation tag holds."""
    source = DJANGO_COMMENT.sub(" ", source)
    source = CLASS_BLOCKS.sub(" ", source)
    source = TRANSLATED.sub(" ", source)
    source = TEMPLATE_CODE.sub(" ", source)
    if not html:
        return _words([source])
    finder = _TextFinder()
    finder.feed(source)
    finder.close()
    return _words(finder.found)


def _words(chunks: list[str]) -> list[str]:
    found = []
    for chunk in chunks:
        text = " ".join(chunk.split())
        if any(word not in ALLOWED_TEXT for word in WORD.findall(text)):
            found.append(text)
    return found


class _TextFinder(HTMLParser):
    SKIPPED = {"script", "style", "svg", "code", "pre"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag in self.SKIPPED:
            self.skipping += 1
        for name, value in attrs:
            if not value:
                continue
            if name in TEXT_ATTRIBUTES or (name.startswith("data-") and " " in value.strip()):
                self.found.append(value)
        if tag == "meta" and (values.get("name") in META_TEXT or values.get("property") in META_TEXT):
            self.found.append(values.get("content") or "")
        if tag == "input" and values.get("type") in ("submit", "button", "reset") and values.get("value"):
            self.found.append(values["value"])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in self.SKIPPED:
            self.skipping -= 1

    def handle_endtag(self, tag):
        if tag in self.SKIPPED and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping:
            self.found.append(data)
