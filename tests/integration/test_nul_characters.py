"""NUL characters never reach the database nor a log (a PostgreSQL text cannot hold one)."""

import io
import logging

import pytest

from config.logfilter import RedactHealthData
from patients.models import IntakeDraft
from patients.roles import Role
from tests.factories import make_user

pytestmark = pytest.mark.django_db

ANSWER = "SecretAnswerValue"


@pytest.fixture
def log_output():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactHealthData())
    handler.setFormatter(logging.Formatter("%(name)s %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    yield stream
    root.removeHandler(handler)


def test_a_nul_in_a_field_name_of_an_intake_step_is_no_server_error(
    patient_client, patient, log_output
):
    patient_client.post("/intake/")

    response = patient_client.post(
        "/intake/step/blood-pressure/",
        {"systolic_1\x00": ANSWER, "systolic_1": "12\x003", "action": "back"},
    )

    assert response.status_code < 500
    draft = IntakeDraft.objects.get(patient=patient)
    assert "\x00" not in str(draft.unsaved_inputs)
    assert ANSWER not in log_output.getvalue()


def test_a_nul_in_the_admin_autocomplete_term_is_no_server_error(client, log_output):
    client.force_login(make_user(Role.ADMIN))

    response = client.get(
        "/admin/autocomplete/",
        {
            "term": f"{ANSWER}\x00",
            "app_label": "patients",
            "model_name": "user",
            "field_name": "groups",
        },
    )

    assert response.status_code < 500
    assert ANSWER not in log_output.getvalue()


def test_a_logged_exception_keeps_its_frames_but_not_its_message():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactHealthData())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        try:
            raise ValueError(f"invalid input syntax: {ANSWER}")
        except ValueError:
            logger.exception("Internal Server Error: /intake/step/mood/")
    finally:
        logger.removeHandler(handler)

    text = stream.getvalue()
    assert ANSWER not in text
    assert "builtins.ValueError: [redacted]" in text
    assert "test_nul_characters.py" in text
