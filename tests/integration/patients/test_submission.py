"""Submitting freezes the answers, screens them and tells the patient what happens next."""

import threading
from datetime import date

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.utils import timezone

from patients.intake.steps import SLUGS
from patients.models import IntakeDraft, Submission
from patients.services import draft_open, submission_create
from screening.audit.models import AuditEntry
from screening.results.models import ScreeningResult
from screening.review.models import ClinicianNotification
from screening.rules import RULES
from tests.factories import make_case, make_patient
from tests.intake import CLEAN_ANSWERS, CLEAN_POSTS, complete_steps, post

pytestmark = pytest.mark.django_db


def submit(client):
    draft = IntakeDraft.objects.latest("created_at")
    return client.post("/intake/submit/", {"draft": str(draft.public_id)})


def test_it_screens_the_frozen_answers_and_stores_the_decision(patient_client, patient):
    complete_steps(patient_client)

    response = submit(patient_client)

    submission = Submission.objects.get()
    result = submission.screening
    assert response.url == f"/submissions/{submission.public_id}/"
    age = patient.age_on(timezone.localdate())
    assert submission.answers == {**CLEAN_ANSWERS, "age": age}
    assert (result.route, result.priority, result.ruleset) == ("at_home", "routine", "default-1")
    assert result.decision["fired"] == []
    assert result.decision["scores"]["phq9"] == 16
    assert IntakeDraft.objects.get().status == "submitted"


def test_it_takes_the_age_from_the_date_of_birth_at_submission(client):
    today = timezone.localdate()
    patient = make_patient(date_of_birth=date(today.year - 17, today.month, today.day))
    client.force_login(patient.user)
    complete_steps(client)

    submit(client)

    result = ScreeningResult.objects.get()
    assert Submission.objects.get().answers["age"] == 17
    assert "underage" in [f["rule"] for f in result.fired]


def test_it_makes_one_submission_from_a_double_click(patient_client):
    complete_steps(patient_client)

    first, second = submit(patient_client), submit(patient_client)

    assert Submission.objects.count() == 1
    assert ScreeningResult.objects.count() == 1
    assert first.url == second.url


def test_it_refuses_to_submit_with_steps_left(patient_client):
    complete_steps(patient_client, ["about-you", "blood-pressure"])

    response = submit(patient_client)

    assert response.url == "/intake/review/"
    assert not Submission.objects.exists()
    review = patient_client.get("/intake/review/").content.decode()
    assert "Please complete 9 more sections before you submit" in review


def test_it_lists_every_answer_on_the_review_page_with_a_change_link(patient_client):
    complete_steps(patient_client)

    html = patient_client.get("/intake/review/").content.decode()

    assert "What sex were you assigned at birth?" in html
    assert "Little interest or pleasure in doing things" in html
    assert html.count("?return_to=review") == len(SLUGS) == 11
    assert "Submit my answers" in html


@pytest.mark.parametrize(
    ("changes", "route", "words"),
    [
        ({}, "at_home", "may be suitable for the at-home program"),
        (
            {"home": post("home", support_person="no")},
            "in_clinic",
            "an in-clinic evaluation is recommended",
        ),
        (
            {"about_you": post("about-you", pregnant="unsure")},
            "clinician_review",
            "A clinician will review your answers",
        ),
    ],
)
def test_it_tells_the_patient_what_happens_next_in_plain_words(
    patient_client, changes, route, words
):
    complete_steps(patient_client, **changes)

    response = patient_client.get(submit(patient_client).url)

    html = response.content.decode()
    assert ScreeningResult.objects.get().route == route
    assert words in html
    assert "No treatment is decided until a clinician has reviewed your case" in html
    for rule in RULES:
        if "_" in rule.id:  # the others (pregnancy, ...) are plain words of the questions
            assert rule.id not in html


def test_it_lists_submissions_on_the_account_page(patient_client):
    complete_steps(patient_client)
    submit(patient_client)

    html = patient_client.get("/account/").content.decode()

    assert f"Case {Submission.objects.get().case_number}" in html
    assert "Awaiting clinician review" in html
    assert "Start a new questionnaire" not in html  # not while the case awaits a decision


def test_it_never_changes_a_submission_or_its_decision(patient_client):
    complete_steps(patient_client)
    submit(patient_client)
    submission = Submission.objects.get()

    with pytest.raises(ValueError, match="immutable"):
        submission.save()
    with pytest.raises(ValueError, match="immutable"):
        submission.screening.save()


def test_it_queues_a_notification_for_urgent_and_high_cases_only(patient_client):
    complete_steps(patient_client, blood_pressure=post("blood-pressure", systolic_1="185"))
    submit(patient_client)

    notification = ClinicianNotification.objects.get()
    assert (notification.kind, notification.priority) == ("submission", "urgent")


