"""Writes of the in-clinic session record: the check kept on it, the dose, observations and
their alerts, the escort, discharge, signing and amendments. A signed record refuses any change."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.http import HttpRequest

from config.attestation import ATTESTATION
from patients.models import User
from screening.audit.models import AuditEntry
from treatment import clock
from treatment.checks.models import PreDoseCheck
from treatment.checks.selectors import check_limits, gate_of, latest_readiness
from treatment.checks.services import pre_dose_check_record
from treatment.clinic.models import MonitoringRecord, Observation
from treatment.clinic.selectors import monitoring_of
from treatment.courses.models import TreatmentSession
from treatment.courses.selectors import latest_prescription
from treatment.courses.services import TreatmentError, _audit
from treatment.followup.models import SessionAlert
from treatment.rules import Dissociation, PreDoseAnswers, observation_alerts
from treatment.rules import Observation as ObservationReading
from treatment.rules.therapy import given_dose_error
from treatment.sessions.board import session_board_write

Action = AuditEntry.Action


logger = logging.getLogger(__name__)


def record_ensure(*, session: TreatmentSession, actor: User) -> MonitoringRecord:
    """The session's latest record version, created (version 1) on first use."""
    record = session.records.order_by("-version").first()
    if record is None:
        record = MonitoringRecord.objects.create(
            session=session, created_by=actor, created_at=clock.now()
        )
    return record


@transaction.atomic
def clinic_check_record(
    *,
    session: TreatmentSession,
    answers: PreDoseAnswers,
    raw: dict[str, Any],
    actor: User,
    request: HttpRequest | None = None,
    assessed_by: User | None = None,
    assessment: str = "",
) -> PreDoseCheck:
    """The pre-dose check in the clinic, kept on the session's record (until the dose)."""
    check = pre_dose_check_record(
        session=session,
        answers=answers,
        raw=raw,
        actor=actor,
        request=request,
        assessed_by=assessed_by,
        assessment=assessment,
    )
    record = _editable(record_ensure(session=session, actor=actor))
    if record.dosed_at is not None:
        raise TreatmentError("The dose is already recorded: its check cannot change.")
    record.pre_dose_check = check
    record.save(update_fields=["pre_dose_check"])
    return check


def _editable(record: MonitoringRecord) -> MonitoringRecord:
    record = (
        MonitoringRecord.objects.select_for_update(of=("self",))
        .select_related("pre_dose_check", "session__course")
        .get(pk=record.pk)
    )
    if record.signed_at is not None:
        raise TreatmentError("This record is signed: amend it to make a change.")
    return record


@transaction.atomic
def dose_record(
    *,
    record: MonitoringRecord,
    medicine: str,
    dose_mg: Decimal,
    lot_number: str,
    dosed_at: datetime,
    rems_medications: list[str],
    actor: User,
    request: HttpRequest | None = None,
) -> MonitoringRecord:
    """Record the dose (t0); only through the gate (a go or an override of a hold, and no
    standing "not ready"), and only the dose prescribed for the session."""
    record = _editable(record)
    check = record.pre_dose_check
    gate = gate_of(check, latest_readiness(record.session))
    if check is None or not gate.may_dose:
        if gate.readiness_held:
            raise TreatmentError(
                "The therapist recorded the patient as not ready: a dose is recorded only "
                "after a clinician's override of that hold."
            )
        raise TreatmentError("A dose is recorded only after a go, or a clinician's override.")
    prescription = latest_prescription(record.session)
    if prescription is not None:
        error = given_dose_error(prescription.dose, dose_mg, medicine)
        if error:
            raise TreatmentError(error, "dose_mg")
    if dosed_at < check.checked_at - timedelta(minutes=1):
        raise TreatmentError("The dose cannot be given before the pre-dose check.", "dosed_at")
    if dosed_at > clock.now() + timedelta(minutes=1):
        raise TreatmentError("The time given cannot be in the future.", "dosed_at")
    if not rems_medications or ("none" in rems_medications and len(rems_medications) > 1):
        raise TreatmentError("Choose the medicines taken, or none of these.", "rems_medications")
    record.medicine, record.dose_mg, record.lot_number = medicine, dose_mg, lot_number.strip()
    record.dosed_at, record.rems_medications = dosed_at, rems_medications
    record.prescription = prescription
    record.save()
    session_board_write(record.session_id)
    _audit(
        actor,
        Action.DOSE_RECORDED,
        record.session.course,
        f"session {record.session.number}",
        request,
    )
    return record


