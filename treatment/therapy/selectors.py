"""Reads of the therapy: a therapist's own courses and sessions, each session's preparation
and integration, and what comes next for the patient."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.http import Http404

from patients.models import User
from treatment.clinic.models import MonitoringRecord
from treatment.courses.models import PrescribedDose, TreatmentCourse, TreatmentSession
from treatment.courses.selectors import STARTED
from treatment.home.models import HomeDose
from treatment.rules.therapy import (
    FOCUS_LABELS,
    PLAIN_FOCUS,
    Focus,
    IntegrationTemplate,
    MeetingKind,
    Window,
    integration_missed,
    integration_template,
    meeting_window,
)
from treatment.therapy.models import (
    IntegrationNote,
    Intention,
    PreparationNote,
    ReadinessAssessment,
    Reflection,
    TherapyMeeting,
)

DOSE_GIVEN = STARTED  # annotates a session: its dose was given


def session_started(session: TreatmentSession) -> bool:
    """The dose was given: at home the patient started it, in the clinic it was recorded."""
    return (
        HomeDose.objects.filter(session=session).exists()
        or MonitoringRecord.objects.filter(session=session, dosed_at__isnull=False).exists()
    )


def window_days(kind: MeetingKind) -> int:
    if kind is MeetingKind.PREPARATION:
        return int(settings.PREPARATION_WINDOW_DAYS)
    return int(settings.INTEGRATION_WINDOW_DAYS)


def focus_words(course: TreatmentCourse) -> dict[str, str]:
    """The course's focus for clinicians and, in plain words, for the patient."""
    if not course.focus:
        return {"label": "", "plain": ""}
    focus = Focus(course.focus)
    label = FOCUS_LABELS[focus] + (f": {course.focus_detail}" if course.focus_detail else "")
    plain = course.focus_detail if focus is Focus.OTHER and course.focus_detail else ""
    return {"label": label, "plain": plain or PLAIN_FOCUS[focus]}


def therapist_courses(therapist: User) -> QuerySet[TreatmentCourse]:
    """The courses assigned to this therapist, open and paused first."""
    return (
        TreatmentCourse.objects.filter(therapist=therapist)
        .select_related("patient")
        .prefetch_related(
            Prefetch(
                "sessions",
                queryset=TreatmentSession.objects.annotate(started=DOSE_GIVEN).prefetch_related(
                    "meetings", "integration_notes", "readiness"
                ),
            )
        )
        .order_by("status", "patient__family_name", "pk")
    )


def course_of_therapist(therapist: User, course_id: Any) -> TreatmentCourse:
    """One of this therapist's courses, or 404: another therapist's patient does not exist."""
    course = (
        TreatmentCourse.objects.select_related("patient__user", "case__submission", "therapist")
        .filter(public_id=course_id, therapist=therapist)
        .first()
    )
    if course is None:
        raise Http404("No such course")
    return course


def session_of_therapist(therapist: User, session_id: Any) -> TreatmentSession:
    session = (
        TreatmentSession.objects.select_related(
            "course__patient__user", "course__case__submission", "course__therapist"
        )
        .filter(public_id=session_id, course__therapist=therapist)
        .first()
    )
    if session is None:
        raise Http404("No such session")
    return session


@dataclass
class MeetingStatus:
    kind: MeetingKind
    meeting: TherapyMeeting | None
    window: Window

    @property
    def day(self) -> date | None:
        return self.meeting.scheduled_for if self.meeting else None


@dataclass
class SessionTherapy:
    """A session's preparation (intention, readiness) and integration (note, reflections)."""

    session: TreatmentSession
    started: bool
    preparation: MeetingStatus
    integration: MeetingStatus
    template: IntegrationTemplate
    readiness: list[ReadinessAssessment]
    notes: list[IntegrationNote]
    reflections: list[Reflection]
    intention: Intention | None = None  # only for the patient and their therapist
    missed: bool = False
    prescriptions: list[PrescribedDose] = field(default_factory=list)
    preparation_notes: list[PreparationNote] = field(default_factory=list)

    @property
    def preparation_note(self) -> PreparationNote | None:
        return self.preparation_notes[0] if self.preparation_notes else None

    @property
    def latest_readiness(self) -> ReadinessAssessment | None:
        return self.readiness[0] if self.readiness else None

    @property
    def note(self) -> IntegrationNote | None:
        return self.notes[0] if self.notes else None

    @property
    def note_sections(self) -> list[tuple[str, str]]:
        """The latest note's parts under the labels of the template it was written with."""
        if self.note is None:
            return []
        template = integration_template(self.note.focus)
        return [
            (s.label, self.note.sections.get(s.key, "") or "not discussed")
            for s in template.sections
        ]

    @property
    def prescription(self) -> PrescribedDose | None:
        return self.prescriptions[0] if self.prescriptions else None


