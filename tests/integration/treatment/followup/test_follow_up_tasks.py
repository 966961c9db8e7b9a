"""Follow-up tasks: owned, due in opening hours, escalated once when the deadline passes."""

from datetime import UTC, datetime

import pytest
from django.core import mail
from django.test import Client

from patients.roles import Role
from screening.audit.models import AuditEntry
from tests.factories import make_user
from tests.treatment import make_clinician, make_course, make_task
from treatment.followup.services import task_open
from treatment.followup.tasks import tasks_escalate_overdue
from treatment.models import FollowUpTask

pytestmark = pytest.mark.django_db


def test_a_source_raises_one_task_only(controlled_clock):
    course = make_course()

    first = task_open(course=course, kind="suicidal_ideation", source="measure:7")
    again = task_open(course=course, kind="suicidal_ideation", source="measure:7")

    assert first == again
    assert FollowUpTask.objects.count() == 1


def test_the_deadline_counts_opening_hours(controlled_clock, settings):
    settings.CLINIC_OPENS_HOUR, settings.CLINIC_CLOSES_HOUR = 8, 18
    controlled_clock.moment = datetime(2026, 3, 10, 17, 30, tzinfo=UTC)

    task = make_task()

    assert task.due_at == datetime(2026, 3, 11, 8, 30, tzinfo=UTC)


def test_an_overdue_task_is_escalated_once_to_clinicians_and_admins(controlled_clock):
    make_user(Role.ADMIN, "lead@clinic.example")
    task = make_task()
    owner = task.owner
    controlled_clock.advance(minutes=59)
    assert tasks_escalate_overdue.delay().get() == 0

    controlled_clock.advance(minutes=2)
    assert tasks_escalate_overdue.delay().get() == 1
    assert tasks_escalate_overdue.delay().get() == 0

    (email,) = mail.outbox
    assert "lead@clinic.example" in email.to
    assert owner.email in email.to
    assert "Suicidal ideation reported" in email.body
    assert "Robin" not in email.body
    task.refresh_from_db()
    assert task.escalated_at is not None


def test_a_clinician_takes_over_and_closes_a_task(controlled_clock):
    task = make_task()
    clinician = make_clinician()
    client = Client()
    client.force_login(clinician)
    url = f"/treatment/tasks/{task.public_id}/"

    client.post(url, {"action": "claim"})
    task.refresh_from_db()
    assert task.owner == clinician
    refused = client.post(url, {"action": "close", "resolution": ""}, follow=True)
    assert "Write what was done." in refused.content.decode()
    client.post(url, {"action": "close", "resolution": "Called; safety plan reviewed"})

    task.refresh_from_db()
    assert (task.done_by, task.resolution) == (clinician, "Called; safety plan reviewed")
    assert AuditEntry.objects.filter(action="task_updated").count() == 2
    controlled_clock.advance(hours=3)
    assert tasks_escalate_overdue.delay().get() == 0
