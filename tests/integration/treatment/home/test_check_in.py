"""The patient's check-in before an at-home session: go, hold or call, in plain words."""

from datetime import timedelta

import pytest
from django.test import Client

from screening.audit.models import AuditEntry
from tests.treatment import CHECK_IN_POST, check_in, make_clinician, make_home_session
from treatment.models import FollowUpTask, HomeDose, PreDoseCheck

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(controlled_clock):
    return make_home_session()


@pytest.fixture
def patient(session):
    client = Client()
    client.force_login(session.course.patient.user)
    return client


def url(session, part=""):
    return f"/treatment/mine/sessions/{session.public_id}/{part}"


def post_check_in(patient, session, **changes):
    response = patient.post(url(session, "check-in/"), CHECK_IN_POST | changes)
    return response, patient.get(url(session)).content.decode()


def test_every_answer_in_range_says_go_in_plain_words(patient, session):
    response, page = post_check_in(patient, session)

    assert response.status_code == 302
    check = PreDoseCheck.objects.get()
    assert (check.outcome, check.setting, check.checked_by) == (
        "go",
        "at_home",
        session.course.patient.user,
    )
    assert "Everything you told us is in the range for a dose today." in page
    assert "I have taken my dose" in page
    assert AuditEntry.objects.filter(action="pre_dose_checked", actor=check.checked_by).exists()


@pytest.mark.parametrize(
    ("changes", "plain"),
    [
        ({"systolic_1": "150", "systolic_2": "146"}, "Your blood pressure is higher than is safe"),
        ({"heart_rate_1": "104", "heart_rate_2": "102"}, "Your heart rate is faster"),
        ({"alcohol_24h": "yes"}, "Alcohol in the last day and ketamine do not mix"),
        ({"alcohol_24h": "unsure"}, "the answer was &quot;not sure&quot;"),
        (
            {"new_medicines": "yes", "medicine_classes": ["benzodiazepine"]},
            "A new medicine you take needs a clinician",
        ),
        ({"pregnant": "unsure"}, "A possible pregnancy needs a clinician"),
        ({"ate_recently": "yes"}, "Eating shortly before a dose"),
    ],
)
def test_a_hold_says_not_to_dose_and_why_without_rule_ids(patient, session, changes, plain):
    _, page = post_check_in(patient, session, **changes)

    assert PreDoseCheck.objects.get().outcome == "hold"
    assert "Please do not take a dose yet. A clinician will look at your answers and" in page
    assert "The clinic will contact you by" in page
    assert "contact you today" not in page and "answers today" not in page
    assert plain in page  # as the page escapes it
    assert "I have taken my dose" not in page
    for rule_id in ("bp_elevated", "heart_rate_high", "no_support_person", "incomplete"):
        assert rule_id not in page


@pytest.mark.parametrize(
    "changes",
    [
        {"suicidal_thoughts": "yes", "method": "yes", "intent": "yes", "plan": "no"},
        {"behavior": "yes"},
    ],
)
def test_a_call_shows_crisis_resources_at_once_and_raises_an_urgent_task(
    patient, session, changes, settings
):
    _, page = post_check_in(patient, session, **changes)

    assert PreDoseCheck.objects.get().outcome == "call"
    first = page.index('data-testid="crisis-resources"')
    assert first < page.index("<h1")  # before anything else on the page
    for link in ('href="tel:988"', 'href="sms:988"', 'href="tel:911"'):
        assert link in page
    task = FollowUpTask.objects.get()
    assert task.kind in ("suicidal_ideation", "vitals_urgent")
    assert task.due_at - task.created_at <= timedelta(minutes=settings.URGENT_TASK_MINUTES)
    assert "I have taken my dose" not in page


def test_a_blood_pressure_call_leads_with_the_blood_pressure_instruction(patient, session):
    _, page = post_check_in(patient, session, systolic_1="182", diastolic_1="100")

    assert PreDoseCheck.objects.get().outcome == "call"
    result = page.split('data-testid="check-in-result"')[1]
    assert result.index("Your blood pressure is very high") < result.index("</p>")
    assert 'Call <a class="alert-link" href="tel:911">911</a> now if you have' in result
    assert 'data-testid="crisis-resources"' not in page
    assert "harming yourself" not in page
    assert FollowUpTask.objects.get().kind == "vitals_urgent"


