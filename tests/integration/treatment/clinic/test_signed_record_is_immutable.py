"""A signed record is never changed; an amendment is a new, linked version with a reason."""

from datetime import timedelta

import pytest
from django.test import Client

from tests.integration.treatment.helpers import discharged_record
from tests.treatment import make_record, observe
from treatment.clinic.services import record_amend, record_sign
from treatment.courses.services import TreatmentError
from treatment.models import ImmutableError, MonitoringRecord, Observation

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed(controlled_clock):
    record = discharged_record(controlled_clock)
    return record_sign(record=record, actor=record.created_by)


def test_the_model_refuses_any_change_to_a_signed_record(signed):
    signed.lot_number = "CHANGED"

    with pytest.raises(ImmutableError):
        signed.save()
    with pytest.raises(ImmutableError):
        signed.delete()
    assert MonitoringRecord.objects.get().lot_number == "LOT-1"


def test_the_model_refuses_new_or_changed_observations_on_a_signed_record(signed):
    first = signed.observations.first()
    first.spo2 = 80

    with pytest.raises(ImmutableError):
        first.save()
    with pytest.raises(ImmutableError):
        Observation.objects.create(
            record=signed,
            taken_at=first.taken_at,
            systolic=120,
            diastolic=80,
            heart_rate=70,
            spo2=97,
            moaas=5,
            dissociation="none",
            recorded_by=signed.created_by,
        )


def test_the_pages_refuse_to_change_a_signed_record(signed, controlled_clock):
    client = Client()
    client.force_login(signed.created_by)
    base = f"/treatment/sessions/{signed.session.public_id}/"
    controlled_clock.advance(minutes=5)

    dose = client.post(
        base + "dose/",
        {
            "medicine": "ketamine_im",
            "dose_mg": "50",
            "lot_number": "X",
            "dosed_at": "09:00",
            "rems_medications": ["none"],
        },
    )
    client.post(
        base + "observations/",
        {
            "taken_at": "11:04",
            "systolic": "120",
            "diastolic": "80",
            "heart_rate": "70",
            "spo2": "97",
            "moaas": "5",
            "dissociation": "none",
        },
    )
    client.post(base + "escort/", {"escort_present": "no"})

    assert "This record is signed: amend it to make a change." in dose.content.decode()
    signed.refresh_from_db()
    assert (signed.medicine, signed.escort_present, signed.observations.count()) == (
        "ketamine_iv",
        True,
        4,
    )


def test_an_amendment_is_a_new_linked_version_with_the_reason(signed):
    with pytest.raises(TreatmentError, match="Write the reason"):
        record_amend(record=signed, reason=" ", actor=signed.created_by)

    amendment = record_amend(record=signed, reason="Lot number misread", actor=signed.created_by)

    assert (amendment.version, amendment.amends, amendment.amendment_reason) == (
        2,
        signed,
        "Lot number misread",
    )
    assert amendment.signed_at is None
    assert amendment.observations.count() == signed.observations.count()
    assert amendment.dosed_at == signed.dosed_at
    with pytest.raises(TreatmentError, match="already been amended"):
        record_amend(record=signed, reason="again", actor=signed.created_by)


def test_a_record_cannot_be_signed_until_every_field_is_filled(controlled_clock):
    record = make_record(dosed_at=controlled_clock.now())
    controlled_clock.advance(minutes=40)
    observe(record, controlled_clock.now())

    with pytest.raises(TreatmentError) as refused:
        record_sign(record=record, actor=record.created_by)

    message = str(refused.value)
    assert "whether the escort was present" in message
    assert "the discharge" in message
    assert MonitoringRecord.objects.get().signed_at is None


def test_the_amended_version_is_signed_in_its_turn(signed, controlled_clock):
    amendment = record_amend(record=signed, reason="Typo in the dose", actor=signed.created_by)
    controlled_clock.advance(minutes=timedelta(days=1).total_seconds() / 60)

    record_sign(record=amendment, actor=signed.created_by)

    assert MonitoringRecord.objects.filter(signed_at__isnull=False).count() == 2


def test_an_amendment_corrects_the_dose_on_the_session_page(signed, controlled_clock):
    client = Client()
    client.force_login(signed.created_by)
    base = f"/treatment/sessions/{signed.session.public_id}/"
    client.post(f"/treatment/records/{signed.public_id}/amend/", {"amend-reason": "Wrong lot"})

    page = client.get(base).content.decode()
    assert "Correct the dose" in page
    client.post(
        base + "dose/",
        {
            "medicine": "ketamine_iv",
            "dose_mg": "35",
            "dosed_at": "09:00",
            "lot_number": "LOT-2",
            "rems_medications": ["none"],
        },
    )

    latest, first = MonitoringRecord.objects.order_by("-version")
    assert (latest.version, latest.lot_number, latest.signed_at) == (2, "LOT-2", None)
    assert (first.lot_number, first.signed_at) == ("LOT-1", signed.signed_at)
