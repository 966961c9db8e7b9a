"""The patient's own words and units: an address on two lines; height and weight in feet,
inches and pounds as well as centimetres and kilograms."""

import pytest

from patients.models import IntakeDraft
from tests.intake import complete_steps, post, step_url

pytestmark = pytest.mark.django_db


def draft(patient):
    return IntakeDraft.objects.get(patient=patient, status="open")


def field_errors(response):
    return {name: list(errors) for name, errors in response.context["form"].errors.items()}


def test_it_saves_an_address_typed_on_two_lines(patient_client, patient):
    complete_steps(patient_client, slugs=["home"])

    response = patient_client.post(
        step_url("contacts"), post("contacts", session_location="12 Elm Street\r\nSpringfield")
    )

    assert response.status_code == 302
    assert draft(patient).answers["session_location"] == "12 Elm Street\nSpringfield"


def test_it_asks_the_address_in_a_short_box_with_plain_words(patient_client):
    complete_steps(patient_client, slugs=["home"])

    html = patient_client.get(step_url("contacts")).content.decode()

    assert "The address of your at-home sessions" in html
    assert "Street, city, state and ZIP code, on one line or two" in html
    assert 'rows="3"' in html


def test_it_refuses_a_tab_in_the_address_in_plain_words(patient_client, patient):
    complete_steps(patient_client, slugs=["home"])

    response = patient_client.post(
        step_url("contacts"), post("contacts", session_location="12 Elm Street\tSpringfield")
    )

    assert field_errors(response) == {
        "session_location": [
            "the address holds a character that is not a letter, digit, sign or line break "
            "(a tab, say): type it again without it"
        ]
    }
    assert "session_location" not in draft(patient).answers


def test_it_keeps_the_length_limit_of_the_address(patient_client):
    complete_steps(patient_client, slugs=["home"])

    response = patient_client.post(
        step_url("contacts"), post("contacts", session_location="x\r\n" * 150 + "x")
    )

    assert field_errors(response) == {
        "session_location": ["Please keep the address to 300 characters."]
    }
