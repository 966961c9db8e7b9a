"""A step shows all its errors at once, in the patient's words."""

import re

import pytest

from patients.intake.steps import SLUGS
from tests.intake import post, step_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def started(patient_client):
    patient_client.post("/intake/")
    return patient_client


def errors_of(response):
    return {
        name: [str(e) for e in errors] for name, errors in response.context["form"].errors.items()
    }


def test_range_errors_come_with_the_missing_answers_not_after_them(started):
    data = post(
        "blood-pressure",
        systolic_1="300",
        diastolic_1="20",
        heart_rate_1="",
        systolic_2="120",
        diastolic_2="130",
    )

    errors = errors_of(started.post(step_url("blood-pressure"), data))

    assert errors["systolic_1"] == ["Reading 1: the top number should be between 60 and 260."]
    assert errors["diastolic_1"] == ["Reading 1: the bottom number should be between 30 and 160."]
    assert errors["heart_rate_1"] == ["Reading 1: enter your pulse."]
    assert errors["systolic_2"][0].startswith(
        "Reading 2: the top number should be higher than the bottom"
    )


def test_no_error_is_in_the_engines_words(started):
    data = post("about-you", height_cm="20", weight_kg="900")

    html = started.post(step_url("about-you"), data).content.decode()

    assert "Your height should be between 50 and 250 cm." in html
    assert "Your weight should be between 20 and 400 kg." in html
    assert "outside" not in html
    assert "mmHg" not in re.sub(r"<[^>]+>", "", html).split("Please check")[1][:400]


def summary_targets(response):
    html = response.content.decode()
    return html, re.findall(r'<a href="#([^"]+)" class="alert-link">', html)


def test_every_summary_link_lands_on_a_focusable_control(started):
    html, targets = summary_targets(started.post(step_url("about-you"), {"action": "next"}))

    assert "id_sex_at_birth_0" in targets
    for target in targets:
        assert re.search(rf'<(input|select|textarea)[^>]*id="{target}"', html), target


@pytest.mark.parametrize("slug", SLUGS)
def test_on_every_step_each_summary_link_lands_on_a_control(started, slug):
    """An empty post: every question of the step is missing and linked from the summary."""
    response = started.post(step_url(slug), {"action": "next"})
    html, targets = summary_targets(response)

    assert targets, f"{slug}: no error summary"
    for target in targets:
        assert re.search(rf'<(input|select|textarea)[^>]*id="{target}"', html), (slug, target)


def test_the_blood_pressure_step_asks_two_readings_and_the_review_groups_them(patient_client):
    from patients.selectors import answers_summary

    patient_client.post("/intake/")
    page = patient_client.get(step_url("blood-pressure")).content.decode()
    sections = answers_summary(
        {
            "bp_readings": [
                {"systolic": 121.0, "diastolic": 79, "heart_rate": 70},
                {"systolic": 118, "diastolic": 77.0, "heart_rate": 68},
            ]
        }
    )

    assert "Take two readings" in page
    assert "one to three" not in page
    (blood_pressure,) = [s for s in sections if s["slug"] == "blood-pressure"]
    headings = [group["heading"] for group in blood_pressure["groups"]]
    assert headings[:2] == ["Reading 1", "Reading 2"]
    assert ("Top number (systolic)", "121") in blood_pressure["groups"][0]["rows"]
    assert ("Bottom number (diastolic)", "77") in blood_pressure["groups"][1]["rows"]


def test_the_steps_head_their_questions_in_plain_words(patient_client):
    patient_client.post("/intake/")
    drugs = patient_client.get(step_url("substance-use")).content.decode()
    safety = patient_client.get(step_url("safety")).content.decode()
    account = patient_client.get("/account/").content.decode()

    assert "<legend" in drugs and "Alcohol" in drugs and "Drug use in the past 12 months" in drugs
    assert "AUDIT-C: alcohol" not in drugs and "DAST-10: drug use" not in drugs
    assert "C-SSRS screener" not in safety
    assert safety.index("In the past month") < safety.index("Ever in your life")
    assert "Download my records" in account
    assert "(JSON)" not in account and "(FHIR)" not in account
