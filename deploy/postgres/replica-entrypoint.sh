#!/usr/bin/env bash
# The replica: on first start, copy the primary (pg_basebackup -R makes it a standby that streams from there),
# then run as a hot standby that answers read-only queries.
set -euo pipefail
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until PGPASSWORD="$REPLICATION_PASSWORD" pg_basebackup -h "$PRIMARY_HOST" -U replicator -D "$PGDATA" \
      -R -X stream -c fast; do
    echo "waiting for the primary at $PRIMARY_HOST..."
    rm -rf "${PGDATA:?}"/*
    sleep 2
  done
  chmod 0700 "$PGDATA"
fi
exec postgres -c hot_standby=on
