"""The course page of an at-home course: check-ins, the vitals chart with its table, notes."""

import json

import pytest
from django.test import Client

from tests.treatment import (
    check_in,
    make_clinician,
    make_home_session,
    make_record,
    observe,
    read,
    start_dose,
)
from treatment.models import CourseNote
from treatment.rules import Slot

pytestmark = pytest.mark.django_db


@pytest.fixture
def clinician():
    client = Client()
    client.force_login(make_clinician())
    return client


def test_it_shows_every_check_in_and_the_vitals_as_a_chart_and_a_table(clinician, controlled_clock):
    session = make_home_session()
    check_in(session)
    start_dose(session)
    controlled_clock.advance(minutes=40)
    read(session, Slot.FIRST, 148, 90, 84)
    controlled_clock.advance(minutes=80)
    read(session, Slot.LAST, 128, 80, 72)
    course = session.course
    controlled_clock.advance(minutes=5)
    clinic = make_record(course=course, dosed_at=controlled_clock.now())
    controlled_clock.advance(minutes=40)
    observe(clinic, controlled_clock.now(), systolic=132)

    response = clinician.get(f"/treatment/courses/{course.public_id}/")
    page = response.content.decode()

    assert page.count('data-testid="timeline-check"') == 2
    assert "patient's check-in at home" in page
    vitals = response.context["vitals"]
    assert [(p["what"], p["systolic"]) for p in vitals] == [
        ("Session 1, before the dose", 123),
        ("Session 1, 40 minutes after the dose", 148),
        ("Session 1, 2 hours after the dose", 128),
        ("Session 2, before the dose", 123),
        ("Session 2, in the clinic", 132),
    ]
    data = page.split('id="vitals-data" type="application/json">')[1].split("</script>")[0]
    assert len(json.loads(data)) == 5
    table = page.split('data-testid="vitals-table"')[1].split("</table>")[0]
    assert table.count("<tr>") == 6  # a header and five readings
    assert "js/course_charts.js" in page and "<script>" not in page


def test_clinicians_write_notes_on_the_course(clinician, controlled_clock):
    session = make_home_session()
    url = f"/treatment/courses/{session.course.public_id}/"

    refused = clinician.post(url + "notes/", {"text": "  "})
    clinician.post(url + "notes/", {"text": "Patient prefers morning sessions."})

    assert refused.status_code == 400
    assert "Write the note." in refused.content.decode()
    assert CourseNote.objects.get().text == "Patient prefers morning sessions."
    assert "Patient prefers morning sessions." in clinician.get(url).content.decode()
