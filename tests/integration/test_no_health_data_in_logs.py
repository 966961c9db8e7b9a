"""A full intake, submission and review leave no answer, name or email in the logs."""

import io
import logging
import re

import pytest
from django.test import Client

from config.logfilter import RedactHealthData, redact
from patients.models import IntakeDraft
from patients.roles import Role
from screening.review.models import ClinicianNotification
from tests.factories import make_patient, make_user
from tests.intake import complete_steps, post


@pytest.mark.django_db
def test_a_whole_journey_logs_no_health_data(
    log_output, client, django_capture_on_commit_callbacks
):
    patient = make_patient(
        given_name="Zephyrine", family_name="Quackenbush", email="zq@example.org"
    )
    make_user(Role.CLINICIAN, "doc@clinic.example")
    client.force_login(patient.user)
    with django_capture_on_commit_callbacks(execute=True):
        complete_steps(
            client,
            blood_pressure=post("blood-pressure", systolic_1="187", diastolic_1="97"),
            treatment={"antidepressant_trials": "7"},
        )
        draft = IntakeDraft.objects.get()
        client.post("/intake/submit/", {"draft": str(draft.public_id)})
    staff = Client()
    staff.force_login(make_user(Role.CLINICIAN))
    staff.get("/review/?search=Quackenbush")
    staff.get("/review/?search=zq@example.org")
    client.post("/intake/step/about-you/", {"height_cm": "tall-zq-probe"})

    logs = log_output.getvalue()
    assert "clinician notification" in logs  # the logs did run
    for private in ("Zephyrine", "Quackenbush", "zq@example.org", "tall-zq-probe"):
        assert private not in logs
    # Numbers stand alone: a task timing such as 0.00187, a hex run in a task id or a
    # notification's id (PostgreSQL's ids run on across tests) is not a blood pressure.
    notification_ids = set(ClinicianNotification.objects.values_list("pk", flat=True))
    logs = re.sub(
        r"notification (\d+)",
        lambda m: "notification <id>" if int(m[1]) in notification_ids else m[0],
        logs,
    )
    assert not re.search(r"(?<![\w.])(187|97)(?![\w.])", logs)


def test_it_masks_query_strings_and_emails_from_other_loggers():
    record = logging.LogRecord(
        "django.server",
        logging.INFO,
        __file__,
        1,
        '"GET /review/?search=Smith HTTP/1.1" %s',
        (200,),
        None,
    )

    RedactHealthData().filter(record)

    assert record.getMessage() == '"GET /review/?[query] HTTP/1.1" 200'
    assert redact("mail to a.b+c@d.example failed") == "mail to [email] failed"


def test_the_development_server_access_log_masks_query_strings():
    from django.core.servers.basehttp import WSGIRequestHandler

    logger = logging.getLogger("django.server")
    handlers = [handler for handler in logger.handlers if hasattr(handler, "setStream")]
    assert handlers and not logger.propagate
    stream = io.StringIO()
    previous = [handler.setStream(stream) for handler in handlers]
    try:
        handler = WSGIRequestHandler.__new__(WSGIRequestHandler)
        handler.request, handler.client_address = None, ("127.0.0.1", 1)
        handler.log_message(
            '"%s" %s %s',
            "GET /fhir/Bundle/1?access_token=kts_Secret-Token&email=zq@example.org HTTP/1.1",
            "401",
            "12",
        )
    finally:
        for handler, old in zip(handlers, previous, strict=True):
            handler.setStream(old)

    logged = stream.getvalue()
    assert "/fhir/Bundle/1?[query]" in logged and "401" in logged
    assert "kts_Secret-Token" not in logged and "zq@example.org" not in logged
