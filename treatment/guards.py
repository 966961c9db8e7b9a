"""Records no one can rewrite, below the models: triggers on PostgreSQL and SQLite.

The models refuse to change what the record-keeping rules keep as made, but a queryset's
`update()`, `delete()` or `bulk_create()` never calls them. These triggers refuse, in the
database itself:

- UPDATE and DELETE of a signed monitoring record, and of the observations of a signed
  record; INSERT of an observation into a signed record;
- any UPDATE or DELETE of the rows kept as never edited (NEVER_EDITED);
- in pre-dose checks and readiness assessments, any change but the override's who, when
  and why going once from empty to set (SET_ONCE), with a negative test's date; and their
  DELETE.

Flushing a whole database (`manage.py flush`, tests that commit) stays possible, as it is on
PostgreSQL, whose TRUNCATE fires no row trigger: on SQLite the DELETE triggers ask
`treatment_flushing()`, a function each of the app's connections defines, true only while
Django flushes. A connection without it (the sqlite3 shell) can delete none of these rows.

On SQLite a migration that rebuilds a table drops its triggers, and a trigger lists the
columns it holds unchanged: `guards_ensure` (after every `migrate`) makes them anew.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper

NEVER_EDITED = (
    "treatment_homedose",
    "treatment_afterdosereading",
    "treatment_reportedsideeffect",
    "treatment_measureset",
    "treatment_prescribeddose",
    "treatment_intention",
    "treatment_integrationnote",
    "treatment_reflection",
)
SET_ONCE = ("treatment_predosecheck", "treatment_readinessassessment")
OVERRIDE = ("override_reason", "overridden_by_id", "overridden_at")
# Set only together with the override, in the same statement: at home a possible pregnancy
# is overridden with the date of a negative test.
WITH_OVERRIDE = ("negative_test_on",)
FREED = (*OVERRIDE, *WITH_OVERRIDE)
RECORDS = "treatment_monitoringrecord"
OBSERVATIONS = "treatment_observation"
PREFIX = "treatment_guard_"

_EMPTY = "OLD.overridden_at IS NULL AND OLD.overridden_by_id IS NULL AND OLD.override_reason = ''"
_SET = (
    "NEW.overridden_at IS NOT NULL AND NEW.overridden_by_id IS NOT NULL "
    "AND NEW.override_reason <> ''"
)
_SIGNED = (
    "EXISTS (SELECT 1 FROM treatment_monitoringrecord "
    "WHERE id = {row}.record_id AND signed_at IS NOT NULL)"
)
_REFUSE = "restrict_violation"

POSTGRESQL_FUNCTIONS = f"""
CREATE OR REPLACE FUNCTION {PREFIX}never_edited() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% rows are never edited or deleted', TG_TABLE_NAME
        USING ERRCODE = '{_REFUSE}';
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION {PREFIX}set_once() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND {_EMPTY} AND {_SET}
        AND (to_jsonb(NEW) - '{{{",".join(FREED)}}}'::text[])
            = (to_jsonb(OLD) - '{{{",".join(FREED)}}}'::text[]) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% rows are never edited or deleted: an override is set once', TG_TABLE_NAME
        USING ERRCODE = '{_REFUSE}';
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION {PREFIX}signed_record() RETURNS trigger AS $$
BEGIN
    IF OLD.signed_at IS NOT NULL THEN
        RAISE EXCEPTION 'a signed monitoring record is never changed: amend it'
            USING ERRCODE = '{_REFUSE}';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION {PREFIX}observation() RETURNS trigger AS $$
BEGIN
    IF (TG_OP <> 'INSERT' AND {_SIGNED.format(row="OLD")})
        OR (TG_OP <> 'DELETE' AND {_SIGNED.format(row="NEW")}) THEN
        RAISE EXCEPTION 'the observations of a signed monitoring record are never changed'
            USING ERRCODE = '{_REFUSE}';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""


def _postgresql() -> list[str]:
    triggers = [
        *((table, "never_edited", "UPDATE OR DELETE") for table in NEVER_EDITED),
        *((table, "set_once", "UPDATE OR DELETE") for table in SET_ONCE),
        (RECORDS, "signed_record", "UPDATE OR DELETE"),
        (OBSERVATIONS, "observation", "INSERT OR UPDATE OR DELETE"),
    ]
    statements = [POSTGRESQL_FUNCTIONS]
    for table, function, events in triggers:
        name = f"{PREFIX}{table}"
        statements += [
            f"DROP TRIGGER IF EXISTS {name} ON {table}",
            f"CREATE TRIGGER {name} BEFORE {events} ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {PREFIX}{function}()",
        ]
    return statements


def _sqlite_trigger(name: str, event: str, table: str, when: str, message: str) -> str:
    return (
        f"CREATE TRIGGER IF NOT EXISTS {PREFIX}{name} BEFORE {event} ON {table} "
        f"WHEN {when} BEGIN SELECT RAISE(ABORT, '{message}'); END"
    )


