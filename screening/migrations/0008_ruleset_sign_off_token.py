"""Sign-off records the draft it signed; clinical leads are a group holding the sign-off permission."""

from django.apps.registry import Apps
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.models import F

CLINICAL_LEAD_GROUP = "clinical lead"


def forwards(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    RuleSet = apps.get_model("screening", "RuleSet")
    # Drafts signed off before this migration were signed off as they stand.
    RuleSet.objects.filter(signed_off_at__isnull=False).update(signed_off_token=F("edit_token"))
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="screening", model="ruleset")
    permission, _ = Permission.objects.get_or_create(
        codename="sign_off_ruleset",
        content_type=content_type,
        defaults={"name": "Can sign off a rule set as clinical lead"},
    )
    group, _ = Group.objects.get_or_create(name=CLINICAL_LEAD_GROUP)
    group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("screening", "0007_audit_listings_and_golden_cases"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="ruleset",
            options={
                "ordering": ["-version"],
                "permissions": [
                    ("sign_off_ruleset", "Can sign off a rule set as clinical lead")
                ],
            },
        ),
        migrations.AddField(
            model_name="ruleset",
            name="signed_off_token",
            field=models.UUIDField(blank=True, null=True),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
