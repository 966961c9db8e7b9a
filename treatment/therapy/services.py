"""Writes of the therapy around each dose: therapist and focus, prescribed doses (versions),
goals, intentions, reflections, readiness and integration, each audited."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import date

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest

from patients.models import User
from patients.roles import Role, role_of
from screening.audit.models import AuditEntry
from treatment import clock
from treatment.courses.models import CourseEvent, PrescribedDose, TreatmentCourse, TreatmentSession
from treatment.courses.selectors import latest_prescription
from treatment.courses.services import TreatmentError, session_locked, treatment_audit
from treatment.rules.therapy import (
    FOCUS_LABELS,
    MAX_GOALS,
    Dose,
    Focus,
    MeetingKind,
    Readiness,
    dose_change_error,
    integration_template,
    meeting_day_error,
    note_missing,
)
from treatment.sessions.board import session_board_write
from treatment.therapy.models import (
    IntegrationNote,
    Intention,
    ReadinessAssessment,
    Reflection,
    TherapyMeeting,
)
from treatment.therapy.notes import Meeting, meeting_check
from treatment.therapy.selectors import session_started

Action = AuditEntry.Action


logger = logging.getLogger(__name__)


GOAL_CHARS = 200


INTENTION_CHARS = 2000


REFLECTION_CHARS = 4000


SECTION_CHARS = 4000


def _text(value: str, limit: int, empty: str, field: str) -> str:
    text = value.strip()
    if not text:
        raise TreatmentError(empty, field)
    if len(text) > limit:
        raise TreatmentError(f"Please keep it under {limit} characters.", field)
    return text


def own_therapist(course: TreatmentCourse, actor: User) -> None:
    if course.therapist_id != actor.pk:
        raise TreatmentError("Only the patient's therapist records this.")


_own_therapist = own_therapist


def _session_detail(session: TreatmentSession, what: str) -> str:
    return f"session {session.number}: {what}"


@transaction.atomic
def course_therapy_set(
    *,
    course: TreatmentCourse,
    therapist: User | None,
    focus: Focus,
    focus_detail: str,
    actor: User,
    request: HttpRequest | None = None,
) -> TreatmentCourse:
    """Assign the course's therapist (or none) and set its focus; the history keeps both."""
    course = TreatmentCourse.objects.select_for_update().get(pk=course.pk)
    if course.status == TreatmentCourse.Status.ENDED:
        raise TreatmentError("This course has ended.")
    if therapist is not None and (not therapist.is_active or role_of(therapist) != Role.THERAPIST):
        raise TreatmentError("Choose a therapist of the clinic.", "therapist")
    detail = focus_detail.strip()
    if focus is Focus.OTHER and not detail:
        raise TreatmentError("Say what the focus is.", "focus_detail")
    changes = []
    if course.therapist_id != (therapist.pk if therapist else None):
        changes.append(
            "therapist " + (therapist.get_full_name() or therapist.email if therapist else "none")
        )
    if course.focus != focus.value or course.focus_detail != detail:
        changes.append(f"focus {FOCUS_LABELS[focus].lower()}" + (f" ({detail})" if detail else ""))
    if not changes:
        return course
    course.therapist, course.focus = therapist, focus.value
    course.focus_detail = detail if focus is Focus.OTHER else ""
    course.save(update_fields=["therapist", "focus", "focus_detail"])
    CourseEvent.objects.create(
        course=course,
        action=CourseEvent.Action.THERAPY,
        reason="; ".join(changes),
        actor=actor,
        at=clock.now(),
    )
    treatment_audit(
        actor=actor,
        action=Action.COURSE_THERAPY_SET,
        course=course,
        detail=f"therapist {therapist.pk if therapist else 'none'}, focus {focus.value}",
        request=request,
    )
    return course


