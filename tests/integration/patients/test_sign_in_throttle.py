"""Sign-in is throttled per account and per address; passwords are hashed with Argon2."""

import pytest

from config import settings as project_settings
from tests.factories import PASSWORD, make_patient

pytestmark = pytest.mark.django_db
TOO_MANY = "Too many failed login attempts"


def sign_in(client, email, password):
    return client.post("/accounts/login/", {"login": email, "password": password})


def test_it_locks_an_account_after_five_failures_even_with_the_right_password(client):
    patient = make_patient()
    for _ in range(5):
        sign_in(client, patient.user.email, "wrong password")

    response = sign_in(client, patient.user.email, PASSWORD)

    assert response.status_code in (200, 429)
    assert TOO_MANY in response.content.decode()


def test_it_throttles_an_address_trying_many_accounts(client):
    emails = [make_patient().user.email for _ in range(11)]
    for email in emails[:10]:
        sign_in(client, email, "wrong password")

    response = sign_in(client, emails[10], PASSWORD)

    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session


def test_passwords_are_hashed_with_argon2(settings):
    settings.PASSWORD_HASHERS = project_settings.PASSWORD_HASHERS  # tests use a fast hasher
    patient = make_patient()

    assert patient.user.password.startswith("argon2$")
