"""Session notes of the therapy: when and how a preparation or integration meeting was held
and what was discussed (the integration's sections are written in services)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.http import HttpRequest

from patients.models import User
from screening.audit.models import AuditEntry
from treatment import clock
from treatment.courses.models import TreatmentSession
from treatment.courses.services import TreatmentError, session_locked, treatment_audit
from treatment.therapy.models import MODALITY_CHOICES, PreparationNote

DISCUSSED_CHARS = 4000
MAX_MINUTES = 480
MODALITIES = {value for value, _ in MODALITY_CHOICES}


@dataclass(frozen=True)
class Meeting:
    """When the meeting was held, for how long, how, and what was discussed."""

    held_at: datetime
    duration_minutes: int
    modality: str
    discussed: str = ""

    def fields(self) -> dict[str, object]:
        return {
            "held_at": self.held_at,
            "duration_minutes": self.duration_minutes,
            "modality": self.modality,
            "discussed": self.discussed.strip(),
        }


def meeting_error(meeting: Meeting) -> tuple[str, str] | None:
    """What is wrong with a meeting's details, as (message, field); None when right."""
    if meeting.held_at > clock.now():
        return "The meeting cannot be in the future: enter when it was held.", "held_on"
    if not 1 <= meeting.duration_minutes <= MAX_MINUTES:
        return f"Enter the minutes, from 1 to {MAX_MINUTES}.", "duration_minutes"
    if meeting.modality not in MODALITIES:
        return "Choose in person, video or phone.", "modality"
    if len(meeting.discussed) > DISCUSSED_CHARS:
        return f"Please keep it under {DISCUSSED_CHARS} characters.", "discussed"
    return None


def meeting_check(meeting: Meeting) -> None:
    if error := meeting_error(meeting):
        raise TreatmentError(*error)


@transaction.atomic
def preparation_record(
    *,
    session: TreatmentSession,
    meeting: Meeting,
    actor: User,
    request: HttpRequest | None = None,
) -> PreparationNote:
    """The note of the preparation meeting before a dose; a correction is a new version."""
    from treatment.therapy.services import own_therapist

    session = session_locked(session)
    own_therapist(session.course, actor)
    meeting_check(meeting)
    if not meeting.discussed.strip():
        raise TreatmentError("Write what was discussed.", "discussed")
    last = session.preparation_notes.first()
    note = PreparationNote.objects.create(
        session=session,
        version=(last.version + 1) if last else 1,
        written_by=actor,
        written_at=clock.now(),
        **meeting.fields(),
    )
    treatment_audit(
        actor=actor,
        action=AuditEntry.Action.COURSE_NOTE_ADDED,
        course=session.course,
        detail=f"session {session.number}: preparation note v{note.version}",
        request=request,
    )
    return note