def _sqlite(columns_of: Callable[[str], list[str]]) -> list[str]:
    flushing = f"NOT {PREFIX}flushing()"
    statements = []
    for table in NEVER_EDITED:
        message = f"{table} rows are never edited or deleted"
        statements += [
            _sqlite_trigger(f"{table}_update", "UPDATE", table, "1", message),
            _sqlite_trigger(f"{table}_delete", "DELETE", table, flushing, message),
        ]
    for table in SET_ONCE:
        unchanged = " AND ".join(
            f'NEW."{column}" IS OLD."{column}"'
            for column in columns_of(table)
            if column not in FREED
        )
        message = f"{table} rows are never edited or deleted: an override is set once"
        statements += [
            _sqlite_trigger(
                f"{table}_update",
                "UPDATE",
                table,
                f"NOT ({_EMPTY} AND {_SET} AND {unchanged})",
                message,
            ),
            _sqlite_trigger(f"{table}_delete", "DELETE", table, flushing, message),
        ]
    signed = "a signed monitoring record is never changed: amend it"
    observed = "the observations of a signed monitoring record are never changed"
    statements += [
        _sqlite_trigger(
            f"{RECORDS}_update", "UPDATE", RECORDS, "OLD.signed_at IS NOT NULL", signed
        ),
        _sqlite_trigger(
            f"{RECORDS}_delete",
            "DELETE",
            RECORDS,
            f"OLD.signed_at IS NOT NULL AND {flushing}",
            signed,
        ),
        _sqlite_trigger(
            f"{OBSERVATIONS}_insert", "INSERT", OBSERVATIONS, _SIGNED.format(row="NEW"), observed
        ),
        _sqlite_trigger(
            f"{OBSERVATIONS}_update",
            "UPDATE",
            OBSERVATIONS,
            f"{_SIGNED.format(row='OLD')} OR {_SIGNED.format(row='NEW')}",
            observed,
        ),
        _sqlite_trigger(
            f"{OBSERVATIONS}_delete",
            "DELETE",
            OBSERVATIONS,
            f"{flushing} AND {_SIGNED.format(row='OLD')}",
            observed,
        ),
    ]
    return statements


def guard_statements(connection: BaseDatabaseWrapper) -> list[str]:
    """The statements that install every guard on this database (none on other vendors)."""
    if connection.vendor == "postgresql":
        return _postgresql()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:

            def columns_of(table: str) -> list[str]:
                cursor.execute(f"PRAGMA table_info({table})")
                return [row[1] for row in cursor.fetchall()]

            return _sqlite(columns_of)
    return []


def guards_install(connection: BaseDatabaseWrapper) -> None:
    with connection.cursor() as cursor:
        for statement in guard_statements(connection):
            cursor.execute(statement)


def guard_names(connection: BaseDatabaseWrapper) -> set[str]:
    """The guards (triggers) in place on this database."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT DISTINCT tgname FROM pg_trigger WHERE tgname LIKE %s", [PREFIX + "%"]
            )
        elif connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
                [PREFIX + "%"],
            )
        else:
            return set()
        return {row[0] for row in cursor.fetchall()}


def guards_remove(connection: BaseDatabaseWrapper) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for table in (*NEVER_EDITED, *SET_ONCE, RECORDS, OBSERVATIONS):
                cursor.execute(f"DROP TRIGGER IF EXISTS {PREFIX}{table} ON {table}")
            for function in ("never_edited", "set_once", "signed_record", "observation"):
                cursor.execute(f"DROP FUNCTION IF EXISTS {PREFIX}{function}()")
        elif connection.vendor == "sqlite":
            for name in guard_names(connection):
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")


def guards_ensure(connection: BaseDatabaseWrapper) -> None:
    """After a migration on SQLite, if the guards are in place (none are before their
    migration, or after it is reversed): made anew, so that a rebuilt table gets back
    those it lost and a new column of a pre-dose check is held unchanged too."""
    if connection.vendor == "sqlite" and guard_names(connection):
        guards_remove(connection)
        guards_install(connection)


# SQLite: the flag the DELETE triggers read --------------------------------------------------


def sqlite_connection_prepare(connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """On each new SQLite connection: define `treatment_guard_flushing()`, true only while
    Django flushes the whole database."""
    if connection.vendor != "sqlite":
        return
    connection.connection.create_function(
        f"{PREFIX}flushing",
        0,
        lambda: int(getattr(connection, "treatment_flushing", False)),
    )
    ops: Any = connection.ops
    if getattr(ops, "treatment_flush_wrapped", False):
        return
    flush = ops.execute_sql_flush

    def execute_sql_flush(sql_list: list[str]) -> None:
        connection.treatment_flushing = True  # type: ignore[attr-defined]
        try:
            flush(sql_list)
        finally:
            connection.treatment_flushing = False  # type: ignore[attr-defined]

    ops.execute_sql_flush = execute_sql_flush
    ops.treatment_flush_wrapped = True
