"""Reads of the clinicians' today board: every session of the day in its state (alerts, calls
and holds first), the therapy that needs a clinician, and the unsigned records."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    OuterRef,
    PositiveSmallIntegerField,
    Q,
    QuerySet,
    Value,
    When,
)

from treatment.checks.models import PreDoseCheck
from treatment.checks.selectors import STATE_LABELS
from treatment.clinic.models import MonitoringRecord, Observation
from treatment.clinic.selectors import (
    Monitoring,
    monitoring_of,
    record_deadline,
    session_state,
    unsigned_records,
)
from treatment.courses.models import TreatmentCourse, TreatmentSession
from treatment.courses.selectors import Contacts
from treatment.followup.models import SessionAlert
from treatment.home.models import AfterDoseReading, HomeDose
from treatment.home.selectors import HomeStatus
from treatment.rules.board import DOSING_RANK, READY_RANK, URGENT_RANK
from treatment.rules.therapy import MeetingKind, Readiness
from treatment.therapy.models import IntegrationNote, ReadinessAssessment, TherapyMeeting
from treatment.therapy.selectors import window_days


@dataclass
class BoardRow:
    session: TreatmentSession
    state: str
    check: PreDoseCheck | None
    record: MonitoringRecord | None
    monitoring: Monitoring | None
    alerts: list[SessionAlert] = field(default_factory=list)
    home: HomeStatus | None = None
    readiness: ReadinessAssessment | None = None
    contacts: Contacts | None = None  # set for the rows of the page shown

    @property
    def readiness_held(self) -> bool:
        return self.readiness is not None and self.readiness.holds

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def urgent(self) -> bool:
        return bool(self.alerts) or self.state == "call"


def board_sessions(day: date, now: datetime) -> QuerySet[TreatmentSession]:
    """The day's sessions of open courses in board order, from the state each stores:
    alerts, calls and holds first, then by patient and session. One indexed read of the
    day; a dose in the clinic sorts as ready to leave inside its stored window."""
    return (
        TreatmentSession.objects.filter(
            scheduled_for=day, course__status=TreatmentCourse.Status.OPEN
        )
        .annotate(
            board_order=Case(
                When(
                    board_rank=DOSING_RANK,
                    board_ready_from__lte=now,
                    board_ready_until__gte=now,
                    then=Value(READY_RANK),
                ),
                default=F("board_rank"),
                output_field=PositiveSmallIntegerField(),
            )
        )
        .order_by("board_order", "course__patient_id", "number", "pk")
    )


@dataclass
class BoardCounts:
    sessions: int
    urgent: int  # with an alert or a call
    alerts: int  # unacknowledged alerts on the day's sessions


def board_counts(day: date) -> BoardCounts:
    """Two queries, from the stored ranks and the open alerts."""
    todays = TreatmentSession.objects.filter(
        scheduled_for=day, course__status=TreatmentCourse.Status.OPEN
    )
    counts = todays.aggregate(
        sessions=Count("pk"), urgent=Count("pk", filter=Q(board_rank__lte=URGENT_RANK))
    )
    alerts = SessionAlert.objects.filter(
        acknowledged_at__isnull=True,
        session__scheduled_for=day,
        session__course__status=TreatmentCourse.Status.OPEN,
    ).count()
    return BoardCounts(counts["sessions"], counts["urgent"], alerts)


def board_rows(sessions: list[TreatmentSession], now: datetime) -> list[BoardRow]:
    """The shown sessions (a page of the board) with their check, record, dose and alerts,
    in the order given. A fixed number of queries, whatever the number of sessions.

    In the clinic the state comes from the pre-dose check and the record; at home
    from the patient's check-in, dose and readings.
    """
    ids = [session.pk for session in sessions]
    doses = {
        dose.session_id: dose
        for dose in HomeDose.objects.filter(session_id__in=ids)
        .select_related("pre_dose_check")
        .defer("pre_dose_check__answers", "pre_dose_check__result")
    }
    # The board reads no check's answers (only its result, for the mood flags): leave the
    # answers unread.
    latest_checks: dict[int, PreDoseCheck] = {}
    for check in (
        PreDoseCheck.objects.filter(session_id__in=ids)
        .defer("answers", "limits")
        .order_by("-checked_at", "-pk")
    ):
        latest_checks.setdefault(check.session_id, check)
    latest_readiness_of: dict[int, ReadinessAssessment] = {}
    for readiness in ReadinessAssessment.objects.filter(session_id__in=ids).order_by(
        "-assessed_at", "-pk"
    ):
        latest_readiness_of.setdefault(readiness.session_id, readiness)
    latest_versions: dict[int, MonitoringRecord] = {}
    for record in (
        MonitoringRecord.objects.filter(session_id__in=ids)
        .select_related("pre_dose_check")
        .defer("pre_dose_check__answers")
        .order_by("-version")
    ):
        latest_versions.setdefault(record.session_id, record)
    rows = []
    for session in sessions:
        row = BoardRow(session, "waiting", latest_checks.get(session.pk), None, None)
        row.readiness = latest_readiness_of.get(session.pk)
        row.record = latest_versions.get(session.pk)
        if not session.in_clinic:
            row.home = HomeStatus(session, row.check, doses.get(session.pk), [], now, row.readiness)
        rows.append(row)
    observations: dict[int, list[Observation]] = {
        row.record.pk: [] for row in rows if row.record is not None
    }
    # Joined to the sessions (not a list of records or doses): the same queries always.
    for observation in Observation.objects.filter(record__session_id__in=ids):
        if observation.record_id in observations:
            observations[observation.record_id].append(observation)
    readings: dict[int, list[AfterDoseReading]] = {dose.pk: [] for dose in doses.values()}
    for reading in AfterDoseReading.objects.filter(dose__session_id__in=ids):
        readings[reading.dose_id].append(reading)
    alerts: dict[int, list[SessionAlert]] = {pk: [] for pk in ids}
    for alert in SessionAlert.objects.filter(acknowledged_at__isnull=True, session_id__in=ids):
        alerts[alert.session_id].append(alert)
    for row in rows:
        row.alerts = alerts[row.session.pk]
        if row.home is not None:
            if row.home.dose is not None:
                row.home.readings = readings[row.home.dose.pk]
            row.state = row.home.state
            continue
        if row.record is not None:
            row.monitoring = monitoring_of(row.record, observations[row.record.pk], now)
        row.state = session_state(row.check, row.record, row.monitoring, row.readiness)
    return rows


def today_board(day: date, now: datetime) -> list[BoardRow]:
    """Every session of the day on the board, in its order (for a whole day's reads)."""
    return board_rows(list(board_sessions(day, now).select_related("course__patient")), now)


def unsigned_rows(today: date) -> list[dict[str, Any]]:
    return [
        {
            "record": record,
            "due": record_deadline(record),
            "days_left": (record_deadline(record) - today).days,
            "overdue_days": (today - record_deadline(record)).days,
        }
        for record in unsigned_records()
    ]


# A missed integration stays on the board this long after its window closed (and on the
# course page for good): the board is today's work.
MISSED_SHOWN_DAYS = 14


MISSED_LISTED = 50  # the longest-missed first; the rest counted


HOLDS_LISTED = 50  # the soonest sessions first; the rest counted


@dataclass
class BoardTherapy:
    holds: list[ReadinessAssessment]  # "not ready" standing on a session still to come
    holds_count: int
    missed: list[TherapyMeeting]  # integration windows closed lately without a note
    missed_count: int

    @property
    def holds_more(self) -> int:
        return self.holds_count - len(self.holds)

    @property
    def missed_more(self) -> int:
        return self.missed_count - len(self.missed)


def board_therapy(today: date) -> BoardTherapy:
    """Four queries whatever the number of courses: the database finds the standing holds
    (a session's latest readiness, "not ready", not overridden) and counts them."""
    later = ReadinessAssessment.objects.filter(session=OuterRef("session")).filter(
        Q(assessed_at__gt=OuterRef("assessed_at"))
        | Q(assessed_at=OuterRef("assessed_at"), pk__gt=OuterRef("pk"))
    )
    standing = ReadinessAssessment.objects.filter(
        session__scheduled_for__gte=today,
        session__course__status=TreatmentCourse.Status.OPEN,
        readiness=Readiness.NOT_READY.value,
        overridden_at__isnull=True,
    ).exclude(Exists(later))
    holds = list(
        standing.select_related("session__course__patient", "assessed_by").order_by(
            "session__scheduled_for", "session__course__patient_id", "-assessed_at", "-pk"
        )[:HOLDS_LISTED]
    )
    closed_before = today - timedelta(days=window_days(MeetingKind.INTEGRATION))
    missed = (
        TherapyMeeting.objects.filter(
            kind=MeetingKind.INTEGRATION.value,
            session__scheduled_for__lt=closed_before,
            session__scheduled_for__gte=closed_before - timedelta(days=MISSED_SHOWN_DAYS),
            session__course__status__in=TreatmentCourse.ACTIVE_STATUSES,
        )
        .filter(
            Exists(HomeDose.objects.filter(session=OuterRef("session")))
            | Exists(
                MonitoringRecord.objects.filter(session=OuterRef("session"), dosed_at__isnull=False)
            )
        )
        .exclude(Exists(IntegrationNote.objects.filter(session=OuterRef("session"))))
    )
    listed = list(
        missed.select_related("session__course__patient", "session__course__therapist").order_by(
            "session__scheduled_for", "pk"
        )[:MISSED_LISTED]
    )
    return BoardTherapy(holds, standing.count(), listed, missed.count())
