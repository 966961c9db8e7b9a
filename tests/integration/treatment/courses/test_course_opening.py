"""A clinician's at-home or in-clinic decision opens the patient's one open course."""

import pytest
from django.db import IntegrityError

from patients.roles import Role
from screening.audit.models import AuditEntry
from screening.review.services import decision_record
from tests.factories import make_case, make_user
from treatment.models import TreatmentCourse

pytestmark = pytest.mark.django_db


def decide(case, outcome, reason=""):
    return decision_record(
        case=case,
        clinician=make_user(Role.CLINICIAN),
        outcome=outcome,
        expected_version=case.version,
        reason=reason,
    )


@pytest.mark.parametrize(
    ("changes", "outcome", "setting"),
    [
        ({}, "confirm_at_home", "at_home"),
        ({"support_person": "no"}, "refer_in_clinic", "in_clinic"),
    ],
)
def test_it_opens_a_course_in_the_decided_setting(changes, outcome, setting):
    case = make_case(**changes)

    decision = decide(case, outcome)

    course = TreatmentCourse.objects.get(patient=case.patient)
    assert (course.setting, course.status, course.case, course.decision) == (
        setting,
        "open",
        case,
        decision,
    )
    assert AuditEntry.objects.filter(action="course_opened", case=case).count() == 1


@pytest.mark.parametrize("outcome", ["decline", "request_info"])
def test_other_outcomes_open_no_course(outcome):
    case = make_case()

    decision_record(
        case=case,
        clinician=make_user(Role.CLINICIAN),
        outcome=outcome,
        expected_version=case.version,
        reason="Not now",
        info_needed="Your blood pressure again",
        reopened_steps=["blood-pressure"],
    )

    assert not TreatmentCourse.objects.exists()


def test_a_second_decision_keeps_the_one_open_course():
    first = make_case()
    decide(first, "confirm_at_home")
    second = make_case(patient=first.patient, support_person="no")

    decide(second, "refer_in_clinic")

    assert TreatmentCourse.objects.filter(patient=first.patient).count() == 1


def test_the_database_refuses_a_second_open_course():
    case = make_case()
    decide(case, "confirm_at_home")

    with pytest.raises(IntegrityError):
        TreatmentCourse.objects.create(patient=case.patient, setting="at_home", status="paused")


def test_an_ended_course_lets_a_new_one_open():
    case = make_case()
    decide(case, "confirm_at_home")
    TreatmentCourse.objects.update(status="ended")

    decide(make_case(patient=case.patient), "confirm_at_home")

    assert TreatmentCourse.objects.filter(patient=case.patient).count() == 2