@transaction.atomic
def dose_prescribe(
    *,
    session: TreatmentSession,
    dose: Dose,
    reason: str,
    actor: User,
    request: HttpRequest | None = None,
) -> PrescribedDose:
    """A new version of the session's prescribed dose, with the reason; never once started."""
    session = session_locked(session)
    if session.course.status == TreatmentCourse.Status.ENDED:
        raise TreatmentError("This course has ended.")
    current = latest_prescription(session)
    error = dose_change_error(
        current.dose if current else None, dose, reason=reason, started=session_started(session)
    )
    if error:
        field = "reason" if error.startswith("Write") else "dose_mg"
        raise TreatmentError(error, None if error.startswith("This session") else field)
    prescription = PrescribedDose.objects.create(
        session=session,
        version=(current.version + 1) if current else 1,
        dose_mg=dose.mg,
        route=dose.route.value,
        reason=reason.strip(),
        prescribed_by=actor,
        prescribed_at=clock.now(),
    )
    treatment_audit(
        actor=actor,
        action=Action.DOSE_PRESCRIBED,
        course=session.course,
        detail=_session_detail(session, f"v{prescription.version}"),
        request=request,
    )
    return prescription


@transaction.atomic
def goals_write(
    *,
    course: TreatmentCourse,
    goals: Sequence[str],
    actor: User,
    request: HttpRequest | None = None,
) -> TreatmentCourse:
    """The patient's goals for the course, up to three, in their own words."""
    course = TreatmentCourse.objects.select_for_update().get(pk=course.pk)
    if course.status == TreatmentCourse.Status.ENDED:
        raise TreatmentError("Your course of treatment has ended.")
    kept = [goal.strip() for goal in goals if goal.strip()]
    if not kept:
        raise TreatmentError("Write at least one goal.", "goal_1")
    if len(kept) > MAX_GOALS:
        raise TreatmentError(f"Write up to {MAX_GOALS} goals.", "goal_1")
    for index, goal in enumerate(kept, start=1):
        if len(goal) > GOAL_CHARS:
            raise TreatmentError(
                f"Please keep each goal under {GOAL_CHARS} characters.", f"goal_{index}"
            )
    course.goals, course.goals_written_at = kept, clock.now()
    course.save(update_fields=["goals", "goals_written_at"])
    treatment_audit(
        actor=actor,
        action=Action.GOALS_WRITTEN,
        course=course,
        detail=f"{len(kept)} goal(s)",
        request=request,
    )
    return course


@transaction.atomic
def intention_write(
    *, session: TreatmentSession, text: str, actor: User, request: HttpRequest | None = None
) -> Intention:
    """The patient's intention for a session, until the session starts; a new one supersedes."""
    session = session_locked(session)
    if session.course.status != TreatmentCourse.Status.OPEN:
        raise TreatmentError("Your treatment is not active at the moment.")
    if session_started(session):
        raise TreatmentError("This session has started: your intention can no longer change.")
    intention = Intention.objects.create(
        session=session,
        text=_text(text, INTENTION_CHARS, "Write your intention.", "text"),
        written_by=actor,
        written_at=clock.now(),
    )
    treatment_audit(
        actor=actor,
        action=Action.INTENTION_WRITTEN,
        course=session.course,
        detail=_session_detail(session, "intention"),
        request=request,
    )
    return intention


@transaction.atomic
def reflection_write(
    *, session: TreatmentSession, text: str, actor: User, request: HttpRequest | None = None
) -> Reflection:
    """What the patient wants to say after the dose; they may add more than one."""
    session = session_locked(session)
    if not session_started(session):
        raise TreatmentError("You can write about this session after it has started.")
    reflection = Reflection.objects.create(
        session=session,
        text=_text(text, REFLECTION_CHARS, "Write your reflection.", "text"),
        written_by=actor,
        written_at=clock.now(),
    )
    treatment_audit(
        actor=actor,
        action=Action.REFLECTION_WRITTEN,
        course=session.course,
        detail=_session_detail(session, "reflection"),
        request=request,
    )
    return reflection


