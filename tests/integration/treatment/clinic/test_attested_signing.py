"""Signing means something: the discharge and the signature ask for an attestation, signing
asks the second factor again once the last one is older than SIGN_REAUTH_MINUTES, and the
signed record says who, when (with the time zone) and what; the clinic's name heads the
printed record and its PDF, which carry no rule-set code or internal id."""

import time

import pytest
from django.core.cache import cache
from django.test import Client

from patients.models import User
from tests.factories import PASSWORD, totp_code
from tests.integration.treatment.clinic.test_printed_record import pdf_text
from tests.integration.treatment.helpers import discharged_record
from tests.treatment import discharge_post, make_clinician, make_record, observe, sign_post
from treatment.models import MonitoringRecord

pytestmark = pytest.mark.django_db

ATTESTATION = "I attest that this record is accurate and complete"
NOT_ATTESTED = "Tick the box to attest that this record is accurate and complete."
RECORDS = "account_authentication_methods"


def signed_in_with_second_factor(user: User) -> Client:
    """Signed in as at the door: password, then the code (kept in the session with its time)."""
    client = Client()
    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    client.post("/accounts/2fa/authenticate/", {"code": totp_code()})
    return client


def second_factor_minutes_ago(client: Client, minutes: float) -> None:
    session = client.session
    records = session[RECORDS]
    for record in records:
        record["at"] = time.time() - minutes * 60
    session[RECORDS] = records
    session.save()


def mfa_checks(client: Client) -> list[float]:
    return [r["at"] for r in client.session[RECORDS] if r["method"] == "mfa"]


@pytest.fixture
def discharged(controlled_clock):
    record = discharged_record(controlled_clock)
    client = signed_in_with_second_factor(record.created_by)
    return client, record


def sign_url(record):
    return f"/treatment/records/{record.public_id}/sign/"


def test_signing_unticked_is_refused_with_a_clear_error(discharged):
    client, record = discharged

    refused = client.post(sign_url(record), {})

    assert refused.status_code == 400
    page = refused.content.decode()
    assert ATTESTATION in page and NOT_ATTESTED in page
    record.refresh_from_db()
    assert record.signed_at is None


def test_at_14_minutes_the_signature_asks_no_code(discharged):
    client, record = discharged
    second_factor_minutes_ago(client, 14)

    page = client.get(f"/treatment/sessions/{record.session.public_id}/").content.decode()
    assert 'name="sign-code"' not in page
    response = client.post(sign_url(record), sign_post())

    assert response.status_code == 302
    record.refresh_from_db()
    assert record.signed_at is not None
    assert record.signed_statement == ATTESTATION


def test_at_16_minutes_the_signature_asks_the_second_factor_again(discharged, settings):
    assert settings.SIGN_REAUTH_MINUTES == 15
    client, record = discharged
    second_factor_minutes_ago(client, 16)

    page = client.get(f"/treatment/sessions/{record.session.public_id}/").content.decode()
    assert 'name="sign-code"' in page
    assert 'inputmode="numeric"' in page
    without = client.post(sign_url(record), sign_post())
    assert without.status_code == 400
    assert "Enter the code from your authenticator app." in without.content.decode()
    wrong = client.post(sign_url(record), sign_post("000000"))
    assert wrong.status_code == 400
    record.refresh_from_db()
    assert record.signed_at is None

    checks_before = len(mfa_checks(client))
    cache.clear()  # a code is used once: as if a new half-minute's code were entered
    response = client.post(sign_url(record), sign_post(totp_code()))

    assert response.status_code == 302
    record.refresh_from_db()
    assert record.signed_at is not None
    checks = mfa_checks(client)
    assert len(checks) == checks_before + 1
    assert time.time() - checks[-1] < 60  # the new check's time, kept in the session


def test_the_signed_record_says_who_when_with_the_time_zone_and_what(discharged, settings):
    client, record = discharged
    client.post(sign_url(record), sign_post())
    record.refresh_from_db()
    session_page = f"/treatment/sessions/{record.session.public_id}/"

    page = client.get(session_page).content.decode()

    name = record.created_by.get_full_name() or record.created_by.email
    assert f"Signed</strong> by {name}" in page
    assert "UTC" in page  # the time zone's abbreviation (TIME_ZONE is UTC in tests)
    assert f"session {record.session.number}, version 1" in page
    assert f"“{ATTESTATION}”" in page


def test_the_printed_record_and_its_pdf_are_headed_by_the_clinic_without_codes_or_ids(
    discharged, settings
):
    settings.CLINIC_NAME = "Riverside Ketamine Clinic"
    client, record = discharged
    client.post(sign_url(record), sign_post())
    record.refresh_from_db()
    ruleset = record.pre_dose_check.ruleset

    html = client.get(f"/treatment/records/{record.public_id}/print/").content.decode()
    pdf = pdf_text(client.get(f"/treatment/records/{record.public_id}/pdf/").content)

    assert "Riverside Ketamine Clinic" in html and "Riverside Ketamine Clinic" in pdf
    assert ATTESTATION in html and ATTESTATION in pdf
    assert "UTC" in html and "UTC" in pdf
    assert "Taken home by" in html and "Taken home by" in pdf
    article = html[html.index('data-testid="print-record"') :]
    visible = article.replace(f"/treatment/records/{record.public_id}/pdf/", "").replace(
        f"/treatment/sessions/{record.session.public_id}/", ""
    )
    assert str(record.public_id) not in visible and str(record.public_id) not in pdf
    assert "Rule set" not in pdf
    assert f"rule set {ruleset}" not in html


@pytest.fixture
def ready(controlled_clock):
    from datetime import timedelta

    from treatment.clinic.services import escort_set

    clinician = make_clinician()
    record = make_record(clinician=clinician, dosed_at=controlled_clock.now())
    for minutes in (40, 70, 100, 120):
        controlled_clock.moment = record.dosed_at + timedelta(minutes=minutes)
        observe(record, controlled_clock.now())
    escort_set(record=record, present=True, actor=clinician)
    client = Client()
    client.force_login(clinician)
    return client, record, f"/treatment/sessions/{record.session.public_id}/discharge/"


def test_a_discharge_records_the_time_who_took_the_patient_home_and_aftercare(ready):
    client, record, url = ready

    later = client.post(url, discharge_post("11:30"))
    assert later.status_code == 400
    assert "The discharge time is later than now." in later.content.decode()
    response = client.post(url, discharge_post("11:00", escort_name="Casey Example"))

    assert response.status_code == 302
    record = MonitoringRecord.objects.get(pk=record.pk)
    assert record.discharged_at.strftime("%H:%M") == "11:00"
    assert record.escort_name == "Casey Example"
    assert record.aftercare_given is True
    page = client.get(f"/treatment/sessions/{record.session.public_id}/").content.decode()
    assert "taken home by Casey Example; aftercare given" in page


def test_a_discharge_without_the_attestation_escort_or_aftercare_is_refused(ready):
    client, record, url = ready

    refused = client.post(
        url, discharge_post("11:00", attest=None, escort_name="", aftercare_given=None)
    )

    assert refused.status_code == 400
    page = refused.content.decode()
    assert NOT_ATTESTED in page
    assert "Write the name of the adult who took the patient home." in page
    assert "Tick the box once the aftercare instructions are given." in page
    record.refresh_from_db()
    assert record.discharged_at is None
