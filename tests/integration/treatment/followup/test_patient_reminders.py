"""Patients' reminders by email: one per due item, naming the clinic, without health data."""

from datetime import timedelta

import pytest
from django.core import mail

from tests.factories import make_patient
from tests.treatment import check_in, make_home_course, make_home_session, read, start_dose
from treatment.followup.reminders import reminders_send_now
from treatment.followup.tasks import reminders_send
from treatment.models import PatientReminder
from treatment.rules import Slot

pytestmark = pytest.mark.django_db


def sent_subjects():
    return sorted(message.subject for message in mail.outbox)


def test_an_open_check_in_and_due_questionnaires_are_reminded_once(controlled_clock, settings):
    session = make_home_session()

    assert reminders_send_now() == 2
    assert reminders_send_now() == 0
    reminders_send.delay()

    assert sent_subjects() == [
        f"[{settings.CLINIC_NAME}] Questions to answer",
        f"[{settings.CLINIC_NAME}] Your check-in is open",
    ]
    assert set(PatientReminder.objects.values_list("key", flat=True)) == {
        f"check_in:{session.pk}",
        f"measures:{session.course.pk}:session-1",
    }
    assert mail.outbox[0].to == [session.course.patient.user.email]


def test_the_email_says_why_links_to_the_page_and_holds_no_health_data(controlled_clock):
    patient = make_patient(given_name="Zephyrine", family_name="Quackenbush")
    from tests.factories import make_case

    session = make_home_session(make_home_course(case=make_case(patient=patient)))
    session.course.sessions.update(number=2)  # no questionnaires before session 2

    reminders_send_now()

    (message,) = mail.outbox
    assert f"/treatment/mine/sessions/{session.public_id}/check-in/" in message.body
    assert "You receive this because" in message.body
    for private in ("Zephyrine", "Quackenbush", "ketamine", "blood pressure", "PHQ"):
        assert private not in message.body and private not in message.subject


def test_nothing_is_sent_before_the_window_or_after_a_check_in(controlled_clock):
    today = controlled_clock.now().date()
    later = make_home_session(day=today + timedelta(days=3))
    later.course.sessions.update(number=2)
    done = make_home_session(day=today)
    done.course.sessions.update(number=2)
    done.refresh_from_db()
    check_in(done)

    assert reminders_send_now() == 0


def test_each_reading_is_reminded_when_it_falls_due(controlled_clock):
    session = make_home_session()
    session.course.sessions.update(number=2)
    session.refresh_from_db()
    check_in(session)
    start_dose(session)

    assert reminders_send_now() == 0
    controlled_clock.advance(minutes=40)
    assert reminders_send_now() == 1
    read(session, Slot.FIRST)
    controlled_clock.advance(minutes=80)
    assert reminders_send_now() == 1
    assert reminders_send_now() == 0
    assert PatientReminder.objects.filter(kind="reading").count() == 2


def test_a_paused_course_gets_no_reminders(controlled_clock):
    from tests.treatment import make_clinician
    from treatment.courses.services import course_status_change

    session = make_home_session()
    course_status_change(
        course=session.course, action="pause", reason="Review", actor=make_clinician()
    )

    assert reminders_send_now() == 0


def test_monthly_questionnaires_are_reminded_once_a_month(controlled_clock):
    from treatment.models import TreatmentCourse

    course = make_home_course()
    TreatmentCourse.objects.filter(pk=course.pk).update(
        opened_at=controlled_clock.now() - timedelta(days=31)
    )

    assert reminders_send_now() == 1
    controlled_clock.advance(days=10)
    assert reminders_send_now() == 0
    controlled_clock.advance(days=20)
    assert reminders_send_now() == 1
    assert sorted(PatientReminder.objects.values_list("key", flat=True)) == [
        f"measures:{course.pk}:month-1",
        f"measures:{course.pk}:month-2",
    ]
