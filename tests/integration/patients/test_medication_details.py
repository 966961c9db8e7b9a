"""For each kind of medicine ticked, the patient may say what they take: its name, dose and
how often. Kept beside the answers, asked again on return, shown on the review and to the
prescriber."""

import pytest

from patients.models import IntakeDraft
from screening.review.selectors import medication_lines
from tests.intake import complete_steps, step_url

pytestmark = pytest.mark.django_db

SERTRALINE = {
    "medications": ["ssri_snri", "benzodiazepine"],
    "ssri_snri_name": " Sertraline ",
    "ssri_snri_dose": "50 mg",
    "ssri_snri_frequency": "once_daily",
    "benzodiazepine_frequency": "as_needed",
}


def draft_answers(patient):
    return IntakeDraft.objects.get(patient=patient, status="open").answers


def save_medicines(client, data):
    complete_steps(client, slugs=["about-you"])
    return client.post(step_url("medications"), data)


def test_it_keeps_the_name_dose_and_frequency_of_each_kind_ticked(patient_client, patient):
    response = save_medicines(patient_client, SERTRALINE)

    assert response.status_code == 302
    answers = draft_answers(patient)
    assert answers["medications"] == ["ssri_snri", "benzodiazepine"]
    assert answers["medication_details"] == [
        {"class": "benzodiazepine", "frequency": "as_needed"},
        {"class": "ssri_snri", "name": "Sertraline", "dose": "50 mg", "frequency": "once_daily"},
    ]


def test_the_details_are_optional(patient_client, patient):
    response = save_medicines(patient_client, {"medications": ["lithium"]})

    assert response.status_code == 302
    assert "medication_details" not in draft_answers(patient)


def test_the_boxes_of_a_kind_not_ticked_do_not_count(patient_client, patient):
    data = {**SERTRALINE, "lithium_name": "x" * 500, "lithium_frequency": "bogus"}

    response = save_medicines(patient_client, data)

    assert response.status_code == 302
    classes = [record["class"] for record in draft_answers(patient)["medication_details"]]
    assert "lithium" not in classes


def test_a_bad_detail_is_refused_beside_its_box_and_the_rest_is_kept(patient_client, patient):
    data = {**SERTRALINE, "ssri_snri_dose": "5" * 41, "benzodiazepine_frequency": "hourly"}

    response = save_medicines(patient_client, data)

    errors = response.context["form"].errors
    assert errors["ssri_snri_dose"] == ["Please keep the dose to 40 characters."]
    assert errors["benzodiazepine_frequency"] == ["Choose how often from the list."]
    assert 'value=" Sertraline "' in response.content.decode()


def test_the_step_shows_the_details_again_on_return(patient_client):
    save_medicines(patient_client, SERTRALINE)

    html = patient_client.get(step_url("medications")).content.decode()

    assert 'value="Sertraline"' in html
    assert 'value="50 mg"' in html
    assert '<option value="once_daily" selected>Once a day</option>' in html


def test_the_review_shows_the_details_in_words(patient_client):
    save_medicines(patient_client, SERTRALINE)

    sections = patient_client.get("/intake/review/").context["sections"]
    (medicines,) = [section for section in sections if section["slug"] == "medications"]
    groups = {group["heading"]: group["rows"] for group in medicines["groups"]}
    assert groups["An SSRI or SNRI antidepressant: what you take"] == [
        ("Its name", "Sertraline"),
        ("The dose", "50 mg"),
        ("How often", "Once a day"),
    ]
    assert groups["A benzodiazepine: what you take"] == [("How often", "Only when needed")]


def test_the_prescriber_reads_each_kind_with_what_is_taken():
    answers = {
        "medications": ["ssri_snri", "benzodiazepine", "lithium"],
        "medication_details": [
            {
                "class": "ssri_snri",
                "name": "Sertraline",
                "dose": "50 mg",
                "frequency": "once_daily",
            },
            {"class": "benzodiazepine", "frequency": "as_needed"},
        ],
    }

    assert medication_lines(answers) == [
        "An SSRI or SNRI antidepressant: Sertraline, 50 mg, once a day",
        "A benzodiazepine: only when needed",
        "Lithium",
    ]


def test_malformed_details_are_read_as_none():
    answers = {"medications": ["lithium"], "medication_details": ["junk", {"class": 3}]}

    assert medication_lines(answers) == ["Lithium"]
