"""The Django admin: a password set for someone needs a fresh second factor and is audited;
users are deactivated, never deleted."""

import time

import pytest
from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY
from django.db.models import ProtectedError

from patients.models import User
from patients.roles import Role
from screening.audit.models import AuditEntry
from screening.audit.services import audit_record
from tests.factories import make_user

pytestmark = pytest.mark.django_db

NEW_PASSWORD = {"password1": "another-long-password-9", "password2": "another-long-password-9"}


def with_second_factor(client, user, seconds_ago):
    session = client.session
    session["account_authentication_methods_user"] = str(user.pk)
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "mfa", "at": time.time() - seconds_ago, "type": "totp"}
    ]
    session.save()


def test_setting_a_staff_password_asks_for_the_second_factor_again(client):
    admin, clinician = make_user(Role.ADMIN), make_user(Role.CLINICIAN)
    client.force_login(admin)
    with_second_factor(client, admin, seconds_ago=3600)
    url = f"/admin/patients/user/{clinician.pk}/password/"

    response = client.post(url, NEW_PASSWORD)

    assert response.status_code == 302
    assert response.url.startswith("/accounts/reauthenticate/") or response.url.startswith(
        "/accounts/2fa/reauthenticate/"
    )
    clinician.refresh_from_db()
    assert not clinician.check_password(NEW_PASSWORD["password1"])
    assert not AuditEntry.objects.filter(action="password_set_in_admin").exists()


def test_with_a_fresh_second_factor_the_password_is_set_and_audited(client):
    admin, clinician = make_user(Role.ADMIN), make_user(Role.CLINICIAN)
    client.force_login(admin)
    with_second_factor(client, admin, seconds_ago=10)

    client.post(f"/admin/patients/user/{clinician.pk}/password/", NEW_PASSWORD)

    clinician.refresh_from_db()
    assert clinician.check_password(NEW_PASSWORD["password1"])
    entry = AuditEntry.objects.get(action="password_set_in_admin")
    assert (entry.actor, entry.actor_email, entry.detail) == (
        admin,
        admin.email,
        f"user {clinician.pk}",
    )


def test_a_user_with_audit_entries_cannot_be_deleted_and_the_entry_keeps_the_email():
    clinician = make_user(Role.CLINICIAN)
    entry = audit_record(actor=clinician, action=AuditEntry.Action.QUEUE_VIEWED)

    with pytest.raises(ProtectedError):
        clinician.delete()
    User.objects.filter(pk=clinician.pk).update(email="renamed@example.org")

    entry.refresh_from_db()
    assert (entry.actor_id, entry.actor_email) == (clinician.pk, clinician.email)


def test_the_admin_offers_deactivation_not_deletion(client):
    admin, clinician = make_user(Role.ADMIN), make_user(Role.CLINICIAN)
    client.force_login(admin)

    assert client.get(f"/admin/patients/user/{clinician.pk}/delete/").status_code == 403
    client.post(
        "/admin/patients/user/",
        {"action": "deactivate", "_selected_action": [clinician.pk, admin.pk]},
    )

    clinician.refresh_from_db()
    admin.refresh_from_db()
    assert (clinician.is_active, admin.is_active) == (False, True)
