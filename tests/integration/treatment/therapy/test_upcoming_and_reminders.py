"""The patient's "coming up" list (next preparation, dose and integration) and its
reminders by email: the day before, once each, without health data."""

from datetime import date

import pytest
from django.core import mail

from tests.integration.treatment.therapy.conftest import signed_in, therapy_session
from tests.treatment import check_in, start_dose
from treatment.followup.reminders import reminders_send_now
from treatment.models import PatientReminder
from treatment.rules import Setting
from treatment.rules.therapy import Readiness
from treatment.therapy.services import readiness_record

pytestmark = pytest.mark.django_db


def items(session):
    response = signed_in(session.course.patient.user).get("/treatment/mine/")
    return [(item.kind, item.day, item.session.number) for item in response.context["upcoming"]]


def test_the_list_shows_the_next_preparation_dose_and_integration_in_order(controlled_clock):
    session, _, therapist = therapy_session(controlled_clock, day=date(2026, 3, 13))

    assert items(session) == [
        ("preparation", date(2026, 3, 12), 1),
        ("session", date(2026, 3, 13), 1),
        ("integration", date(2026, 3, 14), 1),
    ]
    page = signed_in(session.course.patient.user).get("/treatment/mine/").content.decode()
    assert "Thursday 12 March:</strong>" in page
    assert "getting ready for session 1 with your therapist" in page
    assert "preparation" not in page.split("Coming up", 1)[1].split("</section>", 1)[0]

    readiness_record(session=session, readiness=Readiness.READY, reason="", actor=therapist)
    assert [kind for kind, _, _ in items(session)] == ["session", "integration"]


def emails():
    return [(m.subject, m.body) for m in mail.outbox]


APPOINTMENTS = ("session", "preparation", "integration")


def appointments():
    return list(
        PatientReminder.objects.filter(kind__in=APPOINTMENTS)
        .order_by("pk")
        .values_list("kind", flat=True)
    )


def test_appointments_are_reminded_the_day_before_once(controlled_clock, settings):
    session, _, _ = therapy_session(
        controlled_clock, setting=Setting.IN_CLINIC, day=date(2026, 3, 12)
    )

    reminders_send_now()
    assert appointments() == ["preparation"]  # tomorrow
    assert reminders_send_now() == 0
    controlled_clock.advance(days=1)
    reminders_send_now()
    assert appointments() == ["preparation", "session"]  # the clinic, tomorrow
    controlled_clock.advance(days=1)
    reminders_send_now()
    assert appointments() == ["preparation", "session"]  # no dose given: no integration

    message = next(m for m in mail.outbox if "to prepare" in m.body)
    assert message.subject == f"[{settings.CLINIC_NAME}] An appointment coming up"
    assert "Wednesday 11 March to prepare for your next session" in message.body
    assert f"/treatment/mine/sessions/{session.public_id}/therapy/" in message.body


def test_an_integration_after_a_dose_is_reminded_and_a_moved_meeting_again(controlled_clock):
    from treatment.rules.therapy import MeetingKind
    from treatment.therapy.services import meeting_move

    session, _, therapist = therapy_session(controlled_clock)
    readiness_record(session=session, readiness=Readiness.READY, reason="", actor=therapist)
    check_in(session)
    start_dose(session)
    mail.outbox.clear()

    assert reminders_send_now() == 1  # the integration, tomorrow
    meeting_move(
        session=session, kind=MeetingKind.INTEGRATION, day=date(2026, 3, 12), actor=therapist
    )
    controlled_clock.advance(days=1)
    assert reminders_send_now() == 1  # moved: reminded for its new day

    assert [m.subject.endswith("An appointment coming up") for m in mail.outbox] == [True, True]
    assert "to talk your last session through" in mail.outbox[0].body


def test_no_reminder_holds_health_data(controlled_clock, settings):
    session, _, _ = therapy_session(controlled_clock, day=date(2026, 3, 11))
    session.course.goals = ["Zq-goal"]
    session.course.save()
    from treatment.therapy.services import intention_write

    intention_write(session=session, text="Zq-intention", actor=session.course.patient.user)

    reminders_send_now()

    sent = [m for m in mail.outbox if m.subject.endswith("An appointment coming up")]
    assert sent
    for message in sent:
        text = (message.subject + message.body).replace(settings.CLINIC_NAME, "").lower()
        for word in ("zq-", "mg", "ketamine", "anger", "sublingual", "dose", "therapist"):
            assert word not in text, (word, message.subject)
