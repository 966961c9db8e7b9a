"""Deny by default: a signed-in account without exactly one known role sees no data."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from patients.models import User
from patients.roles import Role, role_of
from tests.factories import PASSWORD, make_case, make_user

pytestmark = pytest.mark.django_db

DATA_PAGES = ["/review/", "/review/audit/", "/rulesets/", "/rulesets/golden/", "/account/"]


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_it_gives_a_user_made_by_add_user_no_access():
    case = make_case()
    client = signed_in(User.objects.create_user("added@example.org", PASSWORD))

    for url in [*DATA_PAGES, f"/review/cases/{case.submission.public_id}/"]:
        response = client.get(url)
        assert response.status_code == 403, url
        assert b"has no access yet" in response.content
        assert b"Sign out" in response.content


def test_it_refuses_claims_and_decisions_to_a_clinician_removed_from_the_group():
    case = make_case()
    clinician = make_user(Role.CLINICIAN)
    clinician.groups.clear()
    client = signed_in(clinician)
    url = f"/review/cases/{case.submission.public_id}/"

    assert client.post(url + "claim/").status_code == 403
    assert client.post(url + "decide/", {"outcome": "confirm_at_home"}).status_code == 403
    case.refresh_from_db()
    assert case.status == "awaiting"
    assert not case.decisions.exists()


def test_it_sends_a_user_without_a_role_to_the_no_access_page_after_sign_in():
    client = signed_in(User.objects.create_user("nobody@example.org", PASSWORD))

    response = client.get("/start/")

    assert response.status_code == 403
    assert b"has no access yet" in response.content


def test_it_gives_no_role_to_a_user_in_two_role_groups():
    user = make_user(Role.PATIENT)
    user.groups.add(Group.objects.get_or_create(name=Role.CLINICIAN.value)[0])

    assert role_of(User.objects.get(pk=user.pk)) is None
    assert signed_in(user).get("/account/").status_code == 403


def test_it_makes_a_superuser_an_admin():
    user = User.objects.create_superuser("root@example.org", PASSWORD)

    assert role_of(user) is Role.ADMIN


def test_it_lets_a_user_without_a_role_see_the_public_home_page():
    client = signed_in(User.objects.create_user("added@example.org", PASSWORD))

    assert client.get("/").status_code == 200
