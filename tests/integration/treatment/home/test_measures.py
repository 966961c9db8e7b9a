"""PHQ-9 and GAD-7 during a course: when they are due, what alerts, the trend shown."""

from datetime import timedelta

import pytest
from django.test import Client

from patients.intake import wording
from screening.audit.models import AuditEntry
from tests.treatment import make_clinician, make_home_session
from treatment.models import FollowUpTask, MeasureSet

pytestmark = pytest.mark.django_db
BASELINE_PHQ9 = 16  # the intake's clean answers: PHQ-9 16, GAD-7 11


def answers(phq9, gad7=(1, 1, 1, 1, 1, 1, 1), key="session-1"):
    data = {"key": key}
    data |= {f"phq9_{n}": str(v) for n, v in enumerate(phq9, start=1)}
    data |= {f"gad7_{n}": str(v) for n, v in enumerate(gad7, start=1)}
    return data


@pytest.fixture
def session(controlled_clock):
    return make_home_session()


@pytest.fixture
def patient(session):
    client = Client()
    client.force_login(session.course.patient.user)
    return client


def test_they_are_due_before_session_1_with_the_instruments_word_for_word(patient):
    assert "Answer the questions" in patient.get("/treatment/mine/").content.decode()

    page = patient.get("/treatment/mine/questionnaires/").content.decode()

    for text in (wording.PHQ9_STEM, wording.GAD7_STEM, wording.DIFFICULTY_QUESTION):
        assert text in page
    for item in (*wording.PHQ9_ITEMS, *wording.GAD7_ITEMS):
        assert item in page
    assert page.count(wording.PFIZER_ATTRIBUTION) == 2
    assert AuditEntry.objects.filter(action="treatment_viewed", detail__contains="questionnaires")


def test_answers_are_kept_with_the_totals_and_nothing_alerts_on_a_fall(patient, session):
    response = patient.post("/treatment/mine/questionnaires/", answers([1] * 8 + [0]))

    assert response.status_code == 302
    measure = MeasureSet.objects.get()
    assert (measure.key, measure.session, measure.phq9_total, measure.gad7_total) == (
        "session-1",
        session,
        8,
        7,
    )
    assert not FollowUpTask.objects.exists()
    assert AuditEntry.objects.filter(action="measures_recorded").exists()
    again = patient.get("/treatment/mine/questionnaires/")
    assert again.status_code == 302  # answered: nothing more is due


def test_an_unanswered_item_is_asked_again_and_nothing_is_kept(patient):
    data = answers([1] * 9)
    del data["phq9_9"]

    response = patient.post("/treatment/mine/questionnaires/", data)

    assert response.status_code == 400
    assert "Please answer this question." in response.content.decode()
    assert not MeasureSet.objects.exists()


def test_item_9_above_0_raises_a_suicidal_ideation_task(patient):
    response = patient.post("/treatment/mine/questionnaires/", answers([1] * 8 + [1]))

    assert FollowUpTask.objects.get().kind == "suicidal_ideation"
    page = patient.get(response.url).content.decode()
    assert "a clinician will contact you soon" in page
    assert 'data-testid="crisis-resources"' not in page


def test_item_9_of_2_shows_crisis_resources_on_the_next_page(patient):
    response = patient.post("/treatment/mine/questionnaires/", answers([1] * 8 + [2]))

    page = patient.get(response.url).content.decode()
    assert page.index('data-testid="crisis-resources"') < page.index("<h1")
    assert 'href="sms:988"' in page


def test_a_rise_of_5_over_the_baseline_raises_a_task(patient):
    patient.post("/treatment/mine/questionnaires/", answers([3, 3, 3, 3, 3, 2, 2, 2, 0]))

    assert MeasureSet.objects.get().phq9_total == BASELINE_PHQ9 + 5
    task = FollowUpTask.objects.get()
    assert task.kind == "measure_rise"


def test_the_course_page_shows_the_trend_with_response_and_remission(
    patient, session, controlled_clock
):
    course = session.course
    third = make_home_session(course, day=controlled_clock.now().date() + timedelta(days=7))
    third.number = 3
    third.save()
    patient.post("/treatment/mine/questionnaires/", answers([1] * 8 + [0]))  # 8: response
    controlled_clock.advance(days=7)
    patient.post("/treatment/mine/questionnaires/", answers([0] * 9, key="session-3"))

    clinician = Client()
    clinician.force_login(make_clinician())
    page = clinician.get(f"/treatment/courses/{course.public_id}/").content.decode()
    rows = page.split('data-testid="trend-row"')[1:]
    assert len(rows) == 3
    assert "Intake (baseline)" in rows[0] and "baseline" in rows[0]
    assert "PHQ-9 response" in rows[1] and "remission" not in rows[1] and "(-50%)" in rows[1]
    assert "remission" in rows[2]
    assert 'id="measures-chart"' in page and 'id="measures-data"' in page


def test_a_questionnaire_not_due_is_refused(patient, session, controlled_clock):
    controlled_clock.advance(days=2)

    response = patient.post("/treatment/mine/questionnaires/", answers([1] * 9))

    assert response.status_code == 302
    assert not MeasureSet.objects.exists()
