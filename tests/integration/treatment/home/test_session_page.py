"""The clinician's page of an at-home session: the check-ins with their answers, the dose,
the readings and side effects, alerts to acknowledge."""

import pytest
from django.test import Client

from screening.audit.models import AuditEntry
from tests.treatment import (
    check_in,
    make_clinician,
    make_home_session,
    read,
    start_dose,
)
from treatment.models import SessionAlert
from treatment.rules import Slot

pytestmark = pytest.mark.django_db


@pytest.fixture
def clinician():
    client = Client()
    client.force_login(make_clinician())
    return client


def test_it_shows_the_check_in_answers_the_dose_and_readings(clinician, controlled_clock):
    session = make_home_session()
    check_in(session, new_medicines="yes", medicine_classes=["ssri_snri"], mood="4")
    start_dose(session)
    controlled_clock.advance(minutes=40)
    read(session, Slot.FIRST, 150, 94)

    page = clinician.get(f"/treatment/sessions/{session.public_id}/").content.decode()

    assert "GO" in page
    assert "SSRI or SNRI antidepressant" in page
    assert "First reading: Top number (systolic)" in page
    assert "Taken at <strong>09:00</strong>" in page
    assert "150/94" in page
    entry = AuditEntry.objects.first()
    assert (entry.action, entry.case) == ("session_viewed", session.course.case)


def test_alerts_are_acknowledged_for_the_session(clinician, controlled_clock):
    session = make_home_session()
    check_in(session)
    start_dose(session)
    controlled_clock.advance(minutes=40)
    read(session, Slot.FIRST, 190, 100)
    page = clinician.get(f"/treatment/sessions/{session.public_id}/").content.decode()
    assert "Emergency protocol" in page

    clinician.post(f"/treatment/sessions/{session.public_id}/alerts/")

    assert not SessionAlert.objects.filter(acknowledged_at__isnull=True).exists()
    assert AuditEntry.objects.filter(action="alert_acknowledged").exists()
