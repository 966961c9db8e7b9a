"""The therapy around a dose leaves no one's words, name or dose in the logs."""

import pytest

from tests.integration.treatment.therapy.conftest import signed_in
from tests.treatment import check_in, start_dose

pytestmark = pytest.mark.django_db


def test_goals_intention_readiness_notes_and_reflections_log_ids_only(log_output, home):
    session, clinician, therapist = home
    patient = signed_in(session.course.patient.user)
    mine = f"/treatment/mine/sessions/{session.public_id}/therapy/"
    base = f"/therapy/sessions/{session.public_id}/"

    patient.post("/treatment/mine/goals/", {"goal_1": "Zq-goal-probe"})
    patient.post(mine + "intention/", {"text": "Zq-intention-probe"})
    signed_in(therapist).post(base + "readiness/", {"readiness": "not_ready", "reason": "Zq-why"})
    signed_in(clinician).post(
        f"/treatment/sessions/{session.public_id}/override/", {"override-reason": "Zq-override"}
    )
    check_in(session)
    start_dose(session)
    signed_in(therapist).post(
        base + "integration/",
        {key: f"Zq-note-{key}" for key in ("themes", "insights", "skills", "plan")}
        | {"triggers_regulation": "Zq-note-triggers"}
        | {
            "held_on": session.scheduled_for.isoformat(),
            "held_time": "00:01",
            "duration_minutes": "50",
            "modality": "phone",
            "discussed": "Zq-discussed",
        },
    )
    patient.post(mine + "reflection/", {"text": "Zq-reflection-probe"})
    signed_in(clinician).post(
        f"/treatment/sessions/{session.public_id}/prescription/",
        {
            "prescription-dose_mg": "250",
            "prescription-route": "sublingual",
            "prescription-reason": "Zq",
        },
    )

    assert session.integration_notes.exists() and session.reflections.exists()
    assert session.prescriptions.count() == 1  # a started session keeps its dose
    logged = log_output.getvalue()
    assert "readiness hold on session" in logged
    assert "Zq" not in logged
    assert session.course.patient.given_name not in logged
