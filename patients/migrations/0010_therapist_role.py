"""The therapist role exists as a group, like the first three."""

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor


def create_therapist_role(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    Group = apps.get_model("auth", "Group")
    Group.objects.get_or_create(name="therapist")


class Migration(migrations.Migration):
    dependencies = [("patients", "0009_submission_indexes")]

    operations = [migrations.RunPython(create_therapist_role, migrations.RunPython.noop)]
