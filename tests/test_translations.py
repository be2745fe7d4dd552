"""
The Korean catalogue is complete and compiled (README "Languages"): every string of the code and templates is in
locale/ko/LC_MESSAGES/django.po with a translation, the committed django.mo is that .po compiled, and no template
shows text outside the translation tags. These need gettext's tools (xgettext, msgmerge, msgfmt); CI installs them.
"""

import gettext
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.translation_support import read_catalogue, untranslated_text

LOCALE = Path(settings.BASE_DIR) / "locale"
CATALOGUE = LOCALE / "ko" / "LC_MESSAGES" / "django.po"
COMPILED = CATALOGUE.with_suffix(".mo")
TEMPLATES = Path(settings.BASE_DIR) / "templates"
REGENERATE = 'regenerate and translate it as README "Languages" says'


@pytest.fixture
def gettext_tools():
    missing = [tool for tool in ("xgettext", "msgmerge", "msgfmt") if shutil.which(tool) is None]
    assert not missing, f"gettext's {', '.join(missing)} missing: install Debian's gettext package"


@pytest.fixture
def regenerated(tmp_path, settings, monkeypatch, gettext_tools):
    """The catalogue as `manage.py makemessages -l ko` would write it now, made from a copy of the committed one."""
    copy = tmp_path / "ko" / "LC_MESSAGES" / "django.po"
    copy.parent.mkdir(parents=True)
    shutil.copy(CATALOGUE, copy)
    settings.LOCALE_PATHS = [tmp_path]
    monkeypatch.chdir(settings.BASE_DIR)
    # The committed locale/ directory is left out of the walk, or makemessages would write there.
    call_command("makemessages", locale=["ko"], ignore_patterns=["locale"], verbosity=0)
    return copy


def test_every_string_of_the_code_and_templates_is_in_the_korean_catalogue(regenerated):
    committed = {entry.key for entry in read_catalogue(CATALOGUE)}
    current = {entry.key for entry in read_catalogue(regenerated)}

    assert sorted(current - committed, key=str) == [], f"strings missing from the Korean catalogue: {REGENERATE}"
    assert sorted(committed - current, key=str) == [], f"strings no longer used are still in it: {REGENERATE}"


def test_every_entry_of_the_korean_catalogue_is_translated_and_checked(regenerated):
    entries = read_catalogue(regenerated)

    assert [entry.msgid for entry in entries if not entry.translated] == [], f"untranslated: {REGENERATE}"
    assert [entry.msgid for entry in entries if "fuzzy" in entry.flags] == [], "check these guesses, then unmark them"


def test_the_korean_catalogue_is_valid_and_keeps_every_placeholder(gettext_tools, tmp_path):
    # msgfmt --check refuses a translation whose %(name)s or {name} placeholders differ from the English.
    result = subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "checked.mo"), str(CATALOGUE)], capture_output=True, text=True
    )

    assert result.returncode == 0, result.stderr


def test_the_committed_compiled_catalogue_is_the_catalogue_compiled(gettext_tools, tmp_path):
    fresh = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "-o", str(fresh), str(CATALOGUE)], check=True)

    with COMPILED.open("rb") as committed, fresh.open("rb") as compiled:
        assert gettext.GNUTranslations(committed)._catalog == gettext.GNUTranslations(compiled)._catalog, (
            "django.mo is out of date: run manage.py compilemessages -l ko -i .venv -i node_modules"
        )


@pytest.mark.parametrize(
    "template",
    sorted(path.relative_to(TEMPLATES).as_posix() for path in TEMPLATES.rglob("*") if path.suffix in (".html", ".txt")),
)
def test_no_template_shows_text_outside_the_translation_tags(template):
    path = TEMPLATES / template

    assert untranslated_text(path.read_text(encoding="utf-8"), html=path.suffix == ".html") == []


def test_the_template_check_finds_text_outside_the_tags_and_only_there():
    source = """{% load i18n %}<h1>{% translate "Dramas" %}</h1><p title="Hello there">{{ drama.title }} episodes</p>
    {% blocktranslate count n=3 %}{{ n }} hug{% plural %}{{ n }} hugs{% endblocktranslate %}{# a note #}
    <img alt="{% translate 'Poster' %}"><meta name="description" content="A site"><span>tropedb</span>"""

    assert untranslated_text(source) == ["Hello there", "episodes", "A site"]


def test_the_catalogue_reader_reads_plurals_flags_and_continued_lines(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: ko\\n"\n\n#, python-format\nmsgid "%(n)d hug"\nmsgid_plural "%(n)d hugs"\n'
        'msgstr[0] "백허그 %(n)d개"\n\n#, fuzzy\nmsgid "Long "\n"line"\nmsgstr ""\n"긴 줄"\n\n'
        'msgid "Empty"\nmsgstr ""\n#~ msgid "Old"\n#~ msgstr "옛것"\n',
        encoding="utf-8",
    )

    entries = read_catalogue(po)

    assert [(entry.msgid, entry.msgid_plural, entry.msgstr, entry.translated) for entry in entries] == [
        ("%(n)d hug", "%(n)d hugs", {0: "백허그 %(n)d개"}, True),
        ("Long line", "", {0: "긴 줄"}, True),
        ("Empty", "", {0: ""}, False),
    ]
    assert entries[0].flags == {"python-format"} and entries[1].flags == {"fuzzy"}
