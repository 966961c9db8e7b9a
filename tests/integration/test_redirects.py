"""No redirect leaves the site, and no `next` value makes a server error."""

from urllib.parse import parse_qs

import pytest

from patients.roles import Role
from tests.factories import make_user

pytestmark = pytest.mark.django_db

HOSTILE = [
    "https://evil.example",
    "//evil.example/admin/",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(document.cookie)",
    "https:/\\evil.example",
    "/\\evil.example",
]


@pytest.mark.parametrize("next_url", HOSTILE)
def test_the_admin_sign_in_of_a_signed_in_admin_stays_on_the_site(client, next_url):
    client.force_login(make_user(Role.ADMIN))

    response = client.get("/admin/login/", {"next": next_url})

    assert response.status_code == 302
    assert response.url == "/admin/"


@pytest.mark.parametrize("next_url", HOSTILE)
def test_a_visitor_is_sent_to_sign_in_and_back_to_a_local_page(client, next_url):
    response = client.get("/admin/login/", {"next": next_url})

    assert response.status_code == 302
    login, query = response.url.split("?", 1)
    assert login == "/accounts/login/"
    assert parse_qs(query)["next"][0].startswith("/admin/login/")


def test_the_admin_sign_in_keeps_a_local_destination(client):
    client.force_login(make_user(Role.ADMIN))

    response = client.get("/admin/login/", {"next": "/admin/patients/user/"})

    assert response.url == "/admin/patients/user/"


@pytest.mark.parametrize("next_url", HOSTILE)
def test_the_crisis_page_links_only_to_the_questionnaire(patient_client, next_url):
    response = patient_client.get("/intake/support/", {"next": next_url})

    assert response.status_code == 200
    assert response.context["next"] == "/intake/"