@transaction.atomic
def observation_record(
    *,
    record: MonitoringRecord,
    taken_at: datetime,
    systolic: int,
    diastolic: int,
    heart_rate: int,
    spo2: int,
    moaas: int,
    dissociation: str,
    actor: User,
    request: HttpRequest | None = None,
) -> tuple[Observation, list[SessionAlert]]:
    """Record one observation; readings past the alert limits open urgent alerts."""
    record = _editable(record)
    if record.dosed_at is None:
        raise TreatmentError("Record the dose first: observations are timed from it.")
    if taken_at < record.dosed_at:
        raise TreatmentError("An observation cannot be taken before the dose.", "taken_at")
    if taken_at > clock.now() + timedelta(minutes=1):
        raise TreatmentError("The time taken cannot be in the future.", "taken_at")
    if record.discharged_at is not None and taken_at > record.discharged_at:
        raise TreatmentError("The patient has been discharged.")
    observation = Observation.objects.create(
        record=record,
        taken_at=taken_at,
        systolic=systolic,
        diastolic=diastolic,
        heart_rate=heart_rate,
        spo2=spo2,
        moaas=moaas,
        dissociation=dissociation,
        recorded_by=actor,
        recorded_at=clock.now(),
    )
    reading = ObservationReading(
        taken_at, systolic, diastolic, heart_rate, spo2, moaas, Dissociation(dissociation)
    )
    alerts = [
        SessionAlert.objects.create(
            session=record.session,
            record=record,
            observation=observation,
            code=alert.code,
            text=alert.text,
            opened_at=clock.now(),
        )
        for alert in observation_alerts(reading, check_limits(record.pre_dose_check))
    ]
    session_board_write(record.session_id)
    if alerts:
        logger.warning("session alert on record %s: %d alert(s)", record.pk, len(alerts))
    _audit(
        actor,
        Action.OBSERVATION_RECORDED,
        record.session.course,
        f"session {record.session.number}" + (f", {len(alerts)} alert(s)" if alerts else ""),
        request,
    )
    return observation, alerts


@transaction.atomic
def alerts_acknowledge(
    *, session: TreatmentSession, actor: User, request: HttpRequest | None = None
) -> int:
    """Acknowledge the session's open alerts (in the clinic or at home)."""
    count = SessionAlert.objects.filter(session=session, acknowledged_at__isnull=True).update(
        acknowledged_by=actor, acknowledged_at=clock.now()
    )
    session_board_write(session)
    _audit(
        actor,
        Action.ALERT_ACKNOWLEDGED,
        session.course,
        f"session {session.number}: {count}",
        request,
    )
    return count


@transaction.atomic
def escort_set(
    *, record: MonitoringRecord, present: bool, actor: User, request: HttpRequest | None = None
) -> MonitoringRecord:
    record = _editable(record)
    record.escort_present = present
    record.save(update_fields=["escort_present"])
    session_board_write(record.session_id)
    _audit(
        actor,
        Action.DISCHARGE_RECORDED,
        record.session.course,
        f"session {record.session.number}: escort {'present' if present else 'absent'}",
        request,
    )
    return record


DISCHARGE_FIELDS = ("discharged_at", "ready_at", "early_discharge_reason", "escort_name")


@transaction.atomic
def discharge_record(
    *,
    record: MonitoringRecord,
    actor: User,
    reason: str = "",
    escort_name: str = "",
    aftercare_given: bool | None = None,
    at: datetime | None = None,
    request: HttpRequest | None = None,
) -> MonitoringRecord:
    """Discharge at `at` (now unless given); before "ready to leave", with a clinician's
    reason. The record keeps when the patient became ready (and, through t0, the total
    monitoring time), who took the patient home and whether aftercare was given."""
    record = _editable(record)
    if record.dosed_at is None:
        raise TreatmentError("No dose is recorded: there is nothing to discharge from.")
    if record.discharged_at is not None:
        raise TreatmentError("The patient has already been discharged.")
    now = clock.now()
    at = at or now
    if at > now + timedelta(minutes=1):
        raise TreatmentError("The discharge time is later than now.", "discharged_at")
    if at < record.dosed_at:
        raise TreatmentError("The discharge time is before the dose.", "discharged_at")
    readiness = monitoring_of(record, list(record.observations.all()), at).readiness
    ready = readiness is not None and readiness.ready
    if not ready and not reason.strip():
        raise TreatmentError(
            "The patient is not yet ready to leave: write the reason for an early discharge.",
            "reason",
        )
    record.discharged_at = at
    record.ready_at = readiness.ready_since if ready and readiness else None
    record.early_discharge_reason = "" if ready else reason.strip()
    record.escort_name = escort_name.strip()
    record.aftercare_given = aftercare_given
    record.save(update_fields=[*DISCHARGE_FIELDS, "aftercare_given"])
    session_board_write(record.session_id)
    _audit(
        actor,
        Action.DISCHARGE_RECORDED,
        record.session.course,
        f"session {record.session.number}: {'ready' if ready else 'early'}, attested",
        request,
    )
    return record


