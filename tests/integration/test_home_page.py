"""The home page says what the service is and loads nothing from another host."""

import re

import pytest
from django.core.management import call_command

from patients.models import User


def test_it_says_what_the_service_is_to_anyone(client):
    response = client.get("/")

    assert response.status_code == 200
    assert b"Screening for ketamine therapy" in response.content
    assert b"never replaces, a clinician" in response.content


def test_it_loads_bootstrap_from_its_own_static_files(client):
    html = client.get("/").content.decode()

    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert "/static/vendor/bootstrap/bootstrap.min.css" in assets
    assert "/static/vendor/bootstrap/bootstrap.bundle.min.js" in assets
    assert [a for a in assets if a.startswith(("http:", "https:", "//"))] == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("email", "role"),
    [
        ("patient@example.com", "Patient"),
        ("clinician@example.com", "Clinician"),
        ("admin@example.com", "Admin"),
    ],
)
def test_it_shows_the_signed_in_role_in_the_header(client, email, role):
    call_command("demo_data", stdout=None)
    client.force_login(User.objects.get(email=email))

    html = client.get("/").content.decode()

    assert re.search(rf'<span class="badge[^"]*"[^>]*>{role}</span>', html)


@pytest.mark.django_db
def test_it_signs_in_with_email_and_password(client):
    call_command("demo_data", stdout=None)

    response = client.post(
        "/accounts/login/", {"login": "patient@example.com", "password": "demo-password-1"}
    )

    assert response.status_code == 302
    assert client.get("/").context["user"].email == "patient@example.com"


@pytest.mark.django_db
def test_it_keeps_the_email_and_explains_a_wrong_password(client):
    call_command("demo_data", stdout=None)

    response = client.post(
        "/accounts/login/", {"login": "patient@example.com", "password": "wrong"}
    )

    assert response.status_code == 200
    assert b"The email address and/or password you specified are not correct." in response.content
    assert b'value="patient@example.com"' in response.content


@pytest.mark.django_db
def test_it_requires_sign_in_for_the_admin_site(client):
    response = client.get("/admin/")

    assert response.status_code == 302


def test_it_serves_its_static_files_itself(client):
    response = client.get("/static/vendor/bootstrap/bootstrap.min.css")

    assert response.status_code == 200
    assert b"Bootstrap" in b"".join(response.streaming_content)[:200]


def test_the_site_has_a_favicon_where_browsers_look_for_it(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 200
    assert response["Content-Type"] in ("image/x-icon", "image/vnd.microsoft.icon")
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"
    assert '<link rel="icon" href="/favicon.ico"' in client.get("/").content.decode()
