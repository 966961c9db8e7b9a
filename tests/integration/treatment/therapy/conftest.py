"""A course at home with its therapist, and one session today with its dose prescribed and
its preparation and integration planned."""

import pytest
from django.test import Client

from tests.factories import make_case, make_patient
from tests.treatment import (
    assign_therapist,
    make_clinician,
    make_course,
    make_home_course,
    make_session,
    plan_meetings,
    prescribe,
)
from treatment.rules import Setting
from treatment.rules.therapy import Focus, Route


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def therapy_session(clock, *, setting=Setting.AT_HOME, focus=Focus.ANGER, day=None, name="Robin"):
    """(session, clinician, therapist) for a new patient's course."""
    clinician = make_clinician()
    patient = make_patient(given_name=name)
    if setting is Setting.AT_HOME:
        course = make_home_course(case=make_case(patient=patient), clinician=clinician)
    else:
        case = make_case(patient=patient, support_person="no")
        course = make_course(case=case, clinician=clinician)
    therapist = assign_therapist(course, focus=focus, clinician=clinician)
    session = make_session(course, day=day, setting=setting)
    if setting is Setting.AT_HOME:
        prescribe(session, "200.0", Route.SUBLINGUAL, clinician=clinician)
    else:
        prescribe(session, "35.0", Route.INTRAVENOUS, clinician=clinician)
    plan_meetings(session)
    return session, clinician, therapist


@pytest.fixture
def home(controlled_clock):
    return therapy_session(controlled_clock)


@pytest.fixture
def clinic(controlled_clock):
    return therapy_session(controlled_clock, setting=Setting.IN_CLINIC)
