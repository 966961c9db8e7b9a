"""A patient's chart: everything on one page for clinicians and admins, a therapist only their
own patients' (404 otherwise), every read audited, and every page naming a patient links it."""

import pytest
from django.test import Client

from patients.models import Patient
from patients.roles import Role
from screening.audit.models import AuditEntry
from tests.factories import make_case, make_patient, make_user
from tests.treatment import (
    assign_therapist,
    make_course,
    make_record,
    make_session,
    make_task,
    make_therapist,
    prescribe,
)
from treatment.followup.services import task_update

pytestmark = pytest.mark.django_db


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def patient(controlled_clock):
    """A patient with a decided case, a course with a therapist, a prescribed session and
    its monitoring record, and a task."""
    person = make_patient(given_name="Morgan", family_name="Lee")
    Patient.objects.filter(pk=person.pk).update(phone="(555) 010-0199")
    course = make_course(case=make_case(patient=person))
    therapist = assign_therapist(course)
    session = make_session(course)
    prescribe(session)
    record = make_record(session=session, dosed_at=controlled_clock.now())
    task = make_task(course=course)
    return {
        "patient": person,
        "course": course,
        "therapist": therapist,
        "record": record,
        "task": task,
        "url": f"/patients/{person.public_id}/",
    }


def test_a_clinician_reads_everything_about_the_patient_on_one_page(patient):
    course, record = patient["course"], patient["record"]
    submission = course.case.submission

    response = signed_in(make_user(Role.CLINICIAN)).get(patient["url"])

    assert response.status_code == 200
    page = response.content.decode()
    assert "Morgan Lee" in page
    for phone in ("tel:5550100199", "tel:5550100101"):  # the patient and the support person
        assert f'href="{phone}"' in page
    assert "Casey Example" in page and "Jamie Example" in page
    assert f'href="/review/cases/{submission.public_id}/"' in page
    assert f'href="/treatment/courses/{course.public_id}/"' in page
    assert f'href="/treatment/sessions/{record.session.public_id}/"' in page
    assert "35.0 mg" in page
    assert f'href="/treatment/tasks/{patient["task"].public_id}/"' in page
    assert f'href="/review/cases/{submission.public_id}/referral/"' in page
    assert f'href="/treatment/records/{record.public_id}/print/"' in page
    assert "FHIR bundle" in page
    chart = response.context["chart"]
    assert [point.label for point in chart.measures] == [f"Intake, case {submission.case_number}"]
    assert len(chart.open_tasks) == 1 and chart.closed_tasks == []


def test_closed_tasks_are_listed_apart(patient):
    clinician = make_user(Role.CLINICIAN)
    task_update(task=patient["task"], action="close", resolution="Called: safe", actor=clinician)

    chart = signed_in(clinician).get(patient["url"]).context["chart"]

    assert chart.open_tasks == [] and [t.pk for t in chart.closed_tasks] == [patient["task"].pk]


def test_every_read_of_the_chart_is_audited_like_the_case_page(patient):
    clinician = make_user(Role.CLINICIAN)
    client = signed_in(clinician)

    client.get(patient["url"])
    client.get(patient["url"])

    entries = AuditEntry.objects.filter(action=AuditEntry.Action.CHART_VIEWED)
    assert entries.count() == 2
    entry = entries.first()
    assert entry.actor == clinician
    assert entry.case == patient["course"].case
    assert entry.detail == f"patient {patient['patient'].public_id}"
    assert "Morgan" not in entry.detail


def test_the_assigned_therapist_reads_the_chart_with_their_own_pages_linked(patient):
    response = signed_in(patient["therapist"]).get(patient["url"])

    assert response.status_code == 200
    page = response.content.decode()
    assert f'href="/therapy/courses/{patient["course"].public_id}/"' in page
    assert "/review/cases/" not in page  # the case pages are the clinicians'
    assert "/treatment/records/" not in page
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.CHART_VIEWED, actor=patient["therapist"]
    ).exists()


def test_a_therapist_gets_404_for_a_patient_not_assigned_to_them(patient):
    stranger = make_therapist()
    unassigned = make_patient()
    make_case(patient=unassigned)

    client = signed_in(stranger)

    assert client.get(patient["url"]).status_code == 404
    assert client.get(f"/patients/{unassigned.public_id}/").status_code == 404
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.CHART_VIEWED).exists()


def test_an_admin_reads_the_chart_without_the_clinicians_course_pages(patient):
    page = signed_in(make_user(Role.ADMIN)).get(patient["url"]).content.decode()

    assert f'href="/treatment/courses/{patient["course"].public_id}/"' not in page
    assert "referral summary" in page


def test_a_patient_with_a_case_and_no_course_has_a_chart(controlled_clock):
    case = make_case(patient=make_patient(given_name="Ash", family_name="Grey"))

    response = signed_in(make_user(Role.CLINICIAN)).get(f"/patients/{case.patient.public_id}/")

    assert response.status_code == 200
    assert 'href="tel:5550100101"' in response.content.decode()
    assert "No course of treatment." in response.content.decode()


def test_a_patient_or_nobody_reaches_no_chart(patient):
    own = signed_in(patient["patient"].user)

    assert own.get(patient["url"]).status_code == 403
    assert (
        signed_in(make_user(Role.CLINICIAN)).get("/patients/" + "0" * 32 + "/").status_code == 404
    )


def test_every_page_naming_the_patient_links_to_the_chart(patient, controlled_clock):
    course, record = patient["course"], patient["record"]
    chart = f'href="{patient["url"]}"'
    clinician = signed_in(make_user(Role.CLINICIAN))
    submission = course.case.submission
    make_session(course)  # on the board today
    pages = [
        "/review/",
        f"/review/cases/{submission.public_id}/",
        f"/treatment/courses/{course.public_id}/",
        "/treatment/courses/",
        "/treatment/today/",
        f"/treatment/tasks/{patient['task'].public_id}/",
        f"/treatment/sessions/{record.session.public_id}/",
        "/treatment/unsigned/",
    ]

    missing = [url for url in pages if chart not in clinician.get(url).content.decode()]

    assert missing == []
    therapist = signed_in(patient["therapist"])
    assert chart in therapist.get("/therapy/").content.decode()
    assert chart in therapist.get(f"/therapy/courses/{course.public_id}/").content.decode()
