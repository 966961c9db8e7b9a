"""The monthly long-term safety check, for courses running longer than a month."""

import pytest
from django.test import Client

from screening.audit.models import AuditEntry
from tests.treatment import make_clinician, make_course
from treatment.courses.selectors import safety_check_due
from treatment.models import SAFETY_QUESTIONS, FollowUpTask, SafetyCheck

pytestmark = pytest.mark.django_db

ALL_NO = {name: "no" for name, _ in SAFETY_QUESTIONS}


def test_it_is_due_after_a_month_and_then_monthly(controlled_clock):
    course = make_course()
    controlled_clock.advance(days=29)
    assert not safety_check_due(course, controlled_clock.now().date())

    controlled_clock.advance(days=1)
    assert safety_check_due(course, controlled_clock.now().date())

    SafetyCheck.objects.create(course=course, answers=ALL_NO, recorded_at=controlled_clock.now())
    controlled_clock.advance(days=29)
    assert not safety_check_due(course, controlled_clock.now().date())
    controlled_clock.advance(days=1)
    assert safety_check_due(course, controlled_clock.now().date())


def test_the_patient_answers_and_any_yes_alerts_the_clinician(controlled_clock):
    course = make_course()
    controlled_clock.advance(days=31)
    patient = Client()
    patient.force_login(course.patient.user)
    assert "Your monthly safety questions" in patient.get("/treatment/mine/").content.decode()

    patient.post("/treatment/mine/", ALL_NO | {"urinary_pain": "yes", "craving": "unsure"})

    check = SafetyCheck.objects.get()
    assert check.concerns == ["urinary_pain", "craving"]
    task = FollowUpTask.objects.get()
    assert (task.kind, task.owner) == ("safety_check", course.opened_by)
    clinician = Client()
    clinician.force_login(make_clinician())
    page = clinician.get(f"/treatment/courses/{course.public_id}/").content.decode()
    assert "Pain or burning when passing urine" in page
    assert "Craving ketamine between sessions" in page
    assert AuditEntry.objects.filter(action="safety_check_recorded").exists()


def test_all_no_raises_no_task(controlled_clock):
    course = make_course()
    controlled_clock.advance(days=31)
    clinician = Client()
    clinician.force_login(make_clinician())

    clinician.post(f"/treatment/courses/{course.public_id}/safety-check/", ALL_NO)

    assert SafetyCheck.objects.get().concerns == []
    assert not FollowUpTask.objects.exists()


def test_a_missing_answer_is_refused_with_its_question(controlled_clock):
    course = make_course()
    clinician = Client()
    clinician.force_login(make_clinician())
    answers = ALL_NO.copy()
    del answers["memory"]

    response = clinician.post(f"/treatment/courses/{course.public_id}/safety-check/", answers)

    assert response.status_code == 400
    assert response.context["safety_form"].errors == {"memory": ["Answer this question."]}
    assert not SafetyCheck.objects.exists()
