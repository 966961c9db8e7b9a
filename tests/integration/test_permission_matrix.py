"""Walk every URL of the project for every role; the outcome must match the matrix.

A new view without a row in config/access.py fails here.
"""

import uuid

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from config.access import ANONYMOUS, MATRIX, allowed_roles
from patients.roles import Role
from tests.factories import make_case, make_patient, make_user

pytestmark = pytest.mark.django_db
ROLES = [ANONYMOUS, Role.PATIENT, Role.CLINICIAN, Role.ADMIN]


def project_patterns(resolvers=None, prefix="", namespace=""):
    """(route, name, namespace, view module) of every URL pattern, included ones too."""
    for entry in resolvers if resolvers is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            inner = namespace or (entry.namespace or "")
            yield from project_patterns(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            module = getattr(entry.callback, "__module__", "")
            yield prefix + str(entry.pattern), entry.name, namespace, module


OURS = [
    (route, name)
    for route, name, namespace, module in project_patterns()
    if allowed_roles(name, namespace, module) is not None and namespace != "admin"
]


def test_every_project_view_has_a_row_in_the_matrix():
    missing = [f"{route} ({name})" for route, name in OURS if name not in MATRIX]

    assert missing == []
    assert {name for _, name in OURS} == set(MATRIX)


def concrete(route, ids):
    """A URL for a route pattern: real objects' ids where they exist."""
    url = "/" + route
    url = url.replace("<slug:slug>", "about-you").replace("<int:version>", str(ids["version"]))
    return url.replace("<uuid:public_id>", str(ids["uuid"]))


@pytest.fixture
def ids():
    case = make_case()
    return {"uuid": case.submission.public_id, "version": 1, "owner": case.patient.user}


def client_for(role, ids):
    client = Client()
    if role is Role.PATIENT:
        client.force_login(ids["owner"])
    elif role != ANONYMOUS:
        client.force_login(make_user(role))
    return client


def outcome(response):
    if response.status_code == 403:
        return "denied"
    if response.status_code == 302 and response.url.startswith("/accounts/login/"):
        return "sign in"
    return "allowed"


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_exactly_what_the_matrix_says(role, ids):
    client = client_for(role, ids)
    wrong = []
    for route, name in OURS:
        got = outcome(client.get(concrete(route, ids)))
        allowed = role in MATRIX[name]
        expected = "allowed" if allowed else ("sign in" if role == ANONYMOUS else "denied")
        if got != expected:
            wrong.append(f"{name}: {got}, expected {expected}")

    assert wrong == []


def test_another_patient_finds_nothing_of_the_first(ids):
    other = Client()
    other.force_login(make_patient().user)

    response = other.get(f"/submissions/{ids['uuid']}/")

    assert response.status_code == 404
    assert other.get(f"/submissions/{uuid.uuid4()}/").status_code == 404


@pytest.mark.parametrize("role", [Role.PATIENT, Role.CLINICIAN])
def test_the_admin_site_is_for_admins_only(role, ids):
    client = client_for(role, ids)

    assert client.get("/admin/").status_code == 403
    assert client.get("/admin/patients/user/").status_code == 403
