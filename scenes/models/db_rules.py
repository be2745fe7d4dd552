"""
Catalogue rules that span tables, enforced by the database itself with triggers.

A CHECK constraint sees one row only, so these rules live in triggers (SQLite and PostgreSQL):
- a scene's episode lies within its drama's episode count (also when the drama's count is lowered);
- the hugger and the hugged are characters of the scene's drama (also when a character moves drama);
- derived tropes (second-lead, girl-initiated, boy-initiated) are facts about the hugger and are never
  stored on a scene, so they cannot disagree with the characters.

A violation raises IntegrityError. On SQLite, Django rebuilds a table for many schema changes, which
fails while triggers name the table and drops the table's own triggers: a migration that alters one of
these tables starts with ``RunPython(uninstall, install)`` and ends with ``RunPython(install, uninstall)``
(see 0004; tests/test_models.py fails if the rules go missing).
"""

SQLITE = [
    """
    CREATE TRIGGER scene_rules_insert BEFORE INSERT ON scenes_scene
    BEGIN
        SELECT RAISE(ABORT, 'scene episode is beyond the drama''s episode count')
        WHERE NEW.episode > (SELECT episodes FROM scenes_drama WHERE id = NEW.drama_id);
        SELECT RAISE(ABORT, 'hugger is not a character of the scene''s drama')
        WHERE (SELECT drama_id FROM scenes_character WHERE id = NEW.hugger_id) IS NOT NEW.drama_id;
        SELECT RAISE(ABORT, 'hugged is not a character of the scene''s drama')
        WHERE (SELECT drama_id FROM scenes_character WHERE id = NEW.hugged_id) IS NOT NEW.drama_id;
    END
    """,
    """
    CREATE TRIGGER scene_rules_update BEFORE UPDATE OF drama_id, episode, hugger_id, hugged_id ON scenes_scene
    BEGIN
        SELECT RAISE(ABORT, 'scene episode is beyond the drama''s episode count')
        WHERE NEW.episode > (SELECT episodes FROM scenes_drama WHERE id = NEW.drama_id);
        SELECT RAISE(ABORT, 'hugger is not a character of the scene''s drama')
        WHERE (SELECT drama_id FROM scenes_character WHERE id = NEW.hugger_id) IS NOT NEW.drama_id;
        SELECT RAISE(ABORT, 'hugged is not a character of the scene''s drama')
        WHERE (SELECT drama_id FROM scenes_character WHERE id = NEW.hugged_id) IS NOT NEW.drama_id;
    END
    """,
    """
    CREATE TRIGGER drama_episodes_cover_scenes BEFORE UPDATE OF episodes ON scenes_drama
    BEGIN
        SELECT RAISE(ABORT, 'the drama has scenes beyond that episode count')
        WHERE EXISTS (SELECT 1 FROM scenes_scene WHERE drama_id = NEW.id AND episode > NEW.episodes);
    END
    """,
    """
    CREATE TRIGGER character_stays_in_drama BEFORE UPDATE OF drama_id ON scenes_character
    BEGIN
        SELECT RAISE(ABORT, 'the character has scenes in their drama and cannot move to another')
        WHERE NEW.drama_id IS NOT OLD.drama_id
          AND EXISTS (SELECT 1 FROM scenes_scene WHERE hugger_id = NEW.id OR hugged_id = NEW.id);
    END
    """,
    """
    CREATE TRIGGER scenetrope_not_derived_insert BEFORE INSERT ON scenes_scenetrope
    BEGIN
        SELECT RAISE(ABORT, 'derived tropes follow from the characters and cannot be attached')
        WHERE (SELECT rule FROM scenes_trope WHERE id = NEW.trope_id) <> '';
    END
    """,
    """
    CREATE TRIGGER scenetrope_not_derived_update BEFORE UPDATE OF trope_id ON scenes_scenetrope
    BEGIN
        SELECT RAISE(ABORT, 'derived tropes follow from the characters and cannot be attached')
        WHERE (SELECT rule FROM scenes_trope WHERE id = NEW.trope_id) <> '';
    END
    """,
    """
    CREATE TRIGGER trope_rule_keeps_scenes BEFORE UPDATE OF rule ON scenes_trope
    BEGIN
        SELECT RAISE(ABORT, 'a trope attached to scenes cannot become derived')
        WHERE NEW.rule <> '' AND EXISTS (SELECT 1 FROM scenes_scenetrope WHERE trope_id = NEW.id);
    END
    """,
]

SQLITE_TRIGGERS = [
    "scene_rules_insert",
    "scene_rules_update",
    "drama_episodes_cover_scenes",
    "character_stays_in_drama",
    "scenetrope_not_derived_insert",
    "scenetrope_not_derived_update",
    "trope_rule_keeps_scenes",
]

