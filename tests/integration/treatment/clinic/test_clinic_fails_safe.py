"""In the clinic: a ride home before the dose, low and fast vitals as alerts, and discharge on
the same "settled" vitals as a reading at home at 2 hours."""

from datetime import timedelta

import pytest
from django.test import Client

from tests.treatment import CHECK_POST, make_clinician, make_record, make_session
from treatment.clinic.selectors import monitoring_of
from treatment.clinic.services import escort_set, observation_record
from treatment.models import PreDoseCheck, SessionAlert

pytestmark = pytest.mark.django_db


@pytest.fixture
def clinician():
    client = Client()
    client.force_login(make_clinician())
    return client


@pytest.mark.parametrize(("ride", "outcome"), [("yes", "go"), ("no", "hold"), ("unsure", "hold")])
def test_the_pre_dose_check_asks_who_takes_the_patient_home(
    clinician, controlled_clock, ride, outcome
):
    session = make_session()
    page = clinician.get(f"/treatment/sessions/{session.public_id}/").content.decode()
    assert "Is an adult taking them home? (They may not drive until tomorrow.)" in page

    clinician.post(
        f"/treatment/sessions/{session.public_id}/check/", CHECK_POST | {"ride_home": ride}
    )

    check = PreDoseCheck.objects.get()
    assert check.outcome == outcome
    if ride == "no":
        assert check.codes == ["no_ride_home"]


def test_a_check_without_the_ride_home_answer_is_refused_and_keeps_the_readings(
    clinician, controlled_clock
):
    session = make_session()
    data = {k: v for k, v in CHECK_POST.items() if k != "ride_home"}

    response = clinician.post(f"/treatment/sessions/{session.public_id}/check/", data)

    assert response.status_code == 400
    assert 'value="124"' in response.content.decode()
    assert not PreDoseCheck.objects.exists()


@pytest.mark.parametrize(
    ("values", "code"),
    [
        ({"systolic": "88", "diastolic": "58"}, "bp_low"),
        ({"heart_rate": "48"}, "heart_rate_low"),
        ({"heart_rate": "130"}, "heart_rate_high"),
    ],
)
def test_low_or_fast_vitals_after_the_dose_open_an_urgent_alert(
    clinician, controlled_clock, values, code
):
    record = make_record(dosed_at=controlled_clock.now())
    controlled_clock.advance(minutes=40)
    data = {"systolic": "120", "diastolic": "75", "heart_rate": "80", "spo2": "97", "moaas": "5"}
    data |= {"dissociation": "none", "taken_at": "09:40"} | values

    clinician.post(f"/treatment/sessions/{record.session.public_id}/observations/", data)

    assert code in SessionAlert.objects.values_list("code", flat=True)


def test_a_reading_near_the_baseline_but_above_140_90_no_longer_discharges(controlled_clock):
    record = make_record(dosed_at=controlled_clock.now())
    clinician = make_clinician()
    for minutes, systolic in ((40, 128), (70, 128), (100, 128), (125, 142)):
        controlled_clock.moment = record.dosed_at + timedelta(minutes=minutes)
        observation_record(
            record=record,
            taken_at=controlled_clock.now(),
            systolic=systolic,
            diastolic=84,
            heart_rate=80,
            spo2=97,
            moaas=5,
            dissociation="none",
            actor=clinician,
        )
    escort_set(record=record, present=True, actor=clinician)
    record.refresh_from_db()

    readiness = monitoring_of(
        record, list(record.observations.all()), controlled_clock.now()
    ).readiness

    assert not readiness.ready
    assert any("142/84" in unmet for unmet in readiness.unmet)
