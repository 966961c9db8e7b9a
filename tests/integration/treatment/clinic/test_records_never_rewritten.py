"""The database itself refuses to rewrite what the record keeps as made: a signed monitoring
record and its observations, the rows never edited, and an override once set. Each
forbidden statement is tried below the models (queryset update, delete, bulk_create, raw
SQL), on PostgreSQL in CI and on SQLite."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import DatabaseError, connection, transaction

from tests.integration.treatment.helpers import discharged_record
from tests.treatment import make_clinician, make_session
from treatment.checks.services import check_override, session_hold_override
from treatment.clinic.services import record_amend, record_sign
from treatment.guards import guard_names
from treatment.models import (
    AfterDoseReading,
    HomeDose,
    IntegrationNote,
    Intention,
    MeasureSet,
    MonitoringRecord,
    Observation,
    PreDoseCheck,
    PrescribedDose,
    ReadinessAssessment,
    Reflection,
    ReportedSideEffect,
)
from treatment.rules import Setting

pytestmark = pytest.mark.django_db


def refused(statement):
    """The statement fails in the database, and nothing of it stays."""
    with pytest.raises(DatabaseError), transaction.atomic():
        statement()


@pytest.fixture
def signed(controlled_clock):
    record = discharged_record(controlled_clock)
    return record_sign(record=record, actor=record.created_by)


def test_the_guards_are_in_place():
    assert len(guard_names(connection)) >= 4


def test_a_signed_record_is_never_updated_or_deleted(signed):
    rows = MonitoringRecord.objects.filter(pk=signed.pk)

    refused(lambda: rows.update(dose_mg=70))
    refused(lambda: rows.update(signed_at=None))
    refused(lambda: rows.update(lot_number="OTHER"))
    refused(lambda: rows._raw_delete(rows.db))
    with connection.cursor() as cursor:
        refused(
            lambda: cursor.execute(
                "UPDATE treatment_monitoringrecord SET dose_mg = 70 WHERE id = %s", [signed.pk]
            )
        )
    signed.refresh_from_db()
    assert signed.dose_mg == Decimal("35.0") and signed.signed_at is not None


def test_the_observations_of_a_signed_record_are_never_changed_nor_added(signed):
    observations = Observation.objects.filter(record=signed)
    first = observations.first()
    before = list(observations.values_list("spo2", flat=True))

    refused(lambda: observations.update(spo2=80))
    refused(lambda: observations._raw_delete(observations.db))
    refused(
        lambda: Observation.objects.bulk_create(
            [
                Observation(
                    record=signed,
                    taken_at=first.taken_at + timedelta(minutes=5),
                    systolic=120,
                    diastolic=80,
                    heart_rate=70,
                    spo2=99,
                    moaas=5,
                    dissociation="none",
                    recorded_by=first.recorded_by,
                )
            ]
        )
    )
    assert list(observations.values_list("spo2", flat=True)) == before


def test_an_observation_cannot_be_moved_into_a_signed_record(signed, controlled_clock):
    other = discharged_record(controlled_clock)
    moved = Observation.objects.filter(record=other)

    refused(lambda: moved.update(record=signed))


def test_an_unsigned_record_is_still_written_and_an_amendment_copies_the_signed_one(signed):
    amendment = record_amend(
        record=signed, reason="Lot number typed wrong", actor=signed.created_by
    )

    MonitoringRecord.objects.filter(pk=amendment.pk).update(lot_number="LOT-2")
    Observation.objects.filter(record=amendment).update(spo2=96)

    assert amendment.observations.count() == signed.observations.count()
    assert set(amendment.observations.values_list("spo2", flat=True)) == {96}


@pytest.fixture
def kept_rows(controlled_clock):
    """One row of each kind kept as never edited, written as the app writes them."""
    clinician = make_clinician()
    session = make_session(setting=Setting.AT_HOME)
    patient = session.course.patient.user
    check = PreDoseCheck.objects.create(
        session=session,
        setting="at_home",
        answers={},
        outcome="go",
        result={},
        limits={},
        ruleset="default-1",
    )
    dose = HomeDose.objects.create(
        session=session, pre_dose_check=check, dosed_at=controlled_clock.now(), recorded_by=patient
    )
    now = controlled_clock.now()
    return [
        dose,
        AfterDoseReading.objects.create(
            dose=dose,
            slot="first",
            taken_at=now,
            systolic=130,
            diastolic=80,
            heart_rate=70,
            level="normal",
            recorded_by=patient,
        ),
        ReportedSideEffect.objects.create(
            session=session, effect="nausea", severity="mild", reported_by=patient
        ),
        MeasureSet.objects.create(
            course=session.course,
            key="session-1",
            phq9=[0] * 9,
            gad7=[0] * 7,
            phq9_total=0,
            gad7_total=0,
            phq9_item9=0,
            recorded_by=patient,
        ),
        PrescribedDose.objects.create(
            session=session, dose_mg=Decimal("200.0"), route="sublingual", prescribed_by=clinician
        ),
        Intention.objects.create(session=session, text="To rest", written_by=patient),
        IntegrationNote.objects.create(
            session=session, focus="depression", sections={"themes": "x"}, written_by=clinician
        ),
        Reflection.objects.create(session=session, text="It helped", written_by=patient),
    ]


def test_no_row_kept_as_never_edited_is_updated_or_deleted(kept_rows, controlled_clock):
    earlier = controlled_clock.now() - timedelta(days=1)
    for row in kept_rows:
        rows = type(row).objects.filter(pk=row.pk)
        moment = next(
            f.attname for f in row._meta.concrete_fields if f.attname.endswith("_at") and not f.null
        )

        refused(lambda rows=rows, moment=moment: rows.update(**{moment: earlier}))
        refused(lambda rows=rows: rows._raw_delete(rows.db))
        assert rows.exists(), type(row).__name__
        assert getattr(rows.get(), moment) != earlier


@pytest.fixture
def hold(controlled_clock):
    session = make_session()
    clinician = make_clinician()
    check = PreDoseCheck.objects.create(
        session=session,
        setting="in_clinic",
        answers={"mood": 5},
        outcome="hold",
        result={},
        limits={},
        ruleset="default-1",
        checked_by=clinician,
    )
    return check, clinician


def test_an_override_goes_once_from_empty_to_set_and_never_changes_after(hold, controlled_clock):
    check, clinician = hold
    rows = PreDoseCheck.objects.filter(pk=check.pk)

    refused(lambda: rows.update(outcome="go"))
    refused(lambda: rows.update(answers={"mood": 9}))
    refused(lambda: rows.update(override_reason="only the why", overridden_by=clinician))
    refused(lambda: rows._raw_delete(rows.db))
    # The override together with an edit of what was checked: refused as a whole.
    refused(
        lambda: rows.update(
            override_reason="assessed",
            overridden_by=clinician,
            overridden_at=controlled_clock.now(),
            outcome="go",
        )
    )

    check_override(check=check, reason="Assessed in person", actor=clinician)

    refused(lambda: rows.update(override_reason="another reason"))
    refused(lambda: rows.update(overridden_at=None, overridden_by=None, override_reason=""))
    refused(lambda: rows.update(overridden_by=make_clinician()))
    check.refresh_from_db()
    assert check.override_reason == "Assessed in person" and check.overridden_by == clinician


def test_a_readiness_override_is_set_once_through_the_app(controlled_clock):
    session = make_session()
    clinician = make_clinician()
    readiness = ReadinessAssessment.objects.create(
        session=session, readiness="not_ready", reason="Not today", assessed_by=clinician
    )
    rows = ReadinessAssessment.objects.filter(pk=readiness.pk)
    refused(lambda: rows.update(readiness="ready"))

    session_hold_override(session=session, reason="Spoke with the therapist", actor=clinician)

    refused(lambda: rows.update(override_reason="changed"))
    refused(lambda: rows._raw_delete(rows.db))
    readiness.refresh_from_db()
    assert readiness.override_reason == "Spoke with the therapist"


@pytest.mark.django_db(transaction=True)
def test_flushing_the_whole_database_stays_possible(controlled_clock):
    from django.core.management import call_command

    record = discharged_record(controlled_clock)
    record_sign(record=record, actor=record.created_by)
    assert MonitoringRecord.objects.exists()

    call_command("flush", interactive=False, verbosity=0)

    assert not MonitoringRecord.objects.exists() and not Observation.objects.exists()
    # Outside a flush, the guards hold again.
    record = discharged_record(controlled_clock)
    record_sign(record=record, actor=record.created_by)
    rows = MonitoringRecord.objects.filter(pk=record.pk)
    refused(lambda: rows._raw_delete(rows.db))