def test_a_wish_to_be_dead_holds_and_raises_a_suicidal_ideation_task(patient, session):
    _, page = post_check_in(patient, session, wish_dead="yes")

    assert PreDoseCheck.objects.get().outcome == "hold"
    assert "A clinician will contact you soon" in page
    assert "The clinic will contact you by" in page
    assert FollowUpTask.objects.get().kind == "suicidal_ideation"


def test_missing_answers_get_a_clear_error_and_keep_what_was_typed(patient, session):
    data = {k: v for k, v in CHECK_IN_POST.items() if k not in ("alcohol_24h", "systolic_2")}
    data["suicidal_thoughts"] = "yes"

    response = patient.post(url(session, "check-in/"), data)

    assert response.status_code == 400
    page = response.content.decode()
    assert "Please answer this question." in page
    assert "Please enter this number." in page
    assert 'value="124"' in page  # the first reading is kept
    assert not PreDoseCheck.objects.exists()


def test_after_a_hold_the_patient_cannot_check_in_again(patient, session):
    post_check_in(patient, session, alcohol_24h="yes")

    response = patient.post(url(session, "check-in/"), CHECK_IN_POST)

    assert response.status_code == 302
    assert PreDoseCheck.objects.count() == 1


def test_the_check_in_opens_24_hours_before_the_session_day(controlled_clock):
    today = controlled_clock.now().date()
    later = make_home_session(day=today + timedelta(days=2))
    tomorrow = make_home_session(day=today + timedelta(days=1))
    client = Client()
    client.force_login(later.course.patient.user)

    early = client.get(url(later)).content.decode()
    assert "Your check-in opens on" in early
    assert client.post(url(later, "check-in/"), CHECK_IN_POST).status_code == 302
    assert not PreDoseCheck.objects.exists()

    check_in(tomorrow)
    assert PreDoseCheck.objects.count() == 1
    other = Client()
    other.force_login(tomorrow.course.patient.user)
    page = other.get(url(tomorrow)).content.decode()
    assert "A check-in lets you start within 3 hours of it" in page
    assert "I have taken my dose" not in page  # not before the session's day


def test_the_session_cannot_start_without_a_go(patient, session, controlled_clock):
    post_check_in(patient, session, support_person="no")

    response = patient.post(url(session, "start/"), {"time": "09:00"})

    assert response.status_code == 302
    assert not HomeDose.objects.exists()


def test_a_clinicians_override_of_a_hold_lets_the_patient_start(patient, session, controlled_clock):
    post_check_in(patient, session, alcohol_24h="yes")
    clinician = Client()
    clinician.force_login(make_clinician())

    refused = clinician.post(f"/treatment/sessions/{session.public_id}/override/", {})
    assert refused.status_code == 400
    clinician.post(
        f"/treatment/sessions/{session.public_id}/override/",
        {"override-reason": "Called: one beer at lunch yesterday, 20 hours ago"},
    )
    page = patient.get(url(session)).content.decode()
    assert "A clinician has looked at your answers: you may take your dose." in page
    patient.post(url(session, "start/"), {"time": "09:00"})

    assert HomeDose.objects.get().session == session
    assert AuditEntry.objects.filter(action="check_overridden").exists()


def test_a_call_cannot_be_overridden(patient, session):
    post_check_in(patient, session, behavior="yes")
    clinician = Client()
    clinician.force_login(make_clinician())

    response = clinician.post(
        f"/treatment/sessions/{session.public_id}/override/", {"override-reason": "Fine"}
    )

    assert response.status_code == 400
    assert PreDoseCheck.objects.get().overridden_at is None


def test_a_go_runs_out_and_then_the_patient_checks_in_again(patient, session, controlled_clock):
    post_check_in(patient, session)
    controlled_clock.advance(hours=3, minutes=1)

    page = patient.get(url(session)).content.decode()
    assert "Please check in again before you take your dose" in page
    patient.post(url(session, "start/"), {"time": "12:01"})
    assert not HomeDose.objects.exists()
    post_check_in(patient, session)
    patient.post(url(session, "start/"), {"time": "12:01"})

    assert HomeDose.objects.get().pre_dose_check == PreDoseCheck.objects.first()


def test_a_paused_course_takes_no_check_in_and_says_so(patient, session):
    from treatment.courses.services import course_status_change

    course_status_change(
        course=session.course, action="pause", reason="Review", actor=make_clinician()
    )

    page = patient.get(url(session)).content.decode()
    patient.post(url(session, "check-in/"), CHECK_IN_POST)

    assert "please do not take a dose" in page
    assert not PreDoseCheck.objects.exists()
