"""A whole dosing session, with an alert and a task, leaves no reading or name in the logs."""

import pytest
from django.test import Client

from tests.factories import make_case, make_patient
from tests.treatment import CHECK_POST, make_clinician, make_course, make_session

pytestmark = pytest.mark.django_db


def test_a_session_logs_ids_and_counts_only(log_output, controlled_clock):
    patient = make_patient(given_name="Zephyrine", family_name="Quackenbush")
    course = make_course(case=make_case(patient=patient, support_person="no"))
    session = make_session(course)
    client = Client()
    client.force_login(make_clinician())
    base = f"/treatment/sessions/{session.public_id}/"

    client.post(base + "check/", CHECK_POST | {"wish_dead": "yes", "systolic_1": "163"})
    client.post(base + "override/", {"override-reason": "Zq-override-probe"})
    client.post(
        base + "dose/",
        {
            "medicine": "ketamine_iv",
            "dose_mg": "37.5",
            "lot_number": "ZQLOT77",
            "dosed_at": "09:00",
            "rems_medications": ["none"],
        },
    )
    controlled_clock.advance(minutes=40)
    client.post(
        base + "observations/",
        {
            "taken_at": "09:40",
            "systolic": "187",
            "diastolic": "97",
            "heart_rate": "77",
            "spo2": "83",
            "moaas": "2",
            "dissociation": "severe",
        },
    )

    logs = log_output.getvalue()
    assert "follow-up task" in logs and "session alert" in logs  # the logs did run
    # Readings as the alerts word them (bare numbers could be ids or timings).
    for private in (
        "Zephyrine",
        "Quackenbush",
        "Zq-override-probe",
        "ZQLOT77",
        "187/97",
        "SpO2 83",
        "MOAA/S 2",
        "37.5 mg",
        "dissociation",
    ):
        assert private not in logs


def test_the_at_home_loop_logs_ids_and_counts_only(log_output, controlled_clock):
    from tests.treatment import CHECK_IN_POST, make_home_course, make_home_session

    patient = make_patient(given_name="Zephyrine", family_name="Quackenbush")
    session = make_home_session(make_home_course(case=make_case(patient=patient)))
    client = Client()
    client.force_login(patient.user)
    mine = f"/treatment/mine/sessions/{session.public_id}/"

    # The questionnaires due before session 1 are answered inside the check-in.
    client.post(
        mine + "check-in/",
        CHECK_IN_POST
        | {"wish_dead": "yes"}
        | {f"phq9_{n}": "3" for n in range(1, 10)}
        | {f"gad7_{n}": "3" for n in range(1, 8)},
    )
    other = make_home_session(make_home_course())
    other_client = Client()
    other_client.force_login(other.course.patient.user)
    other_mine = f"/treatment/mine/sessions/{other.public_id}/"
    other_client.post(other_mine + "check-in/", CHECK_IN_POST)
    other_client.post(other_mine + "start/", {"time": "09:00"})
    controlled_clock.advance(minutes=40)
    other_client.post(
        other_mine + "readings/",
        {"slot": "first", "systolic": "197", "diastolic": "121", "heart_rate": "99"}
        | {"wakes_easily": "yes", "breathing_normal": "yes"},
    )
    other_client.post(
        other_mine + "side-effects/",
        {"nausea": "severe", "vomiting": "none", "dissociation": "none", "bladder_pain": "none"}
        | {"confusion": "none", "very_sleepy": "none", "breathing": "none"}
        | {"other": "mild", "other_description": "Zq-effect-probe"},
    )

    logs = log_output.getvalue()
    assert "follow-up task" in logs and "urgent after-dose reading" in logs
    assert "adverse event" in logs and "raised 3 alert(s)" in logs
    for private in ("Zephyrine", "Quackenbush", "Zq-effect-probe", "197/121", "nausea", "PHQ-9"):
        assert private not in logs
