"""Security headers on a page of each role, and idle session limits by role."""

import pytest

from patients.roles import Role
from tests.factories import PASSWORD, make_patient, make_user

pytestmark = pytest.mark.django_db

PAGES = {
    None: "/",
    Role.PATIENT: "/account/",
    Role.CLINICIAN: "/review/",
    Role.ADMIN: "/rulesets/",
}


def signed_in(client, role):
    if role is Role.PATIENT:
        client.force_login(make_patient().user)
    elif role is not None:
        client.force_login(make_user(role))
    return client


@pytest.mark.parametrize("role", list(PAGES))
def test_it_sends_the_security_headers_on_a_page_of_each_role(client, role):
    response = signed_in(client, role).get(PAGES[role])

    assert response.status_code == 200
    csp = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    assert csp["script-src"] == "'self'"
    assert "unsafe-inline" not in csp["script-src"]
    assert csp["default-src"] == "'self'"
    assert csp["frame-ancestors"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_pages_carry_no_inline_script(client):
    html = signed_in(client, Role.PATIENT).get("/account/").content.decode()

    scripts = html.split("<script")[1:]
    assert scripts
    assert all(
        ' src="/static/' in s.split(">")[0] or 'type="application/json"' in s for s in scripts
    )


def test_the_session_cookie_is_http_only(client):
    patient = make_patient()

    response = client.post("/accounts/login/", {"login": patient.user.email, "password": PASSWORD})

    assert response.cookies["sessionid"]["httponly"] is True
    assert response.cookies["sessionid"]["samesite"] == "Lax"


@pytest.mark.parametrize(
    ("role", "seconds"), [(Role.PATIENT, 1800), (Role.CLINICIAN, 900), (Role.ADMIN, 900)]
)
def test_idle_sessions_end_sooner_for_staff(client, role, seconds):
    signed_in(client, role).get(PAGES[role])

    assert seconds - 2 <= client.session.get_expiry_age() <= seconds


@pytest.mark.parametrize("role", [Role.PATIENT, Role.CLINICIAN, Role.ADMIN])
def test_no_cache_may_keep_a_page_shown_to_a_signed_in_user(client, role):
    response = signed_in(client, role).get(PAGES[role])

    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "private"} <= directives


def test_the_data_download_is_not_kept_by_any_cache(client):
    client.force_login(make_patient().user)

    response = client.get("/account/export/")

    assert "no-store" in response["Cache-Control"]
