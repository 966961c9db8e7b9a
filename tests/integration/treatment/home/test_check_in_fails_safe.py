"""The at-home check-in through its pages: the named support person and the address, fasting,
new medicines, the questionnaires due before the dose, mood flags, and the holds that no
clinician can wave through at home."""

import pytest
from django.test import Client

from tests.treatment import (
    CHECK_IN_POST,
    make_clinician,
    make_home_course,
    make_home_session,
)
from treatment.checks.services import check_override
from treatment.courses.services import TreatmentError
from treatment.models import MeasureSet, PreDoseCheck

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(controlled_clock):
    return make_home_session()


@pytest.fixture
def patient(session):
    client = Client()
    client.force_login(session.course.patient.user)
    return client


@pytest.fixture
def clinician():
    client = Client()
    client.force_login(make_clinician())
    return client


def mine(session, rest=""):
    return f"/treatment/mine/sessions/{session.public_id}/{rest}"


def post_check_in(patient, session, **changes):
    response = patient.post(mine(session, "check-in/"), CHECK_IN_POST | changes)
    return response, patient.get(mine(session)).content.decode()


def override(clinician, session, **data):
    return clinician.post(
        f"/treatment/sessions/{session.public_id}/override/",
        {f"override-{name}": value for name, value in data.items()},
    )


def test_it_asks_for_the_support_person_by_name_and_the_address_on_file(patient, session):
    page = patient.get(mine(session, "check-in/")).content.decode()

    assert "Is Casey Example with you now, sober, and staying for the whole session?" in page
    assert "Are you at 12 Elm Street, Springfield?" in page
    assert "Have you eaten anything in the last 2 hours?" in page
    assert "Have you had anything to drink in the last 30 minutes?" in page


@pytest.mark.parametrize("field", ["support_person", "at_address"])
def test_a_support_or_address_hold_is_never_overridden_at_home(clinician, patient, session, field):
    post_check_in(patient, session, **{field: "unsure"})
    check = PreDoseCheck.objects.get()
    page = clinician.get(f"/treatment/sessions/{session.public_id}/").content.decode()

    assert 'data-testid="no-override"' in page
    assert "Override the hold" not in page
    response = override(clinician, session, reason="Spoke to them, fine")
    assert response.status_code == 400
    assert "never overridden" in response.content.decode()
    check.refresh_from_db()
    assert check.overridden_at is None
    with pytest.raises(TreatmentError, match="never overridden"):
        check_override(check=check, reason="fine", actor=make_clinician())


def test_the_patient_checks_in_again_once_the_support_person_is_there(patient, session):
    _, page = post_check_in(patient, session, support_person="no")
    assert "When an adult is with you, sober and staying for the whole session" in page
    assert "Check in again" in page

    _, page = post_check_in(patient, session)

    assert [c.outcome for c in PreDoseCheck.objects.order_by("pk")] == ["hold", "go"]
    assert "I have taken my dose" in page


def test_a_support_hold_with_another_hold_waits_for_a_clinician(patient, session):
    post_check_in(patient, session, support_person="no", alcohol_24h="yes")

    response = patient.post(mine(session, "check-in/"), CHECK_IN_POST)

    assert response.status_code == 302
    assert PreDoseCheck.objects.count() == 1


def test_a_possible_pregnancy_is_overridden_only_with_a_negative_test_today(
    clinician, patient, session, controlled_clock
):
    post_check_in(patient, session, pregnant="unsure")
    check = PreDoseCheck.objects.get()
    page = clinician.get(f"/treatment/sessions/{session.public_id}/").content.decode()
    assert "Date of a negative pregnancy test" in page

    refused = override(clinician, session, reason="Says not pregnant")
    yesterday = override(clinician, session, reason="Test", negative_test_on="2026-03-09")
    check.refresh_from_db()
    assert (refused.status_code, yesterday.status_code, check.overridden_at) == (400, 400, None)
    assert "negative test taken today" in refused.content.decode()

    override(clinician, session, reason="Negative urine test", negative_test_on="2026-03-10")

    check.refresh_from_db()
    assert check.overridden_at is not None
    assert str(check.negative_test_on) == "2026-03-10"


def test_an_ordinary_hold_is_still_overridden_with_a_reason(clinician, patient, session):
    post_check_in(patient, session, alcohol_24h="yes")

    override(clinician, session, reason="Half a glass of wine 20 hours ago")

    assert PreDoseCheck.objects.get().overridden_at is not None


