"""Account lifecycle: addresses, resets, sessions and the second factor."""

import re
import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core import mail
from django.test import Client

from patients.models import User
from patients.roles import Role
from patients.sessions import SIGNED_IN_AT
from tests.factories import PASSWORD, make_patient, make_user, totp_code

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "victim@example.org",
    "password1": "correct-horse-battery",
    "password2": "correct-horse-battery",
    "given_name": "Vic",
    "family_name": "Tim",
    "date_of_birth": "1988-02-29",
    "phone": "+1 555 0100",
}


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def reset_links(email):
    return [
        link
        for message in mail.outbox
        if email in message.to
        for link in re.findall(r"https?://\S+/accounts/password/reset/key/\S+/", message.body)
    ]


def test_an_unverified_address_of_someone_else_does_not_keep_its_owner_out():
    attacker = make_patient(email="attacker@example.org")
    EmailAddress.objects.create(user=attacker.user, email="victim@example.org", verified=False)

    response = Client().post("/accounts/signup/", SIGNUP)

    assert response.status_code == 302
    victim = User.objects.get(email="victim@example.org")
    assert victim.pk != attacker.user.pk
    assert not EmailAddress.objects.filter(user=attacker.user, email="victim@example.org").exists()


def test_a_reset_link_goes_only_to_a_verified_address():
    attacker = make_patient(email="attacker@example.org")
    EmailAddress.objects.create(user=attacker.user, email="victim@example.org", verified=False)

    Client().post("/accounts/password/reset/", {"email": "victim@example.org"})
    Client().post("/accounts/password/reset/", {"email": "attacker@example.org"})

    assert reset_links("victim@example.org") == []
    assert len(reset_links("attacker@example.org")) == 1


def test_a_patient_cannot_keep_a_second_address_and_no_mail_goes_to_a_staff_address():
    patient = make_patient(email="patient@example.org")
    clinician = make_user(Role.CLINICIAN, "clinician@clinic.example")
    client = signed_in(patient.user)
    _fresh_login(client, patient.user)
    mail.outbox.clear()

    client.post("/accounts/email/", {"email": clinician.email, "action_add": ""})
    client.post("/accounts/email/", {"email": "new@example.org", "action_add": ""})
    client.post("/accounts/email/", {"email": "newer@example.org", "action_add": ""})

    assert [m.to for m in mail.outbox if clinician.email in m.to] == []
    addresses = set(EmailAddress.objects.filter(user=patient.user).values_list("email", "verified"))
    assert addresses == {("patient@example.org", True), ("newer@example.org", False)}


def _fresh_login(client, user):
    """allauth asks a signed-in user to re-enter the password before changing addresses."""
    session = client.session
    session["account_authentication_methods_user"] = str(user.pk)
    session["account_authentication_methods"] = [
        {"method": "password", "at": time.time(), "reauthenticated": True}
    ]
    session.save()


def test_a_newer_reset_link_voids_the_older_one_and_links_last_an_hour(settings):
    assert settings.PASSWORD_RESET_TIMEOUT == 3600
    patient = make_patient(email="forgetful@example.org")

    for _ in range(2):
        Client().post("/accounts/password/reset/", {"email": patient.user.email})
    older, newer = reset_links(patient.user.email)

    path = older.split("://", 1)[1].split("/", 1)[1]
    assert "bad_token" in Client().get("/" + path, follow=True).content.decode() or (
        b"invalid" in Client().get("/" + path, follow=True).content.lower()
    )
    newer_path = "/" + newer.split("://", 1)[1].split("/", 1)[1]
    assert Client().get(newer_path).status_code == 302  # on to the set-password form


def test_links_in_emails_come_from_the_site_address_not_the_request(client, settings):
    settings.SITE_URL = "https://screening.example.org"
    patient = make_patient(email="hosted@example.org")

    client.post("/accounts/password/reset/", {"email": patient.user.email}, HTTP_HOST="localhost")

    (link,) = reset_links(patient.user.email)
    assert link.startswith("https://screening.example.org/accounts/password/reset/key/")


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("someone@ex\u0430mple.org", "plain letters"),  # a Cyrillic letter a
        ("someone@xn--exmple-cua.org", "plain letters"),
        ("someone@[192.0.2.1]", "not at a numeric address"),
        ("someone@192.0.2.1", "Enter a valid email address"),
        ("a" * 300 + "@example.org", "at most 254 characters"),
    ],
)
def test_odd_addresses_are_refused_at_sign_up_with_a_clear_message(address, message):
    response = Client().post("/accounts/signup/", {**SIGNUP, "email": address})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.filter(email__startswith=address[:20]).exists()


