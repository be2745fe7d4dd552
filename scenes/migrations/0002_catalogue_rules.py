from django.db import migrations

from scenes.models import db_rules


class Migration(migrations.Migration):
    dependencies = [("scenes", "0001_initial")]

    operations = [migrations.RunPython(db_rules.install, db_rules.uninstall)]
