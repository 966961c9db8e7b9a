"""Each view answers only the methods it serves: OPTIONS and TRACE are no GET in disguise."""

import pytest
from django.test import Client

from config.access import MATRIX
from patients.roles import Role
from tests.walk import client_for, concrete, our_views

pytestmark = pytest.mark.django_db


ROLES = (Role.PATIENT, Role.CLINICIAN, Role.ADMIN, Role.THERAPIST)


def role_allowed(name):
    """A role the view serves; None for views open to API tokens only (no session role)."""
    return next((role for role in ROLES if role in MATRIX[name]), None)


def test_no_view_answers_options_trace_put_or_delete(walk_ids):
    clients = {role: client_for(role, walk_ids) for role in ROLES}
    clients[None] = Client()
    answered = []
    for route, name in our_views():
        if name == "home" or name == "healthz":
            client = clients[Role.PATIENT]
        else:
            client = clients[role_allowed(name)]
        url = concrete(route, walk_ids)
        for method in ("options", "trace", "put", "delete", "patch"):
            response = client.generic(method.upper(), url)
            if response.status_code != 405:
                answered.append(f"{method.upper()} {name}: {response.status_code}")

    assert answered == []


@pytest.mark.parametrize(
    ("url_name", "url"),
    [("account_export", "/account/export/"), ("account", "/account/"), ("home", "/")],
)
def test_read_only_pages_refuse_a_post(patient_client, url_name, url):
    assert patient_client.post(url).status_code == 405