def test_it_queues_no_notification_for_a_routine_case(patient_client):
    complete_steps(patient_client)
    submit(patient_client)

    assert not ClinicianNotification.objects.exists()


def test_it_shows_crisis_resources_again_on_the_result_of_a_crisis_case(patient_client):
    complete_steps(patient_client, mood=post("mood", phq9_9="3"))

    html = patient_client.get(submit(patient_client).url).content.decode()

    assert 'href="tel:988"' in html and 'href="sms:988"' in html
    assert CLEAN_POSTS  # the other steps were clean


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_submits_of_one_draft_make_one_submission():
    patient = make_patient()
    client = Client()
    client.force_login(patient.user)
    complete_steps(client)
    draft = IntakeDraft.objects.get()
    barrier = threading.Barrier(2)
    made = []

    def submit_now():
        barrier.wait()
        try:
            made.append(submission_create(draft=draft).pk)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit_now) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert Submission.objects.count() == 1
    assert made == [Submission.objects.get().pk] * 2
    assert ScreeningResult.objects.count() == 1


def test_it_audits_every_write_and_read_of_the_patients_answers(patient_client, patient):
    complete_steps(patient_client)
    response = submit(patient_client)
    patient_client.get(response.url)

    actions = list(
        AuditEntry.objects.filter(actor=patient.user).order_by("pk").values_list("action", "detail")
    )
    assert actions[: len(SLUGS)] == [("answers_saved", slug) for slug in SLUGS]
    assert [a for a, _ in actions[len(SLUGS) :]] == ["submitted", "result_viewed"]
    entry = AuditEntry.objects.get(action="submitted")
    assert (entry.case.submission, entry.ip_address) == (Submission.objects.get(), "127.0.0.1")


def test_case_numbers_are_unique_in_the_database():
    taken = make_case()

    with pytest.raises(IntegrityError), transaction.atomic():
        Submission.objects.create(
            patient=taken.patient,
            draft=draft_open(patient=taken.patient),
            answers=CLEAN_ANSWERS,
            case_number=taken.submission.case_number,
        )


def test_a_case_number_already_taken_is_drawn_again(monkeypatch):
    taken = make_case().submission.case_number
    draws = iter([taken, taken, "0A1B2C3D"])
    monkeypatch.setattr("patients.services.new_case_number", lambda: next(draws))

    fresh = make_case()

    assert fresh.submission.case_number == "0A1B2C3D"
    assert Submission.objects.filter(case_number=taken).count() == 1


def result_page(client, **posts):
    complete_steps(client, **posts)
    response = client.post("/intake/submit/", {"draft": str(IntakeDraft.objects.get().public_id)})
    return client.get(response.url).content.decode()


@pytest.mark.parametrize(
    "changes",
    [
        {"mood": post("mood", phq9_9="1")},
        {"safety": post("safety", cssrs_wish_dead="yes")},
        {"safety": post("safety", cssrs_behavior_lifetime="yes", cssrs_behavior_recent="no")},
    ],
)
def test_it_shows_988_and_911_with_the_result_for_any_suicidal_ideation(patient_client, changes):
    html = result_page(patient_client, **changes)

    assert 'data-testid="help-now"' in html
    assert 'href="tel:988"' in html and 'href="sms:988"' in html and 'href="tel:911"' in html


def test_it_shows_no_help_box_without_suicidal_ideation(patient_client):
    html = result_page(patient_client)

    assert 'data-testid="help-now"' not in html
    assert 'data-testid="bp-advice"' not in html


def test_it_advises_on_a_crisis_level_reading_with_the_result(patient_client):
    readings = post("blood-pressure", systolic_2="186", advice_seen="1")

    html = result_page(patient_client, blood_pressure=readings)

    assert "One of your blood pressure readings was very high" in html
    assert "measure again in 5 minutes" in html
    assert "chest pain, a severe headache, confusion or weakness" in html


def test_the_result_page_never_shows_rule_ids(patient_client):
    html = result_page(
        patient_client,
        medications={"medications": ["opioid", "maoi"]},
        home=post("home", support_person="no"),
    )

    for rule in RULES:
        if "_" in rule.id:
            assert rule.id not in html, rule.id


def test_the_review_page_repeats_the_advice_on_a_crisis_level_reading(patient_client):
    complete_steps(
        patient_client, blood_pressure=post("blood-pressure", systolic_1="190", advice_seen="1")
    )

    html = patient_client.get("/intake/review/").content.decode()

    assert 'data-testid="bp-advice"' in html
    assert "This blood pressure reading is very high" in html
    assert "use “Change” beside “Blood pressure and pulse”" in html
