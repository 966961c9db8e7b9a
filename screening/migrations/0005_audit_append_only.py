"""On PostgreSQL the audit table is append-only: a trigger refuses UPDATE and DELETE."""

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

CREATE = """
CREATE OR REPLACE FUNCTION screening_auditentry_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER screening_auditentry_append_only
    BEFORE UPDATE OR DELETE ON screening_auditentry
    FOR EACH ROW EXECUTE FUNCTION screening_auditentry_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS screening_auditentry_append_only ON screening_auditentry;
DROP FUNCTION IF EXISTS screening_auditentry_append_only();
"""


def create(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("screening", "0004_audit_export_action")]

    operations = [migrations.RunPython(create, drop)]
