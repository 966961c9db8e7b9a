"""Only clinicians and admins reach the review pages, and only with a second factor."""

import pytest

from patients.roles import Role
from tests.factories import PASSWORD, make_case, make_patient, make_user, totp_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def case():
    return make_case(bp_readings=[{"systolic": 185, "diastolic": 90}])


def staff_pages(case):
    return {
        "queue": ("get", "/review/"),
        "case": ("get", f"/review/cases/{case.submission.public_id}/"),
        "claim": ("post", f"/review/cases/{case.submission.public_id}/claim/"),
        "decide": ("post", f"/review/cases/{case.submission.public_id}/decide/"),
        "audit": ("get", "/review/audit/"),
    }


EXPECTED = {
    # role: page -> status
    Role.CLINICIAN: {"queue": 200, "case": 200, "claim": 302, "decide": 400, "audit": 403},
    Role.ADMIN: {"queue": 200, "case": 200, "claim": 302, "decide": 400, "audit": 200},
    Role.PATIENT: {"queue": 403, "case": 403, "claim": 403, "decide": 403, "audit": 403},
}


@pytest.mark.parametrize("role", list(EXPECTED))
def test_it_allows_each_role_exactly_its_pages(client, case, role):
    user = make_patient().user if role is Role.PATIENT else make_user(role)
    client.force_login(user)

    outcomes = {
        name: getattr(client, method)(url).status_code
        for name, (method, url) in staff_pages(case).items()
    }

    assert outcomes == EXPECTED[role]


def test_it_sends_anonymous_visitors_to_sign_in(client, case):
    for method, url in staff_pages(case).values():
        response = getattr(client, method)(url)
        assert response.status_code == 302
        assert response.url.startswith("/accounts/login/")


@pytest.mark.parametrize("role", [Role.CLINICIAN, Role.ADMIN])
def test_it_sends_staff_without_a_second_factor_to_set_one_up(client, case, role):
    user = make_user(role, second_factor=False)
    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})

    for method, url in staff_pages(case).values():
        response = getattr(client, method)(url)
        assert response.status_code == 302
        assert response.url.startswith("/accounts/2fa/totp/activate/")
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})  # allauth asks first
    setup = client.get("/accounts/2fa/totp/activate/")
    assert setup.status_code == 200
    assert "Jordan" not in setup.content.decode()


def test_it_asks_staff_for_their_code_at_sign_in(client):
    clinician = make_user(Role.CLINICIAN)

    first = client.post("/accounts/login/", {"login": clinician.email, "password": PASSWORD})
    assert first.url == "/accounts/2fa/authenticate/"
    assert client.get("/review/").status_code == 302  # not signed in yet
    second = client.post("/accounts/2fa/authenticate/", {"code": totp_code()})

    assert second.url == "/start/"
    assert client.get("/start/").url == "/review/"
    assert client.get("/review/").status_code == 200


def test_it_refuses_a_wrong_code(client):
    clinician = make_user(Role.CLINICIAN)
    client.post("/accounts/login/", {"login": clinician.email, "password": PASSWORD})

    response = client.post("/accounts/2fa/authenticate/", {"code": "000000"})

    assert response.status_code == 200
    assert client.get("/review/").status_code == 302


def test_it_signs_admins_in_to_the_admin_site_through_the_second_factor(client):
    response = client.get("/admin/login/?next=/admin/")

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")
