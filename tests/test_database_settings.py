"""How the site talks to its database."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "postgresql", reason="JIT compilation is PostgreSQL's.")
def test_postgresql_compiles_no_query_just_in_time():
    # A search's ranking query is estimated far above jit_above_cost for a branch it never runs: compiling it
    # would cost more than running it (tropedb/settings.py).
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)
