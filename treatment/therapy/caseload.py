"""The therapist's pages: the caseload, a course, the intake read-only, a session's
preparation, readiness and integration."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from patients.selectors import answers_summary, user_of
from screening.audit.models import AuditEntry
from screening.audit.services import audit_record
from screening.review.selectors import fired_in_words
from treatment import clock
from treatment.checks.selectors import STATE_LABELS, latest_check
from treatment.clinic.selectors import current_record, session_state
from treatment.courses.models import TreatmentSession
from treatment.courses.selectors import check_timeline, measure_trend
from treatment.courses.services import TreatmentError, treatment_audit
from treatment.home.selectors import home_status
from treatment.pages import form_error
from treatment.rules.therapy import MeetingKind, Readiness
from treatment.therapy.attention import course_attention
from treatment.therapy.forms import IntegrationForm, MeetingDayForm, MeetingNoteForm, ReadinessForm
from treatment.therapy.notes import preparation_record
from treatment.therapy.selectors import (
    course_of_therapist,
    focus_words,
    session_of_therapist,
    session_therapy,
    therapist_courses,
    therapy_rows,
    upcoming,
)
from treatment.therapy.services import integration_record, meeting_move, readiness_record

Action = AuditEntry.Action


@require_safe
def caseload(request: HttpRequest) -> HttpResponse:
    """The therapist's patients, with what comes next for each."""
    today = clock.today()
    rows: list[dict[str, Any]] = []
    for course in therapist_courses(user_of(request)):
        coming = upcoming(course, today)
        sessions = list(course.sessions.all())
        rows.append(
            {
                "course": course,
                "focus": focus_words(course),
                "upcoming": coming,
                "sessions": len(sessions),
                "done": sum(1 for s in sessions if getattr(s, "started", False)),
                "attention": course_attention(course, today),
            }
        )
    treatment_audit(
        actor=request.user,
        action=Action.CASELOAD_VIEWED,
        course=None,
        detail=f"{len(rows)} patients",
        request=request,
    )
    attention = [(row["course"], item) for row in rows for item in row["attention"]]
    attention.sort(key=lambda pair: not pair[1].urgent)
    return render(
        request,
        "therapy/caseload.html",
        {"rows": rows, "today": today, "attention": attention},
    )


@require_safe
def course(request: HttpRequest, course_id: str) -> HttpResponse:
    """One of the therapist's courses: sessions with check-in outcomes, the trend, notes."""
    course = course_of_therapist(user_of(request), course_id)
    today = clock.today()
    rows = []
    for row in therapy_rows(course, today):
        if row.session.in_clinic:
            check, record = latest_check(row.session), current_record(row.session)
            state = session_state(check, record, None, row.readiness)
        else:
            state = home_status(row.session, clock.now()).state
        rows.append({"row": row, "state": STATE_LABELS[state]})
    treatment_audit(
        actor=request.user,
        action=Action.COURSE_VIEWED,
        course=course,
        detail="therapist's course page",
        request=request,
    )
    return render(
        request,
        "therapy/course.html",
        {
            "course": course,
            "focus": focus_words(course),
            "rows": rows,
            "checks": check_timeline(course),
            "trend": measure_trend(course),
            "events": course.events.select_related("actor"),
            "upcoming": upcoming(course, today),
        },
    )


@require_safe
def intake(request: HttpRequest, course_id: str) -> HttpResponse:
    """The screening summary (route, fired rules in plain words) and the intake answers,
    read-only."""
    course = course_of_therapist(user_of(request), course_id)
    case = course.case
    audit_record(
        actor=request.user,
        action=Action.CASE_VIEWED,
        case=case,
        detail=f"course {course.public_id}: therapist's intake summary",
        request=request,
    )
    context: dict[str, Any] = {"course": course, "case": case}
    if case is not None:
        submission = case.submission
        context |= {
            "submission": submission,
            "screening": submission.screening,
            "fired": fired_in_words(submission.screening),
            "sections": answers_summary(submission.answers),
        }
    return render(request, "therapy/intake.html", context)


