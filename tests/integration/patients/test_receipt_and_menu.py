"""After submitting: an emailed receipt (what happens next, the usual time frame, no health
data); no new questionnaire while one awaits a decision; "My treatment" once a course exists;
sign-up and confirmation emails in the clinic's words."""

import re

import pytest
from allauth.account.adapter import get_adapter
from allauth.core.context import request_context
from django.core import mail
from django.test import Client

from patients.models import IntakeDraft, Submission
from screening.review.models import Case
from tests.factories import make_case
from tests.intake import complete_steps
from tests.treatment import make_course

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "new.patient@example.org",
    "password1": "correct-horse-battery",
    "password2": "correct-horse-battery",
    "given_name": "Morgan",
    "family_name": "Lee",
    "date_of_birth": "1988-02-14",
    "phone": "+1 555 0100",
}


def _submit(client, django_capture_on_commit_callbacks):
    complete_steps(client)
    draft = IntakeDraft.objects.latest("created_at")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/intake/submit/", {"draft": str(draft.public_id)})
    return Submission.objects.get()


def test_submitting_emails_a_receipt_with_what_happens_next_and_no_health_data(
    patient_client, patient, settings, django_capture_on_commit_callbacks
):
    settings.REVIEW_USUAL_DAYS = 3
    settings.CLINIC_NAME = "Harbor Clinic"

    submission = _submit(patient_client, django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 1
    receipt = mail.outbox[0]
    assert receipt.to == [patient.user.email]
    assert receipt.subject == "[Harbor Clinic] We have received your questionnaire"
    assert "reached Harbor Clinic" in receipt.body
    assert f"case number {submission.case_number}" in receipt.body
    assert "usually takes 3 working days" in receipt.body
    assert "We email you as soon as they have decided" in receipt.body
    assert "/account/" in receipt.body
    body = receipt.body.lower()
    for health_word in ("at home", "at_home", "in clinic", "route", "phq", "score", "priority"):
        assert health_word not in body
    assert patient.given_name.lower() not in body


def test_a_double_submit_sends_one_receipt(patient_client, django_capture_on_commit_callbacks):
    _submit(patient_client, django_capture_on_commit_callbacks)
    draft = IntakeDraft.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        patient_client.post("/intake/submit/", {"draft": str(draft.public_id)})

    assert len(mail.outbox) == 1


def test_no_new_questionnaire_while_a_case_awaits_a_decision(patient_client, patient):
    case = make_case(patient)

    page = patient_client.get("/account/").content.decode()
    assert "Start a new questionnaire" not in page
    assert 'data-testid="awaiting-review"' in page
    assert "usually reads it within 2 working days" in page

    Case.objects.filter(pk=case.pk).update(status=Case.Status.DECIDED)
    page = patient_client.get("/account/").content.decode()
    assert "Start a new questionnaire" in page
    assert 'data-testid="awaiting-review"' not in page


def test_my_treatment_is_in_the_menu_only_once_a_course_exists(patient_client, patient):
    case = make_case(patient)
    assert "My treatment" not in patient_client.get("/account/").content.decode()

    make_course(case)

    page = patient_client.get("/account/").content.decode()
    assert '<a class="nav-link" href="/treatment/mine/">My treatment</a>' in page


def _harbor(settings):
    settings.CLINIC_NAME = "Harbor Clinic"
    settings.ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Harbor Clinic] "  # as settings.py derives it


def test_sign_up_confirmation_is_in_the_clinics_words(settings):
    _harbor(settings)
    mail.outbox.clear()

    response = Client().post("/accounts/signup/", SIGNUP)

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [SIGNUP["email"]]
    assert message.subject == "[Harbor Clinic] Confirm your email address to finish signing up"
    assert "Welcome to Harbor Clinic" in message.body
    assert "fill in our health questionnaire" in message.body
    assert re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body)
    for framework_words in ("You're receiving this email", "Please Confirm", "Hello from", "user "):
        assert framework_words not in message.body + message.subject
    # The link confirms the address and signs the patient in.
    link = re.search(r"https?://\S+(/accounts/confirm-email/\S+/)", message.body)
    assert link is not None
    assert Client().post(link.group(1)).status_code == 302


def test_a_new_address_is_confirmed_in_the_clinics_words(settings, patient, rf):
    """As allauth renders it when a patient adds an address (its view needs a fresh sign-in)."""
    _harbor(settings)
    mail.outbox.clear()

    with request_context(rf.get("/accounts/email/")):
        get_adapter().send_mail(
            "account/email/email_confirmation",
            "other@example.org",
            {"user": patient.user, "activate_url": "https://clinic.example/confirm/", "code": None},
        )

    message = mail.outbox[0]
    assert message.subject == "[Harbor Clinic] Confirm your new email address"
    assert "given for an account with Harbor Clinic" in message.body
    assert "https://clinic.example/confirm/" in message.body
    assert "You're receiving this email" not in message.body
