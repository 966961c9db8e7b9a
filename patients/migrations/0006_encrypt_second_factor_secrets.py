"""Encrypt the second-factor secrets stored in the clear before encryption at rest."""

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

from patients.mfa import PREFIX, decrypt_secret, encrypt_secret


def _convert(value: object, convert) -> object:  # type: ignore[no-untyped-def]
    if isinstance(value, str):
        return convert(value)
    if isinstance(value, list):
        return [convert(item) for item in value]
    return value


def _encrypt(text: str) -> str:
    return text if text.startswith(PREFIX) else encrypt_secret(text)


def _decrypt(text: str) -> str:
    return decrypt_secret(text) if text.startswith(PREFIX) else text


def _rewrite(apps: Apps, convert) -> None:  # type: ignore[no-untyped-def]
    Authenticator = apps.get_model("mfa", "Authenticator")
    for authenticator in Authenticator.objects.all():
        data = dict(authenticator.data)
        for key in ("secret", "seed", "migrated_codes"):
            if key in data:
                data[key] = _convert(data[key], convert)
        if data != authenticator.data:
            authenticator.data = data
            authenticator.save(update_fields=["data"])


def forwards(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _rewrite(apps, _encrypt)


def backwards(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _rewrite(apps, _decrypt)


class Migration(migrations.Migration):
    dependencies = [
        ("patients", "0005_case_number_unique"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
