"""A session's board state and rank, kept on the session by the services that change them.

One derivation (`board_columns`) from the session's source rows (its latest check and
readiness, its record and observations, its dose and readings, its unacknowledged alerts),
used by every writer and by the rebuild that checks them: the board then reads one indexed
page instead of deriving every session of the day.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from treatment import clock
from treatment.checks.models import PreDoseCheck
from treatment.checks.selectors import check_limits
from treatment.clinic.models import MonitoringRecord, Observation
from treatment.clinic.selectors import readings_of, session_state
from treatment.courses.models import TreatmentSession
from treatment.followup.models import SessionAlert
from treatment.home.models import AfterDoseReading, HomeDose
from treatment.home.selectors import HomeStatus
from treatment.rules.board import board_rank
from treatment.rules.monitoring import ready_window
from treatment.therapy.models import ReadinessAssessment

BATCH = 2000  # sessions derived per round of queries by the rebuild


@dataclass(frozen=True)
class BoardColumns:
    """What the session stores for the board."""

    state: str
    rank: int
    ready_from: datetime | None = None
    ready_until: datetime | None = None

    @classmethod
    def stored(cls, session: TreatmentSession) -> BoardColumns:
        return cls(
            session.board_state,
            session.board_rank,
            session.board_ready_from,
            session.board_ready_until,
        )


FIELDS = ["board_state", "board_rank", "board_ready_from", "board_ready_until"]


def board_columns(sessions: list[TreatmentSession]) -> dict[int, BoardColumns]:
    """Each session's board columns derived from its source rows: seven queries for any
    number of sessions."""
    ids = [session.pk for session in sessions]
    checks: dict[int, PreDoseCheck] = {}
    for check in (
        PreDoseCheck.objects.filter(session_id__in=ids)
        .defer("answers", "limits", "result")
        .order_by("-checked_at", "-pk")
    ):
        checks.setdefault(check.session_id, check)
    readiness: dict[int, ReadinessAssessment] = {}
    for assessment in ReadinessAssessment.objects.filter(session_id__in=ids).order_by(
        "-assessed_at", "-pk"
    ):
        readiness.setdefault(assessment.session_id, assessment)
    records: dict[int, MonitoringRecord] = {}
    for record in (
        MonitoringRecord.objects.filter(session_id__in=ids)
        .select_related("pre_dose_check")
        .defer("pre_dose_check__answers", "pre_dose_check__result")
        .order_by("-version")
    ):
        records.setdefault(record.session_id, record)
    observations: dict[int, list[Observation]] = {record.pk: [] for record in records.values()}
    for observation in Observation.objects.filter(record_id__in=list(observations)):
        observations[observation.record_id].append(observation)
    doses = {
        dose.session_id: dose
        for dose in HomeDose.objects.filter(session_id__in=ids).select_related("pre_dose_check")
    }
    readings: dict[int, list[AfterDoseReading]] = {dose.pk: [] for dose in doses.values()}
    for reading in AfterDoseReading.objects.filter(dose_id__in=list(readings)):
        readings[reading.dose_id].append(reading)
    alerted = set(
        SessionAlert.objects.filter(session_id__in=ids, acknowledged_at__isnull=True).values_list(
            "session_id", flat=True
        )
    )
    now = clock.now()  # the stored state does not depend on it (only the ready window does)
    columns = {}
    for session in sessions:
        latest_check, latest_readiness = checks.get(session.pk), readiness.get(session.pk)
        window = None
        if session.in_clinic:
            latest_record = records.get(session.pk)
            state = session_state(latest_check, latest_record, None, latest_readiness)
            if latest_record is not None and state == "dosing":
                window = ready_window(
                    dosed_at=latest_record.dosed_at,  # type: ignore[arg-type]
                    observations=readings_of(observations[latest_record.pk]),
                    escort_present=latest_record.escort_present,
                    limits=check_limits(latest_record.pre_dose_check),
                )
        else:
            dose = doses.get(session.pk)
            home_readings = readings[dose.pk] if dose is not None else []
            state = HomeStatus(
                session, latest_check, dose, home_readings, now, latest_readiness
            ).state
        columns[session.pk] = BoardColumns(
            state,
            board_rank(state, alerted=session.pk in alerted),
            *(window or (None, None)),
        )
    return columns


def session_board_write(session: TreatmentSession | int) -> None:
    """Store the session's board state after a write that may change it; called inside the
    writer's transaction."""
    session_id = session if isinstance(session, int) else session.pk
    sessions_board_write([session_id])


def sessions_board_write(session_ids: Iterable[int]) -> None:
    sessions = list(TreatmentSession.objects.filter(pk__in=list(session_ids)))
    for session_id, columns in board_columns(sessions).items():
        TreatmentSession.objects.filter(pk=session_id).update(
            board_state=columns.state,
            board_rank=columns.rank,
            board_ready_from=columns.ready_from,
            board_ready_until=columns.ready_until,
        )


def board_differences(
    sessions: Iterable[TreatmentSession] | None = None,
) -> dict[int, tuple[BoardColumns, BoardColumns]]:
    """The sessions whose stored columns differ from their source rows: (stored, derived)."""
    differences = {}
    for batch in _batches(sessions):
        derived = board_columns(batch)
        for session in batch:
            stored = BoardColumns.stored(session)
            if stored != derived[session.pk]:
                differences[session.pk] = (stored, derived[session.pk])
    return differences


def board_states_rebuild(sessions: Iterable[TreatmentSession] | None = None) -> int:
    """Derive every session's board columns again from its source rows and store those that
    differ (after a bulk load, or to repair); the number corrected."""
    corrected = 0
    for batch in _batches(sessions):
        derived = board_columns(batch)
        changed = []
        for session in batch:
            columns = derived[session.pk]
            if BoardColumns.stored(session) != columns:
                session.board_state, session.board_rank = columns.state, columns.rank
                session.board_ready_from = columns.ready_from
                session.board_ready_until = columns.ready_until
                changed.append(session)
        TreatmentSession.objects.bulk_update(changed, FIELDS, batch_size=BATCH)
        corrected += len(changed)
    return corrected


def _batches(sessions: Iterable[TreatmentSession] | None) -> Iterable[list[TreatmentSession]]:
    if sessions is None:
        ids = list(TreatmentSession.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH):
            yield list(
                TreatmentSession.objects.filter(pk__in=ids[start : start + BATCH]).order_by("pk")
            )
        return
    listed = list(sessions)
    for start in range(0, len(listed), BATCH):
        yield listed[start : start + BATCH]