def _session_context(session: TreatmentSession, **forms: Any) -> dict[str, Any]:
    today = clock.today()
    therapy = session_therapy(session, today, with_intention=True)
    status = home_status(session, clock.now()) if not session.in_clinic else None
    return {
        "session": session,
        "course": session.course,
        "focus": focus_words(session.course),
        "therapy": therapy,
        "home": status,
        "today": today,
        "readiness_form": forms.get("readiness_form") or ReadinessForm(),
        "integration_form": forms.get("integration_form")
        or IntegrationForm(
            template=therapy.template,
            initial={
                "held_on": therapy.integration.day,
                **(therapy.note.sections if therapy.note else {}),
            },
        ),
        "preparation_note_form": forms.get("preparation_note_form")
        or MeetingNoteForm(prefix="preparation_note", initial={"held_on": therapy.preparation.day}),
        "preparation_form": forms.get("preparation_form")
        or MeetingDayForm(
            prefix="preparation",
            initial={"day": therapy.preparation.day},
        ),
        "integration_day_form": forms.get("integration_day_form")
        or MeetingDayForm(prefix="integration", initial={"day": therapy.integration.day}),
    }


def _render_session(
    request: HttpRequest, session: TreatmentSession, status: int = 200, **forms: Any
) -> HttpResponse:
    return render(
        request, "therapy/session.html", _session_context(session, **forms), status=status
    )


def _back(session: TreatmentSession) -> HttpResponse:
    return redirect("therapy_session", session_id=session.public_id)


@require_safe
def session(request: HttpRequest, session_id: str) -> HttpResponse:
    session = session_of_therapist(user_of(request), session_id)
    treatment_audit(
        actor=request.user,
        action=Action.SESSION_VIEWED,
        course=session.course,
        detail=f"session {session.number}, therapist's page",
        request=request,
    )
    return _render_session(request, session)


@require_POST
def readiness(request: HttpRequest, session_id: str) -> HttpResponse:
    session = session_of_therapist(user_of(request), session_id)
    form = ReadinessForm(request.POST)
    if form.is_valid():
        try:
            assessment = readiness_record(
                session=session,
                readiness=Readiness(form.cleaned_data["readiness"]),
                reason=form.cleaned_data["reason"],
                actor=user_of(request),
                request=request,
            )
        except TreatmentError as error:
            form_error(request, form, error)
        else:
            if assessment.holds:
                messages.warning(
                    request,
                    "Not ready: the dose is held until you record ready or a "
                    "clinician overrides the hold.",
                )
            else:
                messages.success(request, "Ready: recorded.")
            return _back(session)
    return _render_session(request, session, 400, readiness_form=form)


@require_POST
def integration(request: HttpRequest, session_id: str) -> HttpResponse:
    session = session_of_therapist(user_of(request), session_id)
    therapy = session_therapy(session, clock.today())
    form = IntegrationForm(request.POST, template=therapy.template)
    if form.is_valid():
        try:
            note = integration_record(
                session=session,
                sections=form.sections(),
                actor=user_of(request),
                request=request,
                meeting=form.meeting(),
            )
        except TreatmentError as error:
            form_error(request, form, error)
        else:
            messages.success(request, f"Integration note saved (version {note.version}).")
            return _back(session)
    return _render_session(request, session, 400, integration_form=form)


@require_POST
def preparation(request: HttpRequest, session_id: str) -> HttpResponse:
    """The session note of the preparation meeting."""
    session = session_of_therapist(user_of(request), session_id)
    form = MeetingNoteForm(request.POST, prefix="preparation_note")
    if form.is_valid():
        try:
            note = preparation_record(
                session=session, meeting=form.meeting(), actor=user_of(request), request=request
            )
        except TreatmentError as error:
            form_error(request, form, error)
        else:
            messages.success(request, f"Preparation note saved (version {note.version}).")
            return _back(session)
    return _render_session(request, session, 400, preparation_note_form=form)


@require_POST
def meeting_day(request: HttpRequest, session_id: str) -> HttpResponse:
    """Move the preparation or the integration to another day within its window."""
    session = session_of_therapist(user_of(request), session_id)
    try:
        kind = MeetingKind(request.POST.get("kind", ""))
    except ValueError:
        messages.error(request, "Choose the preparation or the integration.")
        return _back(session)
    form = MeetingDayForm(request.POST, prefix=kind.value)
    name = "preparation_form" if kind is MeetingKind.PREPARATION else "integration_day_form"
    if form.is_valid():
        try:
            meeting_move(
                session=session,
                kind=kind,
                day=form.cleaned_data["day"],
                actor=user_of(request),
                request=request,
            )
        except TreatmentError as error:
            form.add_error("day", str(error))
        else:
            messages.success(
                request, f"The {kind.value} is now on {form.cleaned_data['day']:%A %d %B}."
            )
            return _back(session)
    return _render_session(request, session, 400, **{name: form})
