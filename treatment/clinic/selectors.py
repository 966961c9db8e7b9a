"""Reads of the in-clinic record: its latest version, the observations as the rules read them,
when the next one is due, discharge readiness, and the records still unsigned."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404

from treatment.checks.models import PreDoseCheck
from treatment.checks.selectors import check_limits, gate_of
from treatment.clinic.models import MonitoringRecord, Observation
from treatment.courses.models import TreatmentSession
from treatment.rules import (
    Baseline,
    Dissociation,
    NextObservation,
    Readiness,
    discharge_readiness,
    next_observation,
)
from treatment.rules import (
    Observation as ObservationReading,
)
from treatment.therapy.models import ReadinessAssessment


def record_by_public_id(public_id: Any) -> MonitoringRecord:
    record = (
        MonitoringRecord.objects.select_related(
            "session__course__patient",
            "session__course__case__submission",
            "pre_dose_check__checked_by",
            "pre_dose_check__overridden_by",
            "signed_by",
            "created_by",
            "amends",
        )
        .filter(public_id=public_id)
        .first()
    )
    if record is None:
        raise Http404("No such record")
    return record


def current_record(session: TreatmentSession) -> MonitoringRecord | None:
    """The session's latest record version."""
    return (
        session.records.select_related(
            "pre_dose_check__checked_by", "pre_dose_check__overridden_by", "signed_by", "amends"
        )
        .order_by("-version")
        .first()
    )


def readings_of(observations: list[Observation]) -> list[ObservationReading]:
    return [
        ObservationReading(
            o.taken_at,
            o.systolic,
            o.diastolic,
            o.heart_rate,
            o.spo2,
            o.moaas,
            Dissociation(o.dissociation),
        )
        for o in observations
    ]


def baseline_of(check: PreDoseCheck | None) -> Baseline | None:
    values = check.result.get("baseline") if check else None
    return Baseline(*values) if values else None


@dataclass
class Monitoring:
    """Where an in-clinic record stands: next observation, readiness to leave."""

    next_due: NextObservation | None
    overdue: bool
    readiness: Readiness | None


def monitoring_of(
    record: MonitoringRecord, observations: list[Observation], now: datetime
) -> Monitoring:
    if record.dosed_at is None:
        return Monitoring(None, False, None)
    check = record.pre_dose_check
    limits = check_limits(check)
    readings = readings_of(observations)
    readiness = discharge_readiness(
        dosed_at=record.dosed_at,
        now=now,
        observations=readings,
        escort_present=record.escort_present,
        limits=limits,
    )
    if record.discharged_at is not None:
        return Monitoring(None, False, readiness)
    due = next_observation(record.dosed_at, readings, limits)
    return Monitoring(due, due.is_overdue(now), readiness)


def session_state(
    check: PreDoseCheck | None,
    record: MonitoringRecord | None,
    monitoring: Monitoring | None,
    readiness: ReadinessAssessment | None = None,
) -> str:
    if record is not None and record.discharged_at is not None:
        return "discharged"
    if record is not None and record.dosed_at is not None:
        ready = monitoring is not None and monitoring.readiness and monitoring.readiness.ready
        return "ready" if ready else "dosing"
    return gate_of(check, readiness).state


def record_deadline(record: MonitoringRecord) -> date:
    """The REMS record is due this many days after the dose (or the session date)."""
    start = record.dosed_at.date() if record.dosed_at is not None else record.session.scheduled_for
    return start + timedelta(days=settings.CLINIC_RECORD_DEADLINE_DAYS)


def unsigned_records(clinician_id: int | None = None) -> QuerySet[MonitoringRecord]:
    """Latest unsigned versions of records whose dose was given, oldest first."""
    records = MonitoringRecord.objects.filter(
        signed_at__isnull=True, dosed_at__isnull=False
    ).select_related("session__course__patient", "created_by")
    if clinician_id is not None:
        records = records.filter(created_by_id=clinician_id)
    return records.order_by("dosed_at", "pk")
