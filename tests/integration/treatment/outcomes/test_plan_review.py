"""The non-response prompt: a PHQ-9 fallen less than 20% by session 4 opens one task for the
course's clinician to review the plan, when the measure is written."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.treatment import make_clinician, make_course, make_session
from treatment import clock
from treatment.home.measures import measures_record
from treatment.models import FollowUpTask, MeasureSet, MonitoringRecord, TreatmentCourse
from treatment.outcomes.services import plan_review_open
from treatment.outcomes.tasks import plan_reviews_sweep

pytestmark = pytest.mark.django_db

GAD7 = [1] * 7


def phq9(total: int) -> list[int]:
    """Nine item scores adding up to `total` (item 9 at 0)."""
    items = [0] * 9
    for i in range(total):
        items[i % 8] += 1
    return items


def course_dosed(sessions: int, baseline: int, opened_days_ago: int = 40) -> TreatmentCourse:
    """An in-clinic course opened weeks ago, measured before its first dose, then dosed."""
    clinician = make_clinician()
    course = make_course(clinician=clinician)
    opened = clock.now() - timedelta(days=opened_days_ago)
    TreatmentCourse.objects.filter(pk=course.pk).update(opened_at=opened)
    course.refresh_from_db()
    first = make_session(course, day=clock.today() - timedelta(days=opened_days_ago - 2))
    MeasureSet.objects.create(
        course=course,
        key="session-1",
        session=first,
        phq9=phq9(baseline),
        gad7=GAD7,
        phq9_total=baseline,
        gad7_total=7,
        phq9_item9=0,
        recorded_by=clinician,
        recorded_at=opened + timedelta(hours=1),
    )
    for number in range(1, sessions + 1):
        session = first if number == 1 else make_session(course, day=first.scheduled_for)
        MonitoringRecord.objects.create(
            session=session,
            medicine="ketamine_iv",
            dose_mg=35,
            dosed_at=opened + timedelta(days=number),
            created_by=clinician,
        )
    return course


def record(course: TreatmentCourse, total: int) -> None:
    measures_record(
        course=course,
        key="month-1",
        phq9=phq9(total),
        gad7=GAD7,
        difficulty={},
        actor=course.patient.user,
    )


def tasks(course: TreatmentCourse) -> list[FollowUpTask]:
    return list(FollowUpTask.objects.filter(course=course, kind=FollowUpTask.Kind.PLAN_REVIEW))


def test_a_measure_after_session_4_fallen_under_20_percent_opens_a_task_for_its_clinician(
    django_capture_on_commit_callbacks,
):
    course = course_dosed(sessions=4, baseline=20)

    with django_capture_on_commit_callbacks(execute=True):
        record(course, 17)  # fallen 15%

    [task] = tasks(course)
    assert task.owner == course.opened_by
    assert task.done_at is None


def test_a_fall_of_exactly_20_percent_opens_none(django_capture_on_commit_callbacks):
    course = course_dosed(sessions=4, baseline=20)

    with django_capture_on_commit_callbacks(execute=True):
        record(course, 16)

    assert tasks(course) == []


def test_before_session_4_no_task_opens(django_capture_on_commit_callbacks):
    course = course_dosed(sessions=3, baseline=20)

    with django_capture_on_commit_callbacks(execute=True):
        record(course, 20)

    assert tasks(course) == []


def test_the_prompt_opens_once_however_often_it_is_asked(django_capture_on_commit_callbacks):
    course = course_dosed(sessions=4, baseline=20)
    with django_capture_on_commit_callbacks(execute=True):
        record(course, 19)

    assert plan_review_open(course.pk) is None
    assert plan_review_open(course.pk) is None
    assert len(tasks(course)) == 1


def test_the_outcomes_page_counts_the_prompts(client, django_capture_on_commit_callbacks):
    from patients.roles import Role
    from tests.factories import make_user

    course = course_dosed(sessions=5, baseline=15)
    with django_capture_on_commit_callbacks(execute=True):
        record(course, 14)
    client.force_login(make_user(Role.ADMIN))

    response = client.get("/treatment/outcomes/")

    assert response.context["outcomes"].plan_reviews == 1
    assert "Plan reviews prompted" in response.content.decode()


def test_the_sweep_opens_the_prompts_a_check_never_queued_missed():
    missed = course_dosed(sessions=4, baseline=20)
    fell = course_dosed(sessions=4, baseline=20)
    record(missed, 18)  # no on-commit callback: as if the broker were down
    record(fell, 8)

    assert tasks(missed) == []
    assert plan_reviews_sweep() == 1
    assert len(tasks(missed)) == 1 and tasks(fell) == []
    assert plan_reviews_sweep() == 0