class CountingHasher(PBKDF2PasswordHasher):
    algorithm = "counting"
    iterations = 1
    calls = 0

    def encode(self, password, salt, iterations=None):
        CountingHasher.calls += 1
        return super().encode(password, salt, iterations)


def test_sign_up_does_the_same_work_whether_or_not_the_address_has_an_account(settings):
    settings.PASSWORD_HASHERS = ["tests.integration.patients.test_account_lifecycle.CountingHasher"]
    make_patient(email="taken@example.org")
    CountingHasher.calls = 0
    Client().post("/accounts/signup/", {**SIGNUP, "email": "taken@example.org"})
    taken = CountingHasher.calls

    CountingHasher.calls = 0
    Client().post("/accounts/signup/", {**SIGNUP, "email": "free@example.org"})

    assert taken == CountingHasher.calls == 1


@pytest.mark.django_db(transaction=True)  # the signal is sent after commit, as in production
def test_a_change_of_second_factor_ends_every_other_session():
    clinician = make_user(Role.CLINICIAN)
    other_browser, this_browser = signed_in(clinician), signed_in(clinician)
    assert other_browser.get("/review/").status_code == 200
    Authenticator.objects.filter(user=clinician, type="recovery_codes").delete()
    session = this_browser.session
    session["account_authentication_methods_user"] = str(clinician.pk)
    session["account_authentication_methods"] = [
        {"method": "mfa", "at": time.time(), "reauthenticated": True}
    ]
    session.save()

    response = this_browser.post("/accounts/2fa/recovery-codes/generate/")

    assert response.status_code == 302
    assert this_browser.get("/review/").status_code == 200
    assert other_browser.get("/review/").url.startswith("/accounts/login/")


def test_deactivating_the_second_factor_ends_other_sessions_too():
    clinician = make_user(Role.CLINICIAN)
    other_browser, this_browser = signed_in(clinician), signed_in(clinician)
    session = this_browser.session
    session["account_authentication_methods_user"] = str(clinician.pk)
    session["account_authentication_methods"] = [
        {"method": "mfa", "at": time.time(), "reauthenticated": True}
    ]
    session.save()

    this_browser.post("/accounts/2fa/totp/deactivate/", {"code": totp_code()})

    assert not Authenticator.objects.filter(user=clinician, type="totp").exists()
    assert other_browser.get("/review/").url.startswith("/accounts/login/")


@pytest.mark.parametrize(("role", "hours"), [(Role.CLINICIAN, 12), (Role.PATIENT, 24)])
def test_a_session_ends_after_its_absolute_lifetime_whatever_the_activity(role, hours):
    user = make_patient().user if role is Role.PATIENT else make_user(role)
    client = signed_in(user)
    page = "/account/" if role is Role.PATIENT else "/review/"
    session = client.session
    session[SIGNED_IN_AT] = time.time() - hours * 3600 + 60
    session.save()
    assert client.get(page).status_code == 200  # a minute left

    session = client.session
    session[SIGNED_IN_AT] = time.time() - hours * 3600 - 1
    session.save()

    assert client.get(page).url.startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session


def test_the_admin_password_change_page_is_the_apps_own():
    client = signed_in(make_user(Role.ADMIN))

    response = client.get("/admin/password_change/")

    assert response.status_code == 302
    assert response.url == "/accounts/password/change/"


def test_permission_fields_are_read_only_for_non_superusers_and_on_ones_own_account():
    from django.contrib.auth.models import Permission

    staff = make_user(Role.ADMIN)
    User.objects.filter(pk=staff.pk).update(is_superuser=False)
    staff.user_permissions.add(
        *Permission.objects.filter(codename__in=["change_user", "view_user"])
    )
    client = signed_in(User.objects.get(pk=staff.pk))

    page = client.get(f"/admin/patients/user/{staff.pk}/change/").content.decode()
    client.post(
        f"/admin/patients/user/{staff.pk}/change/",
        {"email": staff.email, "is_superuser": "on", "is_staff": "on", "is_active": "on"},
    )

    assert 'name="is_superuser"' not in page
    assert not User.objects.get(pk=staff.pk).is_superuser


def test_a_superuser_cannot_change_their_own_permissions():
    admin = make_user(Role.ADMIN)
    client = signed_in(admin)

    page = client.get(f"/admin/patients/user/{admin.pk}/change/").content.decode()
    other = client.get(f"/admin/patients/user/{make_user(Role.CLINICIAN).pk}/change/")

    assert 'name="is_superuser"' not in page
    assert 'name="is_superuser"' in other.content.decode()


def test_signing_in_again_records_when_the_session_started(client):
    patient = make_patient()

    client.post("/accounts/login/", {"login": patient.user.email, "password": PASSWORD})

    assert abs(client.session[SIGNED_IN_AT] - time.time()) < 60
