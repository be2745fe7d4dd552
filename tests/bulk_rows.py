"""A catalogue of a million rows in seconds, with set-based SQL (PostgreSQL's generate_series), for the tests that
show a page's queries stay flat whatever the size. Models' signals do not run; the database's triggers do."""

from django.db import connection

BULK_SCENES = 1_000
BULK_FANS = 1_000  # Every bulk fan votes on every bulk scene: a million votes.
BULK_COMMENTS = 100_000


def add_a_million_rows(drama, hugger, hugged, *, scene_ids_from: list | None = None) -> int:
    """BULK_SCENES published scenes in ``drama``, BULK_FANS fans, a vote by each on each scene (1,000,000 rows) and
    BULK_COMMENTS comments; the tallies agree with the votes. Returns the number of rows added."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO scenes_scene (episode, start_seconds, end_seconds, setting, description, line_korean,
                line_english, is_illustrative, is_featured, status, created_at, updated_at, published_at, drama_id,
                hugger_id, hugged_id, awesome_count, awkward_count, awesome_score, awkward_score, comment_count,
                controversy, favourite_count, rejection_reason)
            SELECT 1 + n %% %(episodes)s, n, n + 5, 'bulk setting', 'A bulk back hug.', '', '', false, false,
                'published', now(), now(), now() - n * interval '1 minute', %(drama)s, %(hugger)s, %(hugged)s,
                0, 0, 0, 0, 0, 0, 0, ''
            FROM generate_series(1, %(scenes)s) AS n
            """,
            {
                "episodes": drama.episodes,
                "drama": drama.pk,
                "hugger": hugger.pk,
                "hugged": hugged.pk,
                "scenes": BULK_SCENES,
            },
        )
        cursor.execute(
            """
            INSERT INTO auth_user (password, last_login, is_superuser, username, first_name, last_name, email,
                is_staff, is_active, date_joined)
            SELECT '!', NULL, false, 'bulkfan' || n, '', '', '', false, true, now()
            FROM generate_series(1, %(fans)s) AS n
            """,
            {"fans": BULK_FANS},
        )
        cursor.execute(
            """
            INSERT INTO community_vote (verdict, created_at, updated_at, fan_id, scene_id)
            SELECT CASE WHEN (s.id + u.id) %% 3 = 0 THEN 'awkward' ELSE 'awesome' END, now(), now(), u.id, s.id
            FROM scenes_scene s CROSS JOIN auth_user u
            WHERE s.setting = 'bulk setting' AND u.username LIKE 'bulkfan%%'
            """,
            {},
        )
        cursor.execute(
            """
            INSERT INTO community_comment (body, created_at, is_hidden, hidden_reason, is_deleted, author_id,
                scene_id, drama_id, parent_id, hidden_by_id, edited_at)
            SELECT 'A bulk comment.', now(), false, '', false, u.id, s.id, NULL, NULL, NULL, NULL
            FROM (SELECT id FROM scenes_scene WHERE setting = 'bulk setting') s
            CROSS JOIN LATERAL (SELECT id FROM auth_user WHERE username LIKE 'bulkfan%%'
                                ORDER BY id LIMIT %(per_scene)s) u
            """,
            {"per_scene": BULK_COMMENTS // BULK_SCENES},
        )
        cursor.execute(
            """
            UPDATE scenes_scene s SET
                awesome_count = t.awesome, awkward_count = t.awkward, comment_count = %(per_scene)s
            FROM (SELECT scene_id, COUNT(*) FILTER (WHERE verdict = 'awesome') AS awesome,
                         COUNT(*) FILTER (WHERE verdict = 'awkward') AS awkward
                  FROM community_vote GROUP BY scene_id) t
            WHERE t.scene_id = s.id AND s.setting = 'bulk setting'
            """,
            {"per_scene": BULK_COMMENTS // BULK_SCENES},
        )
        cursor.execute("ANALYZE")
    return BULK_SCENES + BULK_FANS + BULK_SCENES * BULK_FANS + BULK_COMMENTS
