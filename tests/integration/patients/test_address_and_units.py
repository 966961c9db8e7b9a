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


IMPERIAL = {"units": "imperial", "height_ft": "5", "height_in": "10", "weight_lb": "165"}


def about_you(**changes):
    data = post("about-you", height_cm=..., weight_kg=..., **IMPERIAL)
    data.update(changes)
    return data


def test_it_stores_feet_inches_and_pounds_in_cm_and_kg(patient_client, patient):
    complete_steps(patient_client, slugs=["about-you"], about_you=about_you())

    answers = draft(patient).answers
    assert (answers["height_cm"], answers["weight_kg"]) == (177.8, 74.8)


def test_it_stores_cm_and_kg_as_typed(patient_client, patient):
    complete_steps(patient_client, slugs=["about-you"])

    answers = draft(patient).answers
    assert (answers["height_cm"], answers["weight_kg"]) == (168, 64.5)
    assert "height_weight_as_typed" not in answers


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (
            {"height_ft": "9", "height_in": "0"},
            "height_ft",
            "Your height should be between 1 ft 8 in and 8 ft 2 in.",
        ),
        ({"weight_lb": "30"}, "weight_lb", "Your weight should be between 45 and 881 pounds."),
        ({"weight_lb": "900"}, "weight_lb", "Your weight should be between 45 and 881 pounds."),
        ({"height_in": "12"}, "height_in", "The inches should be between 0 and 11."),
        ({"weight_lb": ""}, "weight_lb", "Please answer this question."),
    ],
)
def test_it_names_the_unit_of_an_imperial_value_out_of_range(
    patient_client, patient, change, field, message
):
    patient_client.post("/intake/")

    response = patient_client.post(step_url("about-you"), about_you(**change))

    assert field_errors(response) == {field: [message]}
    assert "height_cm" not in draft(patient).answers


def test_it_shows_what_was_typed_again_in_its_unit_after_an_error(patient_client):
    patient_client.post("/intake/")

    response = patient_client.post(step_url("about-you"), about_you(weight_lb="30"))

    form = response.context["form"]
    assert form["units"].value() == "imperial"
    assert (form["height_ft"].value(), form["height_in"].value()) == ("5", "10")
    assert form["weight_lb"].value() == "30"


def test_it_asks_again_in_the_unit_the_patient_chose(patient_client):
    complete_steps(patient_client, slugs=["about-you"], about_you=about_you())

    form = patient_client.get(step_url("about-you")).context["form"]

    assert form["units"].value() == "imperial"
    assert (form["height_ft"].value(), form["height_in"].value()) == (5, 10)
    assert form["weight_lb"].value() == 165


def test_it_shows_the_height_and_weight_as_typed_and_in_cm_and_kg_on_review(patient_client):
    complete_steps(patient_client, about_you=about_you())

    rows = dict(
        row
        for section in patient_client.get("/intake/review/").context["sections"]
        for row in section["rows"]
    )

    assert rows["Height: feet"] == "5" and rows["and inches"] == "10"
    assert rows["Weight in pounds"] == "165"
    assert rows["Height in centimetres"] == "177.8"
    assert rows["Weight in kilograms"] == "74.8"


def test_it_offers_the_units_with_their_boxes_shown_for_the_choice(patient_client):
    patient_client.post("/intake/")

    html = patient_client.get(step_url("about-you")).content.decode()

    assert "feet, inches and pounds" in html
    assert 'data-show-when="units:imperial"' in html
    assert 'data-show-when="units:metric"' in html
