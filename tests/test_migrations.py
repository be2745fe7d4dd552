"""The models and the migrations agree: a model change without its migration would reach production unapplied."""

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_every_model_change_has_its_migration(capsys):
    try:
        call_command("makemigrations", "--check", "--dry-run", verbosity=1)
    except SystemExit:
        pytest.fail(f"A model changed without a migration:\n{capsys.readouterr().out}")
