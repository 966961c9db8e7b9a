"""Second-factor secrets are encrypted at rest and out of the Django admin's reach."""

import importlib

import pytest
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.contrib import admin
from django.db import connection

from patients.mfa import decrypt_secret, encrypt_secret
from patients.roles import Role
from tests.factories import TOTP_SECRET, make_user

pytestmark = pytest.mark.django_db


def test_it_stores_no_totp_secret_or_recovery_seed_in_the_clear():
    user = make_user(Role.CLINICIAN)
    with connection.cursor() as cursor:
        cursor.execute("SELECT data FROM mfa_authenticator WHERE user_id = %s", [user.pk])
        stored = " ".join(str(row[0]) for row in cursor.fetchall())

    assert TOTP_SECRET not in stored
    totp = Authenticator.objects.get(user=user, type="totp")
    codes = Authenticator.objects.get(user=user, type="recovery_codes")
    assert totp.data["secret"].startswith("fernet:")
    assert codes.data["seed"].startswith("fernet:")
    assert decrypt_secret(totp.data["secret"]) == TOTP_SECRET


def test_it_refuses_a_secret_stored_in_the_clear():
    with pytest.raises(ValueError, match="unencrypted"):
        decrypt_secret(TOTP_SECRET)


def test_a_rotated_key_still_decrypts_what_the_old_key_encrypted(settings):
    old = encrypt_secret(TOTP_SECRET)
    settings.MFA_ENCRYPTION_KEYS = [
        "kWvA0lO3tH0xGQy0n0n6b4yW6l2yO2Ue2l0o1hS8F4M=",
        *settings.MFA_ENCRYPTION_KEYS,
    ]

    assert decrypt_secret(old) == TOTP_SECRET
    assert decrypt_secret(encrypt_secret("new")) == "new"


def test_the_migration_encrypts_secrets_stored_before_encryption():
    user = make_user(Role.CLINICIAN)
    Authenticator.objects.filter(user=user, type="totp").update(data={"secret": TOTP_SECRET})
    migration = importlib.import_module("patients.migrations.0006_encrypt_second_factor_secrets")

    migration.forwards(apps, None)

    secret = Authenticator.objects.get(user=user, type="totp").data["secret"]
    assert secret.startswith("fernet:")
    assert decrypt_secret(secret) == TOTP_SECRET


def test_the_admin_site_does_not_show_second_factor_records(client):
    client.force_login(make_user(Role.ADMIN))

    assert not admin.site.is_registered(Authenticator)
    assert client.get("/admin/mfa/authenticator/").status_code == 404
