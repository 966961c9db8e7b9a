"""Phones and small screens: the staff menu collapses behind a keyboard-usable toggler, the
second-factor field opens the numeric keypad, the wide tables stack, and only patients and
visitors carry the crisis footer."""

import re

import pytest
from django.test import Client

from patients.roles import Role
from tests.factories import PASSWORD, make_case, make_patient, make_user
from tests.treatment import make_clinician, make_course, make_session

pytestmark = pytest.mark.django_db

FOOTER = 'data-testid="crisis-footer"'


def signed_in(role: Role) -> Client:
    client = Client()
    client.force_login(make_user(role))
    return client


@pytest.mark.parametrize("role", [Role.CLINICIAN, Role.ADMIN, Role.THERAPIST])
def test_staff_pages_carry_no_crisis_footer_and_a_collapsing_menu(role):
    page = signed_in(role).get("/", follow=True).content.decode()

    assert FOOTER not in page
    assert 'class="navbar-toggler"' in page
    assert 'aria-controls="staff-menu"' in page
    assert 'id="staff-menu"' in page


def test_patients_and_visitors_keep_the_crisis_footer_and_a_plain_menu():
    patient = Client()
    patient.force_login(make_patient().user)
    for page in (
        patient.get("/", follow=True).content.decode(),
        Client().get("/accounts/login/").content.decode(),
    ):
        assert FOOTER in page
        assert 'href="tel:988"' in page
        assert "navbar-toggler" not in page


def code_input(html: str) -> str:
    match = re.search(r'<input[^>]*name="code"[^>]*>', html)
    assert match, "no code field"
    return match.group(0)


def test_the_second_factor_at_sign_in_opens_the_numeric_keypad():
    clinician = make_user(Role.CLINICIAN)
    client = Client()
    client.post("/accounts/login/", {"login": clinician.email, "password": PASSWORD})

    field = code_input(client.get("/accounts/2fa/authenticate/").content.decode())

    assert 'inputmode="numeric"' in field
    assert 'autocomplete="one-time-code"' in field


def test_the_second_factor_when_asked_again_opens_the_numeric_keypad():
    field = code_input(signed_in(Role.ADMIN).get("/accounts/2fa/reauthenticate/").content.decode())

    assert 'inputmode="numeric"' in field
    assert 'autocomplete="one-time-code"' in field


def test_the_wide_tables_stack_on_a_phone_with_their_column_names(controlled_clock):
    client = Client()
    client.force_login(make_clinician())
    course = make_course(case=make_case())
    make_session(course)

    for url in ("/treatment/today/", "/review/?tab=all", f"/treatment/courses/{course.public_id}/"):
        page = client.get(url).content.decode()
        assert "table-stack" in page, url
        assert 'data-label="' in page, url
    assert "table-stack" in client.get("/rulesets/").content.decode()
    board = client.get("/treatment/today/").content.decode()
    first_cell = re.search(r'data-testid="board-row"[^>]*>\s*<td([^>]*)>', board)
    assert first_cell and "stack-action" in first_cell.group(1)
