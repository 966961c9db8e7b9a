"""Back and forward never lose answers; a patient resumes where they stopped."""

import re

import pytest

from patients.intake.steps import SLUGS
from patients.models import IntakeDraft
from tests.intake import CLEAN_POSTS, complete_steps, post, step_url

pytestmark = pytest.mark.django_db


def test_it_resumes_at_the_first_step_not_yet_saved(patient_client):
    complete_steps(patient_client, SLUGS[:3])
    patient_client.logout()

    patient_client.force_login(IntakeDraft.objects.get().patient.user)
    response = patient_client.get("/intake/")

    assert response.url == step_url(SLUGS[3])


def test_it_offers_to_start_when_there_is_no_draft(patient_client):
    response = patient_client.get("/intake/")

    assert response.status_code == 200
    assert b"Start the questionnaire" in response.content
    assert not IntakeDraft.objects.exists()


def test_it_keeps_one_open_draft_however_often_it_is_started(patient_client):
    patient_client.post("/intake/")
    patient_client.post("/intake/")

    assert IntakeDraft.objects.filter(status="open").count() == 1


def test_it_saves_valid_answers_when_going_back(patient_client):
    patient_client.post("/intake/")
    data = {**post("blood-pressure", systolic_1="131"), "action": "back"}

    response = patient_client.post(step_url("blood-pressure"), data)

    assert response.url == step_url("about-you")
    form = patient_client.get(step_url("blood-pressure")).context["form"]
    assert form.initial["systolic_1"] == 131


def test_it_keeps_what_was_typed_when_going_back_from_a_half_done_step(patient_client):
    patient_client.post("/intake/")
    half_done = {"systolic_1": "131", "diastolic_1": "", "action": "back"}

    response = patient_client.post(step_url("blood-pressure"), half_done)
    again = patient_client.get(step_url("blood-pressure"))

    assert response.url == step_url("about-you")
    assert 'value="131"' in again.content.decode()
    assert again.context["form"].errors["diastolic_1"] == ["Reading 1: enter the bottom number."]
    assert "systolic_1" not in again.context["form"].errors


def test_it_shows_saved_answers_when_coming_back_to_a_step(patient_client):
    complete_steps(patient_client, SLUGS[:2])

    html = patient_client.get(step_url("about-you")).content.decode()

    female = re.search(r'<input type="radio"[^>]*value="female"[^>]*>', html).group(0)
    assert "checked" in female
    assert 'value="168.0"' in html


def test_it_returns_to_the_review_after_a_change_from_it(patient_client):
    complete_steps(patient_client)

    response = patient_client.post(
        step_url("home"), {**CLEAN_POSTS["home"], "support_person": "no", "return_to": "review"}
    )

    assert response.url == "/intake/review/"


def test_it_shows_the_step_and_how_many_remain(patient_client):
    patient_client.post("/intake/")

    html = patient_client.get(step_url("mental-health")).content.decode()

    assert "Step 5 of 12" in html
    assert 'aria-valuenow="5"' in html


def test_it_404s_an_unknown_step(patient_client):
    patient_client.post("/intake/")

    assert patient_client.get(step_url("favourite-colour")).status_code == 404


def test_it_sends_a_step_without_a_draft_to_the_start(patient_client):
    assert patient_client.get(step_url("mood")).url == "/intake/"


def test_the_summary_shows_each_question_once_under_its_instrument_and_no_run_on_labels():
    from patients.selectors import answers_summary
    from tests.intake import CLEAN_ANSWERS

    answers = {**CLEAN_ANSWERS, "conditions": ["glaucoma"]}
    sections = {section["slug"]: section for section in answers_summary(answers)}

    mood = sections["mood"]
    assert [group["heading"] for group in mood["groups"]][:2] == ["Your mood", "Worry and anxiety"]
    phq9 = mood["groups"][0]["rows"]
    assert len(phq9) == 9 and phq9[0][0].startswith("1. Little interest")
    for group in mood["groups"]:
        questions = [question for question, _ in group["rows"]]
        assert len(questions) == len(set(questions))
    history = dict(sections["medical-history"]["rows"])
    assert history["Has a doctor ever told you that you have any of these?"] == "Glaucoma"
