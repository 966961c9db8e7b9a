"""The steps and questions of answer format 2: medicines, treated hypertension, dissociation,
contacts; and steps done again when an earlier answer asks more of them."""

import pytest
from django.utils.html import strip_tags

from patients.models import IntakeDraft
from tests.intake import CLEAN_POSTS, complete_steps, post, step_url

pytestmark = pytest.mark.django_db


def save(client, slug, data):
    client.post("/intake/")
    return client.post(step_url(slug), data)


def draft(patient):
    return IntakeDraft.objects.get(patient=patient, status="open")


def field_errors(response):
    return {name: list(errors) for name, errors in response.context["form"].errors.items()}


def test_it_saves_none_of_these_medicines_as_none(patient_client, patient):
    save(patient_client, "medications", CLEAN_POSTS["medications"])

    assert draft(patient).answers["medications"] == ["none"]


def test_it_saves_the_kinds_of_medicine_ticked_and_names_of_others(patient_client, patient):
    data = {
        "medications": ["maoi", "other"],
        "medications_other": "Omeprazole\n\n  St John's wort ",
    }

    save(patient_client, "medications", data)

    answers = draft(patient).answers
    assert answers["medications"] == ["maoi", "other"]
    assert answers["medications_other"] == ["Omeprazole", "St John's wort"]


def test_it_keeps_other_names_only_with_other_ticked(patient_client, patient):
    save(patient_client, "medications", {"medications": ["opioid"], "medications_other": "x"})

    assert "medications_other" not in draft(patient).answers


def test_it_names_medicines_by_everyday_names_with_examples(patient_client):
    patient_client.post("/intake/")

    html = patient_client.get(step_url("medications")).content.decode()

    assert "phenelzine (Nardil)" in html
    assert "gabapentin (Neurontin)" in html
    assert "maoi" not in strip_tags(html)  # the codes stay in the markup, never in the words


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        ({}, {"medications": ["Tick the medicines you take, or tick “None of these”."]}),
        (
            {"medications": ["opioid"], "none_of_these": "on"},
            {
                "none_of_these": [
                    "You ticked “None of these” and a medicine: untick one or the other."
                ]
            },
        ),
        (
            {"medications": ["other"]},
            {"medications_other": ["Write the name of the other medicine."]},
        ),
        (
            {"medications": ["other"], "medications_other": "\n".join(["a"] * 11)},
            {"medications_other": ["expected at most 10 names, got 11"]},
        ),
        (
            {"medications": ["other"], "medications_other": "x" * 101},
            {"medications_other": ["a medicine name is longer than 100 characters"]},
        ),
    ],
)
def test_it_explains_what_is_wrong_with_the_medicines(patient_client, data, errors):
    response = save(patient_client, "medications", data)

    assert field_errors(response) == errors


def test_it_asks_whether_diagnosed_hypertension_is_treated(patient_client, patient):
    data = post("medical-history", none_of_these=..., conditions=["hypertension"])

    response = save(patient_client, "medical-history", data)
    assert field_errors(response) == {"hypertension_treated": ["Please answer this question."]}

    save(patient_client, "medical-history", data | {"hypertension_treated": "yes"})
    assert draft(patient).answers["hypertension_treated"] == "yes"


def test_it_drops_the_treatment_answer_without_hypertension(patient_client, patient):
    save(patient_client, "medical-history", post("medical-history", hypertension_treated="yes"))

    assert "hypertension_treated" not in draft(patient).answers


@pytest.mark.parametrize(
    ("diagnosed", "severity", "engine_answer"),
    [
        ("no", None, "none"),
        ("unsure", None, "unsure"),
        ("yes", "mild", "mild"),
        ("yes", "severe", "severe"),
        ("yes", "unsure", "unsure"),
    ],
)
def test_it_asks_about_a_diagnosed_dissociative_disorder_then_its_severity(
    patient_client, patient, diagnosed, severity, engine_answer
):
    data = post("mental-health", dissociative_diagnosed=diagnosed)
    if severity:
        data["dissociative_severity"] = severity

    save(patient_client, "mental-health", data)

    answers = draft(patient).answers
    assert (answers["dissociative_diagnosed"], answers["dissociative_disorder"]) == (
        diagnosed,
        engine_answer,
    )
    form = patient_client.get(step_url("mental-health")).context["form"]
    assert form.initial["dissociative_diagnosed"] == diagnosed
    assert form.initial.get("dissociative_severity") == severity


def test_it_asks_the_severity_after_a_yes(patient_client):
    response = save(
        patient_client, "mental-health", post("mental-health", dissociative_diagnosed="yes")
    )

    assert field_errors(response) == {"dissociative_severity": ["Please answer this question."]}


def test_it_asks_the_reworded_dissociation_question(patient_client):
    patient_client.post("/intake/")

    html = patient_client.get(step_url("mental-health")).content.decode()

    assert "(e.g. DID, depersonalisation-derealisation disorder)?" in html


def test_it_saves_contacts_and_the_place_of_sessions(patient_client, patient):
    complete_steps(patient_client)

    answers = draft(patient).answers
    assert answers["emergency_contact"] == {"name": "Jamie Example", "phone": "+1 555 010 0100"}
    assert answers["support_person_contact"] == {"name": "Casey Example", "phone": "(555) 010-0101"}
    assert answers["session_location"] == "12 Elm Street, Springfield"


def test_it_asks_no_support_contact_or_place_the_patient_does_not_have(patient_client, patient):
    complete_steps(patient_client, home={"home_safe": "no", "support_person": "no"})

    answers = draft(patient).answers
    assert "support_person_contact" not in answers and "session_location" not in answers
    html = patient_client.get(step_url("contacts")).content.decode()
    assert "support_name" not in html and "session_location" not in html
    assert "contacts" in draft(patient).completed_steps


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (
            {"emergency_phone": "call me"},
            "emergency_phone",
            "a phone number holds digits, spaces and + ( ) - . only",
        ),
        ({"support_phone": "123"}, "support_phone", "a phone number has 7-15 digits, this one 3"),
        ({"emergency_name": ""}, "emergency_name", "Please answer this question."),
        ({"session_location": ""}, "session_location", "Please answer this question."),
    ],
)
def test_it_explains_a_wrong_contact_beside_its_field(patient_client, change, field, message):
    complete_steps(patient_client, slugs=["home"])

    response = patient_client.post(step_url("contacts"), post("contacts", **change))

    assert field_errors(response) == {field: [message]}


def test_a_support_person_named_later_reopens_the_contacts_step(patient_client, patient):
    complete_steps(patient_client, home={"home_safe": "yes", "support_person": "no"})
    assert draft(patient).resume_step == "review"

    patient_client.post(step_url("home"), {**CLEAN_POSTS["home"], "return_to": "review"})

    reopened = draft(patient)
    assert "contacts" not in reopened.completed_steps
    assert reopened.resume_step == "contacts"
    review = patient_client.get("/intake/review/").content.decode()
    assert "Please complete 1 more section" in review
