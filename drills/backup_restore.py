"""
Backup and restore drill, as the README describes it: ``pg_dump`` of a live database and a copy of the media
folder, restored with ``pg_restore`` into a fresh database and an empty folder; the catalogue, votes, comments
and screenshots must come back the same. Runs on its own PostgreSQL cluster (drills/cluster.py), never the
shared one. Run: ``.venv/bin/python drills/backup_restore.py`` (as root). CI runs it (.ci/run).
"""

import hashlib
import json
import subprocess
import sys
import tarfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from drills.cluster import PG_BIN, Cluster, log, main_guard, ports_from_environment, summary  # noqa: E402

# What must survive: each table's rows in a fixed order, as one fingerprint per table.
CHECKED = {
    "dramas": "SELECT id, slug, title, episodes FROM scenes_drama ORDER BY id",
    "characters": "SELECT id, drama_id, name, actor_id, is_confirmed FROM scenes_character ORDER BY id",
    "scenes": "SELECT id, status, hugger_id, hugged_id, awesome_count, awkward_count, comment_count "
    "FROM scenes_scene ORDER BY id",
    "scene tropes": "SELECT scene_id, trope_id, origin FROM scenes_scenetrope ORDER BY scene_id, trope_id",
    "votes": "SELECT scene_id, fan_id, verdict FROM community_vote ORDER BY scene_id, fan_id",
    "comments": "SELECT id, author_id, scene_id, drama_id, parent_id, body FROM community_comment ORDER BY id",
    "screenshots": "SELECT id, scene_id, image, alt_text FROM scenes_sceneimage ORDER BY id",
    "fans": "SELECT id, username, password FROM auth_user ORDER BY id",
}


def fingerprints(cluster) -> dict[str, str]:
    return {name: hashlib.sha256(cluster.psql(sql).encode()).hexdigest()[:16] for name, sql in CHECKED.items()}


def counts(cluster) -> dict[str, int]:
    return {name: len(cluster.psql(sql).splitlines()) for name, sql in CHECKED.items()}


def files_of(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def main() -> bool:
    started = time.monotonic()
    with Cluster(**ports_from_environment()) as cluster:
        cluster.init_postgres()
        cluster.manage("migrate", "--noinput")
        cluster.manage(
            "shell", "-c", "from drills.seed import seed, seed_activity; seed(fans=12, scenes=6); seed_activity()"
        )
        before, before_files = fingerprints(cluster), files_of(cluster.media)
        log(f"live: {json.dumps(counts(cluster))}, {len(before_files)} media files")

        # Back up, as the README says: the database with pg_dump, the media folder as an archive.
        dump, archive = cluster.root / "tropedb.dump", cluster.root / "media.tar.gz"
        subprocess.run([PG_BIN / "pg_dump", "--format=custom", f"--file={dump}", cluster.database_url], check=True,
                       timeout=120)  # fmt: skip
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(cluster.media, arcname=".")

        # Restore into a fresh database and an empty folder.
        cluster.psql("CREATE DATABASE tropedb_restored", database="postgres")
        cluster.database = "tropedb_restored"
        subprocess.run([PG_BIN / "pg_restore", "--no-owner", "--exit-on-error", f"--dbname={cluster.database_url}",
                        dump], check=True, timeout=120)  # fmt: skip
        restored_media = cluster.root / "restored-media"
        restored_media.mkdir()
        with tarfile.open(archive) as tar:
            tar.extractall(restored_media, filter="data")
        after, after_files = fingerprints(cluster), files_of(restored_media)
        log(f"restored: {json.dumps(counts(cluster))}, {len(after_files)} media files")

        failures = [name for name in CHECKED if before[name] != after[name]]
        if before_files != after_files:
            failures.append("media files")
        # The restored database works for the site: its checks pass and it needs no migration.
        plan = cluster.manage("migrate", "--plan")
        if "No planned migration operations" not in plan:
            failures.append("the restored database lacks migrations")
    failures = [f"restored {failure} differ from the live ones" for failure in failures]
    return summary("backup and restore drill", started=started, checks=len(CHECKED) + 2, failures=failures)


if __name__ == "__main__":
    main_guard(main)