def record_missing(record: MonitoringRecord) -> list[str]:
    """What must be filled before the record can be signed, in words."""
    check = record.pre_dose_check
    missing = []
    if check is None:
        missing.append("the pre-dose check")
    elif not check.may_dose:
        missing.append("a go, or an override, of the pre-dose check")
    for name, label in (
        ("medicine", "the medicine"),
        ("dose_mg", "the dose"),
        ("lot_number", "the lot number"),
        ("dosed_at", "the time given"),
        ("rems_medications", "the medicines taken (benzodiazepines and others)"),
        ("escort_present", "whether the escort was present"),
        ("discharged_at", "the discharge"),
    ):
        if getattr(record, name) in (None, "", []):
            missing.append(label)
    observations = list(record.observations.all())
    if record.dosed_at is not None and not observations:
        missing.append("observations after the dose")
    if record.discharged_at and record.ready_at is None and not record.early_discharge_reason:
        missing.append("the reason for an early discharge")
    return missing


@transaction.atomic
def record_sign(
    *,
    record: MonitoringRecord,
    actor: User,
    statement: str = ATTESTATION,
    request: HttpRequest | None = None,
) -> MonitoringRecord:
    """Sign a complete record with what the signer attests; then it is never changed."""
    record = _editable(record)
    missing = record_missing(record)
    if missing:
        raise TreatmentError("The record cannot be signed yet. Missing: " + "; ".join(missing))
    record.signed_by, record.signed_at = actor, clock.now()
    record.signed_statement = statement
    record.save(update_fields=["signed_by", "signed_at", "signed_statement"])
    _audit(
        actor,
        Action.RECORD_SIGNED,
        record.session.course,
        f"session {record.session.number} v{record.version}",
        request,
    )
    return record


COPIED_FIELDS = (
    "pre_dose_check",
    "prescription",
    "rems_medications",
    "medicine",
    "dose_mg",
    "lot_number",
    "dosed_at",
    "escort_present",
    "ready_at",
    "discharged_at",
    "early_discharge_reason",
    "escort_name",
    "aftercare_given",
)


@transaction.atomic
def record_amend(
    *, record: MonitoringRecord, reason: str, actor: User, request: HttpRequest | None = None
) -> MonitoringRecord:
    """A new, unsigned version of a signed record, with its observations, and the reason."""
    if not reason.strip():
        raise TreatmentError("Write the reason for the amendment.", "reason")
    record = (
        MonitoringRecord.objects.select_for_update(of=("self",))
        .select_related("session__course")
        .get(pk=record.pk)
    )
    if record.signed_at is None:
        raise TreatmentError("Only a signed record is amended; this one can still be edited.")
    if MonitoringRecord.objects.filter(amends=record).exists():
        raise TreatmentError("This version has already been amended: amend the latest one.")
    amendment = MonitoringRecord.objects.create(
        session=record.session,
        version=record.version + 1,
        amends=record,
        amendment_reason=reason.strip(),
        created_by=actor,
        created_at=clock.now(),
        **{name: getattr(record, name) for name in COPIED_FIELDS},
    )
    # Every observation is copied as it was, but for the record it belongs to.
    copied = [
        f.attname for f in Observation._meta.concrete_fields if f.name not in ("id", "record")
    ]
    Observation.objects.bulk_create(
        Observation(record=amendment, **{name: getattr(o, name) for name in copied})
        for o in record.observations.all()
    )
    session_board_write(record.session_id)
    _audit(
        actor,
        Action.RECORD_AMENDED,
        record.session.course,
        f"session {record.session.number} v{amendment.version}",
        request,
    )
    return amendment