@pytest.mark.parametrize(
    ("field", "answer"), [("ate_recently", "yes"), ("drank_recently", "unsure")]
)
def test_fasting_holds_at_home(patient, session, field, answer):
    post_check_in(patient, session, **{field: answer})

    assert PreDoseCheck.objects.get().outcome == "hold"


@pytest.mark.parametrize(
    "changes",
    [
        {"new_medicines": "yes", "medicine_classes": ["antipsychotic"]},
        {"new_medicines": "yes", "medicine_classes": ["lithium"]},
        {"new_medicines": "yes", "medicine_classes": ["ssri_snri"], "medicine_names": "Zzmed"},
    ],
)
def test_a_new_medicine_holds_for_a_clinician(patient, session, changes):
    _, page = post_check_in(patient, session, **changes)

    check = PreDoseCheck.objects.get()
    assert (check.outcome, check.codes) == ("hold", ["new_medicine"])
    assert "A new medicine you take needs a clinician" in page


def test_a_new_ssri_still_goes(patient, session):
    post_check_in(patient, session, new_medicines="yes", medicine_classes=["ssri_snri"])

    assert PreDoseCheck.objects.get().outcome == "go"


def test_the_questionnaires_due_before_the_dose_are_part_of_the_check_in(patient, session):
    page = patient.get(mine(session, "check-in/")).content.decode()
    assert "Questionnaires before session 1" in page
    missing = {k: v for k, v in CHECK_IN_POST.items() if not k.startswith("phq9_")}

    response = patient.post(mine(session, "check-in/"), missing)

    assert response.status_code == 400
    assert not PreDoseCheck.objects.exists() and not MeasureSet.objects.exists()
    post_check_in(patient, session)
    measure = MeasureSet.objects.get()
    assert (measure.key, measure.session) == ("session-1", session)
    assert PreDoseCheck.objects.get().outcome == "go"


def test_phq9_item_9_in_the_check_in_holds_with_one_ideation_task(patient, session):
    post_check_in(patient, session, phq9_9="1")

    check = PreDoseCheck.objects.get()
    assert check.outcome == "hold" and "phq9_item9" in check.codes
    assert list(session.course.tasks.values_list("kind", flat=True)) == ["suicidal_ideation"]


def test_a_low_or_falling_mood_is_flagged_to_the_clinician_not_held(
    patient, clinician, controlled_clock
):
    course = make_home_course()
    first = make_home_session(course)
    client = Client()
    client.force_login(course.patient.user)
    client.post(mine(first, "check-in/"), CHECK_IN_POST | {"mood": "8"})
    controlled_clock.advance(days=7)
    second = make_home_session(course)

    client.post(mine(second, "check-in/"), CHECK_IN_POST | {"mood": "2"})

    check = PreDoseCheck.objects.filter(session=second).get()
    assert check.outcome == "go"
    assert [f["code"] for f in check.flags] == ["low_mood", "mood_drop"]
    board = clinician.get("/treatment/today/").content.decode()
    assert 'data-testid="board-mood-flag"' in board and "6 points below the last 8" in board
    course_page = clinician.get(f"/treatment/courses/{course.public_id}/").content.decode()
    assert 'data-testid="course-mood-flag"' in course_page


def test_the_pre_dose_hold_follows_the_intakes_at_home_limit_down_and_never_above_it():
    from patients.roles import Role
    from screening.rulesets.models import RuleSet
    from tests.factories import make_user
    from treatment.checks.selectors import limits_of

    admin = Client()
    admin.force_login(make_user(Role.ADMIN))
    admin.post("/rulesets/new/")
    draft = RuleSet.objects.get(status="draft")

    def data(**changes):
        values = {**draft.thresholds, **limits_of(draft).values(), "note": ""}
        return values | {"disabled_rules": draft.disabled_rules} | changes

    admin.post(f"/rulesets/{draft.version}/edit/", data(bp_elevated_systolic=130))
    draft.refresh_from_db()
    assert draft.treatment["checkin_bp_elevated_systolic"] == 130  # came down with it
    page = admin.get(f"/rulesets/{draft.version}/").content.decode()
    assert "checkin_bp_elevated_systolic" in page or "Pre-dose hold" in page

    response = admin.post(
        f"/rulesets/{draft.version}/edit/", data(checkin_bp_elevated_systolic=140)
    )

    assert response.status_code == 400
    assert response.context["form"].errors["checkin_bp_elevated_systolic"] == [
        "140 is above the intake's at-home limit (130): a dose at home may never be given at "
        "a blood pressure the intake would keep in the clinic"
    ]
    draft.refresh_from_db()
    assert draft.treatment["checkin_bp_elevated_systolic"] == 130
