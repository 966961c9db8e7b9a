"""The therapist's "not ready" holds the dose exactly as a check-in hold does: the patient
may not start, the board shows the hold, a clinician may override it with a reason."""

import pytest

from screening.audit.models import AuditEntry
from tests.integration.treatment.therapy.conftest import signed_in
from tests.treatment import CHECK_IN_POST, CHECK_POST, make_therapist
from treatment.courses.services import TreatmentError
from treatment.models import HomeDose, MonitoringRecord, ReadinessAssessment
from treatment.rules.therapy import Readiness
from treatment.therapy.services import readiness_record

pytestmark = pytest.mark.django_db


def not_ready(session, therapist, reason="Grieving a loss this week; wants to wait"):
    return signed_in(therapist).post(
        f"/therapy/sessions/{session.public_id}/readiness/",
        {"readiness": "not_ready", "reason": reason},
    )


def mine(session, part=""):
    return f"/treatment/mine/sessions/{session.public_id}/{part}"


def test_not_ready_at_home_stops_the_check_in_and_the_dose(home):
    session, _, therapist = home
    patient = signed_in(session.course.patient.user)

    not_ready(session, therapist)
    page = patient.get(mine(session)).content.decode()
    patient.post(mine(session, "check-in/"), CHECK_IN_POST)
    patient.post(mine(session, "start/"), {"time": "09:00"})

    assert "You and your therapist agreed to wait before this session" in page
    assert "Start my check-in" not in page
    assert "Grieving" not in page  # the therapist's reason stays with the clinic
    assert not session.checks.exists()
    assert not HomeDose.objects.exists()
    overview = patient.get("/treatment/mine/").content.decode()
    assert "You and your therapist agreed to wait before this session" in overview


def test_not_ready_after_a_go_still_holds_the_dose(home):
    session, _, therapist = home
    patient = signed_in(session.course.patient.user)
    patient.post(mine(session, "check-in/"), CHECK_IN_POST)

    not_ready(session, therapist)
    patient.post(mine(session, "start/"), {"time": "09:00"})

    assert session.checks.get().outcome == "go"
    assert not HomeDose.objects.exists()
    assert 'data-testid="my-dose"' not in patient.get(mine(session)).content.decode()


def test_the_board_shows_the_hold_with_the_therapist_as_its_reason(home):
    session, clinician, therapist = home
    board = signed_in(clinician)

    not_ready(session, therapist)
    response = board.get("/treatment/today/")

    rows = response.context["rows"]
    assert [(row.session, row.state) for row in rows] == [(session, "hold")]
    page = response.content.decode()
    assert "Therapist: not ready" in page
    assert "not ready for the dose" in page


def test_a_clinicians_override_lets_the_patient_start(home):
    session, clinician, therapist = home
    patient = signed_in(session.course.patient.user)
    not_ready(session, therapist)
    override = f"/treatment/sessions/{session.public_id}/override/"

    refused = signed_in(clinician).post(override, {"override-reason": ""})
    signed_in(clinician).post(override, {"override-reason": "Spoke with both: going ahead"})
    patient.post(mine(session, "check-in/"), CHECK_IN_POST)
    patient.post(mine(session, "start/"), {"time": "09:00"})

    assert refused.status_code == 400
    readiness = ReadinessAssessment.objects.get()
    assert readiness.overridden_by == clinician
    assert readiness.override_reason == "Spoke with both: going ahead"
    assert HomeDose.objects.get().session == session
    entry = AuditEntry.objects.filter(action="check_overridden").get()
    assert "readiness hold" in entry.detail


def test_ready_from_the_therapist_lifts_the_hold(home):
    session, _, therapist = home
    patient = signed_in(session.course.patient.user)
    not_ready(session, therapist)

    signed_in(therapist).post(
        f"/therapy/sessions/{session.public_id}/readiness/", {"readiness": "ready", "reason": ""}
    )
    patient.post(mine(session, "check-in/"), CHECK_IN_POST)
    patient.post(mine(session, "start/"), {"time": "09:00"})

    assert HomeDose.objects.exists()
    assert list(ReadinessAssessment.objects.values_list("readiness", flat=True)) == [
        "ready",
        "not_ready",
    ]


def test_in_the_clinic_the_dose_is_recorded_only_after_the_override(clinic):
    session, clinician, therapist = clinic
    staff = signed_in(clinician)
    base = f"/treatment/sessions/{session.public_id}/"
    dose = {
        "medicine": "ketamine_iv",
        "dose_mg": "35",
        "lot_number": "LOT-7",
        "dosed_at": "09:00",
        "rems_medications": ["none"],
    }
    not_ready(session, therapist)
    staff.post(base + "check/", CHECK_POST)

    refused = staff.post(base + "dose/", dose)
    assert refused.status_code == 400
    assert "recorded the patient as not ready" in refused.content.decode()
    assert "Override the hold and dose" in refused.content.decode()
    assert session.checks.get().outcome == "go"

    staff.post(base + "override/", {"override-reason": "Reviewed with the therapist"})
    staff.post(base + "dose/", dose)

    assert MonitoringRecord.objects.get().dosed_at is not None


def test_not_ready_needs_its_reason_and_only_the_patients_therapist_records_it(home):
    session, _, therapist = home

    response = not_ready(session, therapist, reason="")

    assert response.status_code == 400
    assert "Write why the patient is not ready." in response.content.decode()
    with pytest.raises(TreatmentError, match="Only the patient's therapist"):
        readiness_record(
            session=session, readiness=Readiness.NOT_READY, reason="x", actor=make_therapist()
        )
    assert not ReadinessAssessment.objects.exists()


def test_readiness_is_recorded_before_the_dose_only(home):
    from tests.treatment import check_in, start_dose

    session, _, therapist = home
    check_in(session)
    start_dose(session)

    with pytest.raises(TreatmentError, match="before the dose"):
        readiness_record(
            session=session, readiness=Readiness.NOT_READY, reason="late", actor=therapist
        )


def test_a_call_is_not_overridden_whatever_the_readiness(home):
    from tests.treatment import check_in

    session, clinician, therapist = home
    check_in(session, behavior="yes")
    not_ready(session, therapist)

    response = signed_in(clinician).post(
        f"/treatment/sessions/{session.public_id}/override/", {"override-reason": "Fine"}
    )

    assert response.status_code == 400
    assert "Only a hold can be overridden" in response.content.decode()
    assert ReadinessAssessment.objects.get().overridden_at is None


def test_a_readiness_assessment_is_never_edited_nor_deleted(home):
    from treatment.models import ImmutableError

    session, _, therapist = home
    not_ready(session, therapist)
    readiness = ReadinessAssessment.objects.get()
    readiness.reason = "changed"

    with pytest.raises(ImmutableError):
        readiness.save()
    with pytest.raises(ImmutableError):
        readiness.delete()
