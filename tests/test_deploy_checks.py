"""Production settings pass Django's deployment checks, HSTS included."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "a-long-random-production-key-" + "q7Zp" * 10,
    "ALLOWED_HOSTS": "tropedb.example",
}


def production_settings(code: str) -> str:
    environment = {**os.environ, **PRODUCTION}
    environment.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", f"import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'tropedb.settings'; {code}"],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    return result.stdout


def test_the_deployment_checks_find_nothing_under_production_settings():
    environment = {**os.environ, **PRODUCTION}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_hsts_lasts_a_year_with_subdomains_by_default():
    printed = production_settings(
        "from django.conf import settings; "
        "print(settings.SECURE_HSTS_SECONDS, settings.SECURE_HSTS_INCLUDE_SUBDOMAINS, settings.SECURE_HSTS_PRELOAD)"
    )
    assert printed.split() == ["31536000", "True", "True"]
