"""
Search documents and suggestions written again, now that Hangul titles and names are also indexed in Latin
letters (scenes/search/romanise.py): "sangsokjadeul" finds 상속자들 in a catalogue that existed before.
Only rows are written; the tables and the database's index stay as they were.
"""

from django.db import migrations

from scenes.search import index as search_index


def index_romanised(apps, schema_editor):
    search_index.rebuild_search_index(apps=apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("scenes", "0021_sceneimage_processing"),
    ]

    operations = [
        # Nothing to undo: the older documents simply lacked the Latin spellings.
        migrations.RunPython(index_romanised, migrations.RunPython.noop),
    ]
