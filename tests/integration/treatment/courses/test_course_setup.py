"""From a decision to its course: the clinician lands on the new course, set it up from its
checklist; the case and the course link to each other; the list of courses."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from patients.roles import Role
from screening.audit.models import AuditEntry
from tests.factories import make_case, make_user
from tests.treatment import assign_therapist, make_course, make_session, prescribe
from treatment import clock
from treatment.courses.services import course_status_change
from treatment.models import TreatmentCourse

pytestmark = pytest.mark.django_db

SCHEDULE = {
    "dose_mg": "35",
    "route": "intravenous",
    "date_0": "2026-03-11",
    "date_1": "2026-03-13",
    **{f"setting_{i}": "in_clinic" for i in range(8)},
}


@pytest.fixture
def clinician(client):
    user = make_user(Role.CLINICIAN)
    client.force_login(user)
    return user


def decide(client, case, **data):
    case.refresh_from_db()
    return client.post(
        f"/review/cases/{case.submission.public_id}/decide/",
        {"version": case.version, **data},
        follow=True,
    )


def steps(response):
    return [(step.label, step.done) for step in response.context["setup"]]


def test_a_decision_that_opens_a_course_lands_on_it_with_its_checklist(
    client, clinician, controlled_clock
):
    case = make_case()

    response = decide(client, case, outcome="confirm_at_home")

    course = TreatmentCourse.objects.get()
    assert response.redirect_chain[-1][0] == f"/treatment/courses/{course.public_id}/"
    assert steps(response) == [
        ("Therapist assigned", False),
        ("Focus set", False),
        ("Prescription set", False),
        ("Sessions scheduled", False),
    ]
    page = response.content.decode()
    assert "Decision recorded." in page
    assert 'href="#therapy">Assign a therapist' in page
    assert 'href="#schedule">Schedule sessions' in page
    assert f'href="/review/cases/{case.submission.public_id}/"' in page


def test_an_in_clinic_referral_lands_on_its_course_too(client, clinician, controlled_clock):
    case = make_case()

    response = decide(client, case, outcome="refer_in_clinic", reason="Blood pressure on site")

    course = TreatmentCourse.objects.get()
    assert course.setting == "in_clinic"
    assert response.redirect_chain[-1][0] == f"/treatment/courses/{course.public_id}/"


def test_a_decision_that_opens_no_course_goes_back_to_the_queue(client, clinician):
    case = make_case()

    response = decide(client, case, outcome="decline", reason="Not suitable", attest="on")

    assert response.redirect_chain[-1][0] == "/review/"
    assert not TreatmentCourse.objects.exists()


def test_the_checklist_ticks_each_step_as_it_is_done(client, clinician, controlled_clock):
    course = make_course()
    url = f"/treatment/courses/{course.public_id}/"
    therapist = make_user(Role.THERAPIST)

    client.post(url + "therapy/", {"therapist": therapist.pk, "focus": "depression"})
    assert steps(client.get(url)) == [
        ("Therapist assigned", True),
        ("Focus set", True),
        ("Prescription set", False),
        ("Sessions scheduled", False),
    ]

    client.post(url + "schedule/", SCHEDULE)
    assert all(done for _, done in steps(client.get(url)))


def test_the_case_page_links_to_its_course_and_the_way_follows_it(client, clinician):
    case = make_case()
    decide(client, case, outcome="confirm_at_home")
    course = TreatmentCourse.objects.get()
    case_url = f"/review/cases/{case.submission.public_id}/"

    page = client.get(case_url).content.decode()
    link = f"/treatment/cases/{case.submission.public_id}/course/"

    assert f'href="{link}"' in page
    assert client.get(link).url == f"/treatment/courses/{course.public_id}/"


def test_a_case_without_a_course_has_no_link_and_its_address_is_a_404(client, clinician):
    case = make_case()

    case_id = case.submission.public_id
    assert "/course/" not in client.get(f"/review/cases/{case_id}/").content.decode()
    assert client.get(f"/treatment/cases/{case_id}/course/").status_code == 404


def test_an_admin_following_a_case_to_its_course_reads_the_patients_chart():
    course = make_course()
    admin = Client()
    admin.force_login(make_user(Role.ADMIN))

    response = admin.get(f"/treatment/cases/{course.case.submission.public_id}/course/")

    assert response.url == f"/patients/{course.patient.public_id}/"


def test_the_decided_tab_links_each_course_it_opened(client, clinician):
    opened, declined = make_case(), make_case()
    decide(client, opened, outcome="confirm_at_home")
    decide(client, declined, outcome="decline", reason="Not suitable")

    page = client.get("/review/?tab=decided").content.decode()

    assert f"/treatment/cases/{opened.submission.public_id}/course/" in page
    assert f"/treatment/cases/{declined.submission.public_id}/course/" not in page


def test_the_courses_list_shows_open_then_paused_then_ended_with_set_up_marked(
    client, clinician, controlled_clock
):
    ended, paused, bare, ready = (make_course() for _ in range(4))
    course_status_change(course=paused, action="pause", reason="Travel", actor=clinician)
    course_status_change(course=ended, action="end", reason="Done", actor=clinician)
    assign_therapist(ready)
    prescribe(make_session(ready))

    response = client.get("/treatment/courses/")

    rows = list(response.context["page"].object_list)
    assert [course.pk for course in rows] == [ready.pk, bare.pk, paused.pk, ended.pk]
    assert [course.set_up for course in rows[:2]] == [True, False]
    assert rows[0].next_session == clock.today()
    page = response.content.decode()
    assert page.count("set-up incomplete") == 2  # the bare course and the paused one
    assert f'href="/treatment/courses/{bare.public_id}/"' in page
    assert AuditEntry.objects.filter(action=AuditEntry.Action.COURSES_LISTED).count() == 1


def test_the_courses_list_takes_the_same_queries_for_many_courses(client, clinician):
    make_course()
    client.get("/treatment/courses/")
    with CaptureQueriesContext(connection) as few:
        client.get("/treatment/courses/")
    for _ in range(6):
        assign_therapist(make_course())
    with CaptureQueriesContext(connection) as many:
        client.get("/treatment/courses/")

    assert len(many) == len(few)


def test_admins_list_courses_from_the_menu_and_reach_the_charts():
    course = make_course()
    admin = Client()
    admin.force_login(make_user(Role.ADMIN))

    assert 'href="/treatment/courses/"' in admin.get("/review/").content.decode()
    page = admin.get("/treatment/courses/").content.decode()

    assert f'href="/patients/{course.patient.public_id}/"' in page
    assert f'href="/treatment/courses/{course.public_id}/"' not in page
