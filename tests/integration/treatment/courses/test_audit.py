"""Every treatment page that shows health data writes an audit entry naming the case."""

import pytest
from django.test import Client

from screening.audit.models import AuditEntry
from tests.factories import make_case
from tests.treatment import make_clinician, make_course, make_record

pytestmark = pytest.mark.django_db


def test_each_clinician_page_read_is_audited_with_the_case(controlled_clock):
    case = make_case(support_person="no")
    record = make_record(course=make_course(case=case), dosed_at=controlled_clock.now())
    course, session = record.session.course, record.session
    client = Client()
    client.force_login(make_clinician())
    pages = {
        "/treatment/today/": ("today_viewed", None),
        "/treatment/unsigned/": ("unsigned_listed", None),
        f"/treatment/courses/{course.public_id}/": ("course_viewed", case),
        f"/treatment/sessions/{session.public_id}/": ("session_viewed", case),
        f"/treatment/records/{record.public_id}/print/": ("record_printed", case),
        f"/treatment/records/{record.public_id}/pdf/": ("record_printed", case),
    }

    for url, (action, audited_case) in pages.items():
        before = AuditEntry.objects.count()
        assert client.get(url).status_code == 200
        entry = AuditEntry.objects.first()
        assert AuditEntry.objects.count() == before + 1, url
        assert (entry.action, entry.case) == (action, audited_case), url
        if audited_case:
            assert str(course.public_id) in entry.detail


def test_the_patient_reading_their_treatment_is_audited(controlled_clock):
    course = make_course()
    client = Client()
    client.force_login(course.patient.user)

    client.get("/treatment/mine/")

    entry = AuditEntry.objects.first()
    assert (entry.action, entry.actor, entry.case) == (
        "treatment_viewed",
        course.patient.user,
        course.case,
    )


def test_each_at_home_page_and_write_is_audited_with_the_case(controlled_clock):
    from tests.treatment import CHECK_IN_POST, make_home_session

    session = make_home_session()
    course = session.course
    patient = Client()
    patient.force_login(course.patient.user)
    clinician = Client()
    clinician.force_login(make_clinician())
    mine = f"/treatment/mine/sessions/{session.public_id}/"
    steps = [
        (patient, "get", mine, {}, "treatment_viewed"),
        (patient, "get", "/treatment/mine/questionnaires/", {}, "treatment_viewed"),
        # The questionnaires due before session 1 are answered inside the check-in: both kept.
        (
            patient,
            "post",
            mine + "check-in/",
            CHECK_IN_POST,
            ("measures_recorded", "pre_dose_checked"),
        ),
        (patient, "post", mine + "start/", {"time": "09:00"}, "home_dose_started"),
        (clinician, "get", f"/treatment/sessions/{session.public_id}/", {}, "session_viewed"),
        (
            clinician,
            "post",
            f"/treatment/courses/{course.public_id}/notes/",
            {"text": "Spoke with the patient."},
            "course_note_added",
        ),
    ]

    for client, method, url, data, action in steps:
        actions = action if isinstance(action, tuple) else (action,)
        before = AuditEntry.objects.count()
        getattr(client, method)(url, data)
        entries = list(AuditEntry.objects.all()[: len(actions)])[::-1]
        assert AuditEntry.objects.count() == before + len(actions), url
        assert [(e.action, e.case) for e in entries] == [(a, course.case) for a in actions], url
        assert all(str(course.public_id) in entry.detail for entry in entries)
