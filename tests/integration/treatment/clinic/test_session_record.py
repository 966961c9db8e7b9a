"""A clinician runs an in-clinic session from the pre-dose check to the signed record."""

from datetime import timedelta

import pytest
from django.test import Client

from screening.audit.models import AuditEntry
from tests.factories import totp_code
from tests.treatment import CHECK_POST, discharge_post, make_clinician, make_session, sign_post
from treatment.models import FollowUpTask, MonitoringRecord, PreDoseCheck, SessionAlert

pytestmark = pytest.mark.django_db

DOSE = {
    "medicine": "ketamine_iv",
    "dose_mg": "35",
    "lot_number": "K2026-114",
    "rems_medications": ["none"],
}


def observation(hhmm, **changes):
    return {
        "taken_at": hhmm,
        "systolic": "128",
        "diastolic": "80",
        "heart_rate": "76",
        "spo2": "97",
        "moaas": "5",
        "dissociation": "none",
    } | changes


@pytest.fixture
def clinic(controlled_clock):
    clinician = make_clinician()
    client = Client()
    client.force_login(clinician)
    session = make_session()
    base = f"/treatment/sessions/{session.public_id}/"
    return client, session, base, controlled_clock


def test_a_whole_session_from_check_to_signed_record(clinic):
    client, _, base, clock = clinic

    assert client.get(base).status_code == 200
    client.post(base + "check/", CHECK_POST)
    assert PreDoseCheck.objects.get().outcome == "go"
    client.post(base + "dose/", DOSE | {"dosed_at": "09:00"})
    record = MonitoringRecord.objects.get()
    assert record.dosed_at == clock.now()

    for minutes, hhmm in ((40, "09:40"), (70, "10:10"), (100, "10:40"), (120, "11:00")):
        clock.advance(minutes=minutes - (clock.now() - record.dosed_at).seconds // 60)
        response = client.post(base + "observations/", observation(hhmm))
        assert response.status_code == 302, response.content
    client.post(base + "escort/", {"escort_present": "yes"})
    page = client.get(base)
    assert page.context["state"] == "Ready to leave"

    client.post(base + "discharge/", discharge_post("11:00"))
    record.refresh_from_db()
    assert record.ready_at == record.dosed_at + timedelta(minutes=120)
    assert record.total_monitoring == timedelta(minutes=120)
    assert record.early_discharge_reason == ""

    client.post(f"/treatment/records/{record.public_id}/sign/", sign_post(totp_code()))
    record.refresh_from_db()
    assert record.signed_at is not None
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {
        "session_viewed",
        "pre_dose_checked",
        "dose_recorded",
        "observation_recorded",
        "discharge_recorded",
        "record_signed",
    } <= actions


def test_no_dose_is_recorded_without_go(clinic):
    client, _, base, _ = clinic
    client.post(base + "check/", CHECK_POST | {"alcohol_24h": "yes"})

    response = client.post(base + "dose/", DOSE | {"dosed_at": "09:00"})

    assert response.status_code == 400
    assert "only after a go" in response.content.decode()
    assert MonitoringRecord.objects.get().dosed_at is None


def test_a_hold_is_overridden_with_a_reason_and_then_the_dose_recorded(clinic):
    client, _, base, _ = clinic
    client.post(base + "check/", CHECK_POST | {"alcohol_24h": "yes"})

    refused = client.post(base + "override/", {"override-reason": ""})
    assert refused.status_code == 400
    client.post(base + "override/", {"override-reason": "One glass of wine at lunch yesterday"})
    client.post(base + "dose/", DOSE | {"dosed_at": "09:00"})

    check = PreDoseCheck.objects.get()
    assert check.overridden_at and check.override_reason.startswith("One glass")
    assert MonitoringRecord.objects.get().dosed_at is not None


def test_a_call_cannot_be_overridden(clinic):
    client, _, base, _ = clinic
    client.post(base + "check/", CHECK_POST | {"systolic_1": "186", "diastolic_1": "100"})

    response = client.post(base + "override/", {"override-reason": "Looks fine to me"})

    assert PreDoseCheck.objects.get().outcome == "call"
    assert "Only a hold can be overridden" in response.content.decode()
    assert "Emergency protocol" in response.content.decode()


def test_ideation_in_the_check_becomes_an_owned_task_due_within_the_hour(clinic):
    client, _, base, clock = clinic
    client.post(base + "check/", CHECK_POST | {"wish_dead": "yes"})

    task = FollowUpTask.objects.get()
    assert task.kind == "suicidal_ideation"
    assert task.due_at == clock.now() + timedelta(hours=1)
    assert PreDoseCheck.objects.get().outcome == "hold"


def test_a_missing_answer_is_shown_beside_its_field_and_nothing_is_lost(clinic):
    client, _, base, _ = clinic
    post = {k: v for k, v in CHECK_POST.items() if k != "alcohol_24h"}

    response = client.post(base + "check/", post)

    assert response.status_code == 400
    assert response.context["check_form"].errors == {"alcohol_24h": ["Answer this question."]}
    assert 'value="124"' in response.content.decode()
    assert not PreDoseCheck.objects.exists()


def test_an_alarming_observation_opens_an_alert_with_the_emergency_protocol(clinic, settings):
    settings.CLINIC_EMERGENCY_PROTOCOL = "Call the crash team on 2222."
    client, _, base, clock = clinic
    client.post(base + "check/", CHECK_POST)
    client.post(base + "dose/", DOSE | {"dosed_at": "09:00"})
    clock.advance(minutes=40)

    client.post(base + "observations/", observation("09:40", spo2="88", moaas="2"))

    assert sorted(SessionAlert.objects.values_list("code", flat=True)) == [
        "deep_sedation",
        "spo2_low",
    ]
    board = client.get("/treatment/today/").content.decode()
    assert "Call the crash team on 2222." in board
    assert "SpO2 88% is below 90%" in board
    client.post(base + "alerts/")
    assert not SessionAlert.objects.filter(acknowledged_at__isnull=True).exists()


def test_an_early_discharge_needs_a_reason(clinic):
    client, _, base, clock = clinic
    client.post(base + "check/", CHECK_POST)
    client.post(base + "dose/", DOSE | {"dosed_at": "09:00"})
    clock.advance(minutes=40)
    client.post(base + "observations/", observation("09:40"))
    client.post(base + "escort/", {"escort_present": "yes"})

    refused = client.post(base + "discharge/", discharge_post("09:40"))
    assert refused.status_code == 400
    assert "write the reason for an early discharge" in refused.content.decode()
    client.post(
        base + "discharge/",
        discharge_post("09:40", reason="Family emergency; left against advice"),
    )

    record = MonitoringRecord.objects.get()
    assert record.discharged_at == clock.now()
    assert record.ready_at is None
    assert record.early_discharge_reason.startswith("Family emergency")


def test_the_page_shows_the_next_observation_and_marks_it_overdue(clinic):
    client, _, base, clock = clinic
    client.post(base + "check/", CHECK_POST)
    client.post(base + "dose/", DOSE | {"dosed_at": "09:00"})

    clock.advance(minutes=30)
    assert not client.get(base).context["monitoring"].overdue
    clock.advance(minutes=16)
    page = client.get(base)
    assert page.context["monitoring"].overdue
    assert "(overdue)" in page.content.decode()
    assert "js/session_clock.js" in page.content.decode()


def test_observations_before_the_dose_or_in_the_future_are_refused(clinic):
    client, _, base, _ = clinic
    client.post(base + "check/", CHECK_POST)
    client.post(base + "dose/", DOSE | {"dosed_at": "09:00"})

    early = client.post(base + "observations/", observation("08:50"))
    late = client.post(base + "observations/", observation("09:30"))

    assert early.context["observation_form"].errors["taken_at"] == [
        "An observation cannot be taken before the dose."
    ]
    assert late.context["observation_form"].errors["taken_at"] == [
        "The time taken cannot be in the future."
    ]


@pytest.mark.parametrize("spo2", ["49", "101", "0"])
def test_it_keeps_an_observation_typed_with_an_spo2_out_of_range(clinic, spo2):
    client, _, base, _ = clinic
    client.post(base + "check/", CHECK_POST)
    client.post(base + "dose/", DOSE | {"dosed_at": "09:00"})

    typed = observation("09:40", systolic="131", diastolic="83", heart_rate="77", spo2=spo2)
    typed |= {"moaas": "3", "dissociation": "mild"}
    response = client.post(base + "observations/", typed)

    assert response.status_code == 400
    form = response.context["observation_form"]
    assert "spo2" in form.errors
    page = response.content.decode()
    assert "Enter 50 or more %." in page or "Enter 100 or less %." in page
    for name in ("systolic", "diastolic", "heart_rate", "spo2", "taken_at"):
        assert f'name="{name}" value="{typed[name]}"' in page
    assert form["moaas"].value() == "3" and form["dissociation"].value() == "mild"
    assert not MonitoringRecord.objects.get().observations.exists()
