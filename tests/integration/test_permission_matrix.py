"""Walk every URL of the project for every role; the outcome must match the matrix.

A new view without a row in config/access.py fails here.
"""

import uuid

import pytest
from django.test import Client

from config.access import ANONYMOUS, MATRIX, NO_ROLE
from patients.roles import Role
from tests.factories import make_patient
from tests.walk import SUPERUSER, client_for, concrete, our_views

pytestmark = pytest.mark.django_db
ROLES = [ANONYMOUS, Role.PATIENT, Role.CLINICIAN, Role.ADMIN, Role.THERAPIST, NO_ROLE, SUPERUSER]
# Whom the matrix sees each of them as: a superuser is an admin.
SEEN_AS = {SUPERUSER: Role.ADMIN}
OURS = our_views()


def test_every_project_view_has_a_row_in_the_matrix():
    missing = [f"{route} ({name})" for route, name in OURS if name not in MATRIX]

    assert missing == []
    assert {name for _, name in OURS} == set(MATRIX)


def outcome(response):
    if response.status_code == 403:
        return "denied"
    if response.status_code == 401:  # an API endpoint's "authenticate first"
        return "sign in"
    if response.status_code == 302 and response.url.startswith("/accounts/login/"):
        return "sign in"
    return "allowed"


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_exactly_what_the_matrix_says(role, walk_ids):
    client = client_for(role, walk_ids)
    wrong = []
    for route, name in OURS:
        got = outcome(client.get(concrete(route, walk_ids)))
        allowed = SEEN_AS.get(role, role) in MATRIX[name]
        expected = "allowed" if allowed else ("sign in" if role == ANONYMOUS else "denied")
        if got != expected:
            wrong.append(f"{name}: {got}, expected {expected}")

    assert wrong == []


def test_another_patient_finds_nothing_of_the_first(walk_ids):
    other = Client()
    other.force_login(make_patient().user)

    response = other.get(f"/submissions/{walk_ids['uuid']}/")

    assert response.status_code == 404
    assert other.get(f"/submissions/{uuid.uuid4()}/").status_code == 404


@pytest.mark.parametrize("role", [Role.PATIENT, Role.CLINICIAN, Role.THERAPIST, NO_ROLE])
def test_the_admin_site_is_for_admins_only(role, walk_ids):
    client = client_for(role, walk_ids)

    assert client.get("/admin/").status_code == 403
    assert client.get("/admin/patients/user/").status_code == 403


def test_a_superuser_is_an_admin_and_needs_a_second_factor(walk_ids):
    from patients.models import User

    client = Client()
    client.force_login(User.objects.create_superuser("root@example.org", "a-long-password-1"))

    response = client.get("/review/")

    assert response.status_code == 302
    assert response.url.startswith("/accounts/2fa/totp/activate")
    assert client.get("/rulesets/").url.startswith("/accounts/2fa/totp/activate")
