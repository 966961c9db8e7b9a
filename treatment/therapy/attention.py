"""What on a therapist's caseload needs attention: a preparation not recorded before its
dose, a dose held, an integration missed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from treatment.checks.selectors import latest_check
from treatment.courses.models import TreatmentCourse, TreatmentSession
from treatment.rules.vocab import Outcome
from treatment.therapy.selectors import SessionRow, therapy_rows

# A preparation is due before the dose: flagged from this many days before it.
PREPARATION_DUE_DAYS = 1


@dataclass
class Attention:
    text: str
    session: TreatmentSession
    urgent: bool = False


def _preparation_late(row: SessionRow, today: date) -> bool:
    if row.started or row.prepared or row.session.scheduled_for < today:
        return False
    planned = row.meetings.get("preparation")
    due = row.session.scheduled_for - timedelta(days=PREPARATION_DUE_DAYS)
    return today >= due or (planned is not None and planned.scheduled_for < today)


def course_attention(course: TreatmentCourse, today: date) -> list[Attention]:
    """Each session of an open or paused course that needs the therapist, most urgent first."""
    if course.status == TreatmentCourse.Status.ENDED:
        return []
    found = []
    for row in therapy_rows(course, today):
        number, day = row.session.number, f"{row.session.scheduled_for:%a %d %b}"
        if not row.started and row.readiness is not None and row.readiness.holds:
            found.append(
                Attention(f"Session {number}: the dose on {day} is held (not ready)", row.session)
            )
        elif not row.started and row.session.scheduled_for >= today:
            check = latest_check(row.session)
            if check and check.outcome == Outcome.HOLD and check.overridden_at is None:
                found.append(
                    Attention(
                        f"Session {number}: the check-in on {day} holds the dose", row.session
                    )
                )
        if _preparation_late(row, today):
            found.append(
                Attention(
                    f"Session {number}: preparation not recorded before the dose on {day}",
                    row.session,
                    urgent=True,
                )
            )
        if row.missed:
            found.append(
                Attention(f"Session {number}: integration missed", row.session, urgent=True)
            )
    return sorted(found, key=lambda item: not item.urgent)
