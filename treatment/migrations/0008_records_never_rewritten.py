"""Records no one can rewrite: triggers on PostgreSQL and SQLite (see treatment/guards.py)
refuse UPDATE and DELETE of a signed monitoring record and of its observations, INSERT of
an observation into a signed record, any UPDATE or DELETE of the rows kept as never edited,
and any change to a pre-dose check or readiness assessment but its override, set once."""

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

from treatment.guards import guards_install, guards_remove


def install(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    guards_install(schema_editor.connection)


def remove(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    guards_remove(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("treatment", "0007_pre_dose_check_after_call")]

    operations = [migrations.RunPython(install, remove)]
