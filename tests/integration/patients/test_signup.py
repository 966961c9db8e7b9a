"""Patients sign up with email and password, verify their email, then sign in."""

import re

import pytest
from django.core import mail
from django.test import Client

from patients.models import Patient, User
from patients.roles import role_of
from tests.factories import make_patient

SIGNUP = {
    "email": "new.patient@example.org",
    "password1": "correct-horse-battery",
    "password2": "correct-horse-battery",
    "given_name": "Sam",
    "family_name": "Rivera",
    "date_of_birth": "1988-02-29",
    "phone": "+1 555 0100",
}


@pytest.mark.django_db
def test_it_creates_a_patient_with_profile_and_role(client):
    response = client.post("/accounts/signup/", SIGNUP)

    assert response.status_code == 302
    user = User.objects.get(email="new.patient@example.org")
    assert role_of(user) == "patient"
    patient = Patient.objects.get(user=user)
    assert (patient.given_name, patient.family_name, str(patient.date_of_birth)) == (
        "Sam",
        "Rivera",
        "1988-02-29",
    )


@pytest.mark.django_db
def test_it_verifies_the_email_before_the_first_sign_in(client):
    client.post("/accounts/signup/", SIGNUP)

    blocked = client.post(
        "/accounts/login/", {"login": SIGNUP["email"], "password": SIGNUP["password1"]}
    )
    assert blocked.url == "/accounts/confirm-email/"
    link = re.search(r"http://127.0.0.1:8000(/accounts/confirm-email/\S+/)", mail.outbox[-1].body)
    client.post(link.group(1))
    signed_in = client.post(
        "/accounts/login/", {"login": SIGNUP["email"], "password": SIGNUP["password1"]}
    )

    assert signed_in.url == "/start/"
    assert client.get("/start/").url == "/account/"


@pytest.mark.django_db
def test_it_keeps_what_was_typed_and_explains_a_future_date_of_birth(client):
    response = client.post("/accounts/signup/", {**SIGNUP, "date_of_birth": "2999-01-01"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Your date of birth must be in the past." in html
    assert 'value="Rivera"' in html
    assert not User.objects.filter(email=SIGNUP["email"]).exists()


@pytest.mark.django_db
def test_account_emails_name_the_clinic_and_say_why_not_the_framework(client, settings):
    settings.CLINIC_NAME = "Riverside Ketamine Clinic"
    settings.ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Riverside Ketamine Clinic] "

    client.post("/accounts/signup/", SIGNUP)

    message = mail.outbox[-1]
    assert message.subject.startswith("[Riverside Ketamine Clinic] ")
    assert "This message is from Riverside Ketamine Clinic" in message.body
    assert "about your account there" in message.body
    assert "Hello from" not in message.body
    assert "testserver" not in message.body


@pytest.mark.django_db
def test_the_password_reset_email_names_the_clinic_says_why_and_holds_no_health_data(settings):
    settings.CLINIC_NAME = "Riverside Ketamine Clinic"
    settings.ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Riverside Ketamine Clinic] "
    patient = make_patient(email="reset-me@example.org", family_name="Quillfeather")

    Client().post("/accounts/password/reset/", {"email": "reset-me@example.org"})

    [message] = [m for m in mail.outbox if m.to == ["reset-me@example.org"]]
    assert message.subject.startswith("[Riverside Ketamine Clinic] ")
    assert "This message is from Riverside Ketamine Clinic" in message.body
    assert "password" in message.body.lower()
    assert "Hello from" not in message.body
    assert "testserver" not in message.body
    for private in (patient.given_name, patient.family_name, str(patient.date_of_birth)):
        assert private not in message.body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("phone", "message"),
    [
        ("", "Enter a phone number the clinic can reach you on."),
        ("12345", "A phone number has 7-15 digits, this one 5."),
        ("call me", "A phone number holds digits, spaces and + ( ) - . only."),
    ],
)
def test_it_requires_a_phone_number_the_clinic_can_call(client, phone, message):
    response = client.post("/accounts/signup/", {**SIGNUP, "phone": phone})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.filter(email=SIGNUP["email"]).exists()


@pytest.mark.django_db
def test_it_keeps_the_phone_number_given_at_sign_up(client):
    client.post("/accounts/signup/", SIGNUP)

    assert Patient.objects.get().phone == "+1 555 0100"


@pytest.mark.django_db
def test_texts_are_off_unless_the_patient_asks_at_sign_up_or_on_the_account_page(client):
    client.post("/accounts/signup/", SIGNUP)
    patient = Patient.objects.get()
    assert not patient.texts_ok

    client.force_login(patient.user)
    page = client.get("/account/").content.decode()
    assert "Text me reminders of readings and check-ins" in page
    client.post("/account/texts/", {"texts_ok": "on"})
    patient.refresh_from_db()
    assert patient.texts_ok
    client.post("/account/texts/", {})
    patient.refresh_from_db()
    assert not patient.texts_ok


@pytest.mark.django_db
def test_a_patient_may_ask_for_texts_at_sign_up(client):
    client.post("/accounts/signup/", {**SIGNUP, "texts_ok": "on"})

    assert Patient.objects.get().texts_ok
