"""A therapist sees only the patients assigned to them: every page with another patient's
ids is a 404 (course, session, notes, intake summary), and nothing is written."""

import pytest

from config.access import MATRIX
from patients.roles import Role
from screening.audit.models import AuditEntry
from tests.factories import make_case
from tests.integration.treatment.therapy.conftest import signed_in, therapy_session
from tests.treatment import check_in, make_course, make_record, make_task, make_therapist
from tests.walk import concrete, our_views
from treatment.models import IntegrationNote, ReadinessAssessment
from treatment.rules.therapy import Focus
from treatment.therapy.services import course_therapy_set

pytestmark = pytest.mark.django_db

WRITE = {
    "readiness": "not_ready",
    "reason": "Not sleeping",
    "kind": "preparation",
    "preparation-day": "2026-03-10",
    "themes": "x",
}
THERAPIST_VIEWS = [(route, name) for route, name in our_views() if Role.THERAPIST in MATRIX[name]]


def ids_of(session):
    """Every id a URL may carry, all of one patient's course."""
    course = session.course
    return {
        "uuid": course.case.submission.public_id,
        "version": 1,
        "course_id": course.public_id,
        "session_id": session.public_id,
        "record_id": make_record(course=course).public_id,
        "task_id": make_task(course=course).public_id,
        "patient_id": course.patient.public_id,
    }


def test_the_assigned_therapist_reads_the_course_session_and_intake_summary(home):
    session, _, therapist = home
    client = signed_in(therapist)
    course = session.course

    pages = [
        "/therapy/",
        f"/therapy/courses/{course.public_id}/",
        f"/therapy/courses/{course.public_id}/intake/",
        f"/therapy/sessions/{session.public_id}/",
    ]

    for url in pages:
        assert client.get(url).status_code == 200, url
    assert course.patient.given_name in client.get("/therapy/").content.decode()


def test_the_course_page_shows_outcomes_trend_and_timeline_never_the_check_in_answers(home):
    session, _, therapist = home
    check_in(session, alcohol_24h="yes", systolic_1="151", systolic_2="149")

    response = signed_in(therapist).get(f"/therapy/courses/{session.course.public_id}/")

    page = response.content.decode()
    checks = response.context["checks"]
    assert [check.outcome for check in checks] == ["hold"]
    assert "<strong>HOLD</strong>" in page and "session 1" in page
    assert response.context["trend"], "the intake's PHQ-9 and GAD-7 are the baseline"
    assert 'data-testid="therapy-trend-row"' in page and "baseline" in page
    assert response.context["events"] and "Course timeline" in page
    for answer in ("151", "149", "Alcohol", "alcohol"):
        assert answer not in page, answer


def test_another_therapist_gets_404_on_every_url_with_the_patients_ids(home):
    session, _, _ = home
    stranger = signed_in(make_therapist())
    ids = ids_of(session)
    before = AuditEntry.objects.filter(case=session.course.case).count()
    found = []

    for route, name in THERAPIST_VIEWS:
        if "<" not in route:
            continue
        url = concrete(route, ids)
        answers = {
            method: getattr(stranger, method)(url, WRITE).status_code for method in ("get", "post")
        }
        # 404 where the method is served, 405 where it is not: never the page or a write.
        if 404 not in answers.values() or set(answers.values()) - {404, 405}:
            found.append(f"{name}: {answers}")
    assert found == []
    # The therapy's pages with a patient's ids, the preparation note and the patient's chart.
    assert len([route for route, _ in THERAPIST_VIEWS if "<" in route]) == 8
    assert not ReadinessAssessment.objects.exists()
    assert not IntegrationNote.objects.exists()
    assert AuditEntry.objects.filter(case=session.course.case).count() == before


def test_a_therapist_never_lists_or_opens_an_unassigned_patient(controlled_clock):
    _, _, therapist = therapy_session(controlled_clock, name="Mine")
    theirs, _, _ = therapy_session(controlled_clock, name="Theirs")
    unassigned = make_course(case=make_case())
    client = signed_in(therapist)

    caseload = client.get("/therapy/").content.decode()

    assert "Mine" in caseload and "Theirs" not in caseload
    assert client.get(f"/therapy/courses/{theirs.course.public_id}/").status_code == 404
    assert client.get(f"/therapy/courses/{unassigned.public_id}/").status_code == 404
    assert client.get(f"/therapy/courses/{unassigned.public_id}/intake/").status_code == 404
    assert client.get(f"/therapy/sessions/{theirs.public_id}/").status_code == 404


def test_a_therapist_taken_off_a_course_loses_it_at_once(home):
    session, clinician, therapist = home
    client = signed_in(therapist)
    url = f"/therapy/sessions/{session.public_id}/"
    assert client.get(url).status_code == 200

    course_therapy_set(
        course=session.course,
        therapist=make_therapist(),
        focus=Focus.ANGER,
        focus_detail="",
        actor=clinician,
    )

    assert client.get(url).status_code == 404
    assert session.course.public_id.hex not in client.get("/therapy/").content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/review/",
        "/rulesets/",
        "/treatment/today/",
        "/treatment/unsigned/",
        "/review/audit/",
        "/treatment/mine/",
    ],
)
def test_the_queue_rule_sets_and_clinicians_pages_are_refused(home, url):
    _, _, therapist = home

    assert signed_in(therapist).get(url).status_code == 403


def test_clinicians_course_and_case_pages_are_refused_even_for_their_own_patient(home):
    session, _, therapist = home
    client = signed_in(therapist)
    course = session.course

    for url in (
        f"/treatment/courses/{course.public_id}/",
        f"/treatment/sessions/{session.public_id}/",
        f"/review/cases/{course.case.submission.public_id}/",
    ):
        assert client.get(url).status_code == 403, url


def test_the_intake_answers_are_read_only_and_the_summary_in_plain_words(controlled_clock):
    session, _, therapist = therapy_session(controlled_clock)
    client = signed_in(therapist)
    url = f"/therapy/courses/{session.course.public_id}/intake/"

    page = client.get(url).content.decode()

    assert "Screening: " in page
    assert "Intake answers" in page
    assert 'method="post" action="/intake' not in page
    assert "<textarea" not in page and '<input type="radio"' not in page
    assert "/intake/step/" not in page
    assert client.post(url).status_code == 405
    entry = AuditEntry.objects.first()
    assert (entry.action, entry.actor, entry.case) == (
        "case_viewed",
        therapist,
        session.course.case,
    )


def test_a_therapist_signs_in_to_their_patients_with_a_second_factor(home):
    from tests.factories import make_user

    _, _, therapist = home
    without = make_user(Role.THERAPIST, second_factor=False)

    assert signed_in(therapist).get("/start/").url == "/therapy/"
    response = signed_in(without).get("/therapy/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/2fa/totp/activate")


def test_a_therapists_session_idles_out_like_staffs(home, settings):
    _, _, therapist = home

    page = signed_in(therapist).get("/therapy/").content.decode()

    assert f'data-idle-seconds="{settings.SESSION_IDLE_SECONDS_STAFF}"' in page


def test_a_therapist_can_hold_no_api_token_that_reads_every_case(home):
    from screening.apitokens.forms import staff_accounts
    from screening.apitokens.services import TokenRefused, api_token_create
    from tests.factories import make_user

    _, _, therapist = home

    with pytest.raises(TokenRefused):
        api_token_create(
            actor=make_user(Role.ADMIN), user=therapist, name="Notes app", valid_days=30
        )
    assert therapist not in staff_accounts()
