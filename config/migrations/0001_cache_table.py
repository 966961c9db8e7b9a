"""The table of the database cache, used when no Redis is configured (see config/caches.py)."""

from django.apps.registry import Apps
from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

from config.caches import DATABASE_CACHE_TABLE


def create(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    command = CreateCacheTable()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, DATABASE_CACHE_TABLE, dry_run=False)


def drop(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    schema_editor.execute(
        f"DROP TABLE IF EXISTS {schema_editor.quote_name(DATABASE_CACHE_TABLE)}"
    )


class Migration(migrations.Migration):
    operations = [migrations.RunPython(create, drop)]