POSTGRESQL = [
    """
    CREATE OR REPLACE FUNCTION scenes_scene_rules() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        drama_episodes integer;
    BEGIN
        SELECT episodes INTO drama_episodes FROM scenes_drama WHERE id = NEW.drama_id FOR SHARE;
        IF NEW.episode > drama_episodes THEN
            RAISE EXCEPTION 'scene episode % is beyond the drama''s episode count %', NEW.episode, drama_episodes
                USING ERRCODE = 'check_violation';
        END IF;
        IF (SELECT drama_id FROM scenes_character WHERE id = NEW.hugger_id FOR SHARE) IS DISTINCT FROM NEW.drama_id THEN
            RAISE EXCEPTION 'hugger is not a character of the scene''s drama' USING ERRCODE = 'check_violation';
        END IF;
        IF (SELECT drama_id FROM scenes_character WHERE id = NEW.hugged_id FOR SHARE) IS DISTINCT FROM NEW.drama_id THEN
            RAISE EXCEPTION 'hugged is not a character of the scene''s drama' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END $$
    """,
    """
    CREATE OR REPLACE TRIGGER scene_rules BEFORE INSERT OR UPDATE OF drama_id, episode, hugger_id, hugged_id
    ON scenes_scene FOR EACH ROW EXECUTE FUNCTION scenes_scene_rules()
    """,
    """
    CREATE OR REPLACE FUNCTION scenes_drama_episodes_cover_scenes() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF EXISTS (SELECT 1 FROM scenes_scene WHERE drama_id = NEW.id AND episode > NEW.episodes) THEN
            RAISE EXCEPTION 'the drama has scenes beyond episode %', NEW.episodes USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END $$
    """,
    """
    CREATE OR REPLACE TRIGGER drama_episodes_cover_scenes BEFORE UPDATE OF episodes
    ON scenes_drama FOR EACH ROW EXECUTE FUNCTION scenes_drama_episodes_cover_scenes()
    """,
    """
    CREATE OR REPLACE FUNCTION scenes_character_stays_in_drama() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.drama_id IS DISTINCT FROM OLD.drama_id
           AND EXISTS (SELECT 1 FROM scenes_scene WHERE hugger_id = NEW.id OR hugged_id = NEW.id) THEN
            RAISE EXCEPTION 'the character has scenes in their drama and cannot move to another'
                USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END $$
    """,
    """
    CREATE OR REPLACE TRIGGER character_stays_in_drama BEFORE UPDATE OF drama_id
    ON scenes_character FOR EACH ROW EXECUTE FUNCTION scenes_character_stays_in_drama()
    """,
    """
    CREATE OR REPLACE FUNCTION scenes_scenetrope_not_derived() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF (SELECT rule FROM scenes_trope WHERE id = NEW.trope_id) <> '' THEN
            RAISE EXCEPTION 'derived tropes follow from the characters and cannot be attached'
                USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END $$
    """,
    """
    CREATE OR REPLACE TRIGGER scenetrope_not_derived BEFORE INSERT OR UPDATE OF trope_id
    ON scenes_scenetrope FOR EACH ROW EXECUTE FUNCTION scenes_scenetrope_not_derived()
    """,
    """
    CREATE OR REPLACE FUNCTION scenes_trope_rule_keeps_scenes() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.rule <> '' AND EXISTS (SELECT 1 FROM scenes_scenetrope WHERE trope_id = NEW.id) THEN
            RAISE EXCEPTION 'a trope attached to scenes cannot become derived' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END $$
    """,
    """
    CREATE OR REPLACE TRIGGER trope_rule_keeps_scenes BEFORE UPDATE OF rule
    ON scenes_trope FOR EACH ROW EXECUTE FUNCTION scenes_trope_rule_keeps_scenes()
    """,
]

POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS scene_rules ON scenes_scene",
    "DROP TRIGGER IF EXISTS drama_episodes_cover_scenes ON scenes_drama",
    "DROP TRIGGER IF EXISTS character_stays_in_drama ON scenes_character",
    "DROP TRIGGER IF EXISTS scenetrope_not_derived ON scenes_scenetrope",
    "DROP TRIGGER IF EXISTS trope_rule_keeps_scenes ON scenes_trope",
    "DROP FUNCTION IF EXISTS scenes_scene_rules()",
    "DROP FUNCTION IF EXISTS scenes_drama_episodes_cover_scenes()",
    "DROP FUNCTION IF EXISTS scenes_character_stays_in_drama()",
    "DROP FUNCTION IF EXISTS scenes_scenetrope_not_derived()",
    "DROP FUNCTION IF EXISTS scenes_trope_rule_keeps_scenes()",
]


def install(apps, schema_editor):
    """(Re)install every rule; safe to run again after a migration rebuilt a table."""
    uninstall(apps, schema_editor)
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": SQLITE, "postgresql": POSTGRESQL}.get(vendor)
    if statements is None:
        raise NotImplementedError(f"tropedb's catalogue rules have no triggers for {vendor}.")
    for statement in statements:
        schema_editor.execute(statement, params=None)


def uninstall(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for name in SQLITE_TRIGGERS:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}", params=None)
    elif vendor == "postgresql":
        for statement in POSTGRESQL_DROP:
            schema_editor.execute(statement, params=None)