@transaction.atomic
def readiness_record(
    *,
    session: TreatmentSession,
    readiness: Readiness,
    reason: str,
    actor: User,
    request: HttpRequest | None = None,
) -> ReadinessAssessment:
    """The therapist's readiness for the dose. "Not ready" (with its reason) holds the dose
    through the same gate as a check-in hold, until the therapist finds the patient ready
    or a clinician overrides it."""
    session = session_locked(session)
    _own_therapist(session.course, actor)
    if session.course.status != TreatmentCourse.Status.OPEN:
        raise TreatmentError("This course is not open.")
    if session_started(session):
        raise TreatmentError("This session has started: readiness is recorded before the dose.")
    if readiness is Readiness.NOT_READY and not reason.strip():
        raise TreatmentError("Write why the patient is not ready.", "reason")
    assessment = ReadinessAssessment.objects.create(
        session=session,
        readiness=readiness.value,
        reason=reason.strip(),
        assessed_by=actor,
        assessed_at=clock.now(),
    )
    session_board_write(session)
    if assessment.holds:
        logger.info("readiness hold on session %s", session.pk)
    treatment_audit(
        actor=actor,
        action=Action.READINESS_RECORDED,
        course=session.course,
        detail=_session_detail(session, readiness.value),
        request=request,
    )
    return assessment


@transaction.atomic
def integration_record(
    *,
    session: TreatmentSession,
    sections: Mapping[str, str],
    actor: User,
    request: HttpRequest | None = None,
    meeting: Meeting | None = None,
) -> IntegrationNote:
    """The session note after the dose: when and how the meeting was held, what was
    discussed, and the sections of the template of the course's focus. With the meeting's
    details each section is optional (empty: not discussed); without them (a note of the
    older kind) every section is filled. A correction is a new version."""
    session = session_locked(session)
    _own_therapist(session.course, actor)
    if not session_started(session):
        raise TreatmentError("Integration follows the dose: this session has not started.")
    template = integration_template(session.course.focus)
    kept = {s.key: (sections.get(s.key) or "").strip() for s in template.sections}
    missing = note_missing(template, kept)
    if meeting is not None:
        meeting_check(meeting)
        if not meeting.discussed.strip() and len(missing) == len(template.sections):
            raise TreatmentError("Write what was discussed, or at least one part.", "discussed")
    elif missing:
        first = next(s.key for s in template.sections if not kept[s.key])
        raise TreatmentError("Fill in every part of the note: " + ", ".join(missing) + ".", first)
    for key, text in kept.items():
        if len(text) > SECTION_CHARS:
            raise TreatmentError(f"Please keep each part under {SECTION_CHARS} characters.", key)
    last = session.integration_notes.first()
    note = IntegrationNote.objects.create(
        session=session,
        version=(last.version + 1) if last else 1,
        focus=template.focus.value,
        sections=kept,
        written_by=actor,
        written_at=clock.now(),
        **(meeting.fields() if meeting else {}),
    )
    treatment_audit(
        actor=actor,
        action=Action.INTEGRATION_RECORDED,
        course=session.course,
        detail=_session_detail(session, f"integration v{note.version}"),
        request=request,
    )
    return note


WINDOW_DAYS = {
    MeetingKind.PREPARATION: "PREPARATION_WINDOW_DAYS",
    MeetingKind.INTEGRATION: "INTEGRATION_WINDOW_DAYS",
}


@transaction.atomic
def meeting_move(
    *,
    session: TreatmentSession,
    kind: MeetingKind,
    day: date,
    actor: User,
    request: HttpRequest | None = None,
) -> TherapyMeeting:
    """Move a preparation or integration meeting to another day within its window."""
    session = session_locked(session)
    _own_therapist(session.course, actor)
    if session.course.status == TreatmentCourse.Status.ENDED:
        raise TreatmentError("This course has ended.")
    days = getattr(settings, WINDOW_DAYS[kind])
    error = meeting_day_error(kind, day, session.scheduled_for, clock.today(), days)
    if error:
        raise TreatmentError(error, f"{kind.value}_day")
    meeting, _ = TherapyMeeting.objects.get_or_create(
        session=session,
        kind=kind.value,
        defaults={"scheduled_for": day, "created_at": clock.now()},
    )
    if meeting.scheduled_for != day:
        meeting.scheduled_for = day
        meeting.save(update_fields=["scheduled_for"])
    treatment_audit(
        actor=actor,
        action=Action.MEETING_MOVED,
        course=session.course,
        detail=_session_detail(session, f"{kind.value} on {day.isoformat()}"),
        request=request,
    )
    return meeting