def session_therapy(
    session: TreatmentSession, today: date, *, with_intention: bool = False
) -> SessionTherapy:
    """Everything of a session's therapy; the intention only when asked (the patient's own
    pages and their therapist's: clinicians never read it)."""
    meetings = {m.kind: m for m in session.meetings.all()}
    started = session_started(session)
    notes = list(session.integration_notes.select_related("written_by"))
    statuses = {
        kind: MeetingStatus(
            kind,
            meetings.get(kind.value),
            meeting_window(kind, session.scheduled_for, window_days(kind)),
        )
        for kind in MeetingKind
    }
    return SessionTherapy(
        session=session,
        started=started,
        preparation=statuses[MeetingKind.PREPARATION],
        integration=statuses[MeetingKind.INTEGRATION],
        template=integration_template(session.course.focus),
        readiness=list(session.readiness.select_related("assessed_by", "overridden_by")),
        notes=notes,
        reflections=list(session.reflections.all()),
        intention=session.intentions.first() if with_intention else None,
        missed=MeetingKind.INTEGRATION.value in meetings
        and integration_missed(
            dose_given=started,
            noted=bool(notes),
            dose_day=session.scheduled_for,
            today=today,
            days=window_days(MeetingKind.INTEGRATION),
        ),
        prescriptions=list(session.prescriptions.select_related("prescribed_by")),
        preparation_notes=list(session.preparation_notes.select_related("written_by")),
    )


@dataclass
class SessionRow:
    """One row of a course's sessions for the therapy columns: loaded in a few queries."""

    session: TreatmentSession
    started: bool
    readiness: ReadinessAssessment | None
    note: IntegrationNote | None
    prescription: PrescribedDose | None
    meetings: dict[str, TherapyMeeting]
    missed: bool
    prepared: bool = False  # a preparation note is written


def therapy_rows(course: TreatmentCourse, today: date) -> list[SessionRow]:
    sessions = (
        course.sessions.annotate(started=DOSE_GIVEN)
        .prefetch_related(
            "readiness", "integration_notes", "prescriptions", "meetings", "preparation_notes"
        )
        .order_by("scheduled_for", "number")
    )
    rows = []
    for session in sessions:
        readiness = list(session.readiness.all())
        notes = list(session.integration_notes.all())
        prescriptions = list(session.prescriptions.all())
        meetings = {m.kind: m for m in session.meetings.all()}
        rows.append(
            SessionRow(
                session=session,
                started=bool(session.started),
                readiness=readiness[0] if readiness else None,
                note=notes[0] if notes else None,
                prescription=prescriptions[0] if prescriptions else None,
                meetings=meetings,
                missed=MeetingKind.INTEGRATION.value in meetings
                and integration_missed(
                    dose_given=bool(session.started),
                    noted=bool(notes),
                    dose_day=session.scheduled_for,
                    today=today,
                    days=window_days(MeetingKind.INTEGRATION),
                ),
                prepared=bool(list(session.preparation_notes.all())),
            )
        )
    return rows


@dataclass
class Upcoming:
    kind: str  # "preparation", "session", "integration"
    day: date
    session: TreatmentSession


def upcoming(course: TreatmentCourse, today: date) -> list[Upcoming]:
    """The next preparation, dosing session and integration still to come, by date."""
    if course.status != TreatmentCourse.Status.OPEN:
        return []
    items = []
    session = (
        course.sessions.annotate(started=DOSE_GIVEN)
        .filter(scheduled_for__gte=today, started=False)
        .order_by("scheduled_for", "number")
        .first()
    )
    if session is not None:
        items.append(Upcoming("session", session.scheduled_for, session))
    meetings = TherapyMeeting.objects.filter(
        session__course=course, scheduled_for__gte=today
    ).select_related("session")
    preparation = (
        meetings.filter(kind=MeetingKind.PREPARATION.value)
        .exclude(Exists(ReadinessAssessment.objects.filter(session=OuterRef("session"))))
        .exclude(Exists(HomeDose.objects.filter(session=OuterRef("session"))))
        .exclude(
            Exists(
                MonitoringRecord.objects.filter(session=OuterRef("session"), dosed_at__isnull=False)
            )
        )
        .first()
    )
    integration = (
        meetings.filter(kind=MeetingKind.INTEGRATION.value)
        .exclude(Exists(IntegrationNote.objects.filter(session=OuterRef("session"))))
        .first()
    )
    for kind, meeting in (("preparation", preparation), ("integration", integration)):
        if meeting is not None:
            items.append(Upcoming(kind, meeting.scheduled_for, meeting.session))
    order = {"preparation": 0, "session": 1, "integration": 2}
    return sorted(items, key=lambda item: (item.day, order[item.kind]))
