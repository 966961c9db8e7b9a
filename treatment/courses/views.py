"""The clinicians' course page and its writes, and the patient's "My treatment" page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from patients.selectors import patient_of, user_of
from screening.audit.models import AuditEntry
from treatment import clock
from treatment.checks.selectors import STATE_LABELS
from treatment.clinic.selectors import session_state
from treatment.courses.forms import CourseStatusForm, NoteForm, ScheduleForm
from treatment.courses.models import TreatmentCourse
from treatment.courses.selectors import (
    check_timeline,
    course_by_public_id,
    measure_trend,
    measures_due_for,
    patient_course,
    safety_check_due,
    safety_checks,
    side_effects_of,
    vitals_series,
)
from treatment.courses.services import (
    TreatmentError,
    course_note_add,
    course_status_change,
    default_schedule,
    sessions_schedule,
)
from treatment.courses.setup import setup_steps
from treatment.followup.forms import SafetyCheckForm
from treatment.followup.models import SAFETY_QUESTIONS, SafetyCheck
from treatment.followup.services import safety_check_record
from treatment.home.selectors import home_status
from treatment.home.views import CRISIS_FLAG
from treatment.pages import _audit, form_error
from treatment.progress.selectors import patient_progress
from treatment.rules import PLAIN_OUTCOME
from treatment.rules.therapy import Dose, Route
from treatment.therapy.forms import CourseTherapyForm
from treatment.therapy.selectors import focus_words, therapy_rows, upcoming

Action = AuditEntry.Action


def _course_context(
    course: TreatmentCourse,
    schedule_form: ScheduleForm | None = None,
    status_form: CourseStatusForm | None = None,
    safety_form: SafetyCheckForm | None = None,
    note_form: NoteForm | None = None,
    therapy_form: CourseTherapyForm | None = None,
) -> dict[str, Any]:
    today_ = clock.today()
    sessions = list(course.sessions.prefetch_related("checks", "records"))
    therapy = {row.session.pk: row for row in therapy_rows(course, today_)}
    rows = []
    for session in sessions:
        checks = list(session.checks.all())
        versions = sorted(session.records.all(), key=lambda r: -r.version)
        check = checks[0] if checks else None
        record = versions[0] if versions else None
        state = session_state(check, record, None, therapy[session.pk].readiness)
        if not session.in_clinic:
            state = home_status(session, clock.now()).state
        rows.append(
            {
                "session": session,
                "state": STATE_LABELS[state],
                "record": record,
                "therapy": therapy[session.pk],
            }
        )
    last = sessions[-1].scheduled_for if sessions else None
    start = max(today_, last) if last else today_
    offered = default_schedule(start, setting=course.setting) if not sessions else []
    latest = therapy[sessions[-1].pk].prescription if sessions else None
    dose = Dose(latest.dose_mg, Route(latest.route)) if latest else None
    kept: list[SafetyCheck] = list(safety_checks(course))
    trend = measure_trend(course)
    labels = dict(SAFETY_QUESTIONS)
    return {
        "course": course,
        "rows": rows,
        "setup": setup_steps(
            course,
            sessions=len(rows),
            prescribed=all(therapy[session.pk].prescription for session in sessions),
        ),
        "latest_concerns": [labels[c] for c in kept[0].concerns] if kept else [],
        "events": course.events.select_related("actor"),
        "tasks": course.tasks.select_related("owner", "done_by"),
        "safety_checks": kept,
        "safety_due": safety_check_due(course, today_),
        "schedule_form": schedule_form
        or ScheduleForm(default_setting=course.setting, offered=offered, dose=dose),
        "status_form": status_form or CourseStatusForm(status=course.status),
        "safety_form": safety_form or SafetyCheckForm(),
        "checks": check_timeline(course),
        "vitals": vitals_series(course),
        "trend": trend,
        "trend_chart": [
            {"label": row.label, "phq9": row.scores.phq9, "gad7": row.scores.gad7} for row in trend
        ],
        "side_effects": side_effects_of(course),
        "notes": course.notes.select_related("author"),
        "note_form": note_form or NoteForm(),
        "focus": focus_words(course),
        "therapy_form": therapy_form
        or CourseTherapyForm(
            initial={
                "therapist": course.therapist_id,
                "focus": course.focus,
                "focus_detail": course.focus_detail,
            }
        ),
    }


def render_course_page(
    request: HttpRequest, course: TreatmentCourse, status: int = 200, **forms: Any
) -> HttpResponse:
    return render(request, "treatment/course.html", _course_context(course, **forms), status=status)


def course_detail(request: HttpRequest, course_id: str) -> HttpResponse:
    course = course_by_public_id(course_id)
    _audit(request, Action.COURSE_VIEWED, course, "course page")
    return render(request, "treatment/course.html", _course_context(course))


@require_POST
def course_schedule(request: HttpRequest, course_id: str) -> HttpResponse:
    course = course_by_public_id(course_id)
    form = ScheduleForm(request.POST, default_setting=course.setting, offered=[])
    if form.is_valid():
        try:
            sessions = sessions_schedule(
                course=course,
                rows=form.rows(),
                dose=form.dose(),
                actor=user_of(request),
                request=request,
            )
        except TreatmentError as error:
            form_error(request, form, error)
        else:
            messages.success(request, f"{len(sessions)} session(s) scheduled.")
            return redirect("treatment_course", course_id=course.public_id)
    return render(
        request, "treatment/course.html", _course_context(course, schedule_form=form), status=400
    )


@require_POST
def course_status(request: HttpRequest, course_id: str) -> HttpResponse:
    course = course_by_public_id(course_id)
    form = CourseStatusForm(request.POST, status=course.status)
    if form.is_valid():
        try:
            course = course_status_change(
                course=course,
                action=form.cleaned_data["action"],
                reason=form.cleaned_data["reason"],
                actor=user_of(request),
                request=request,
            )
        except TreatmentError as error:
            form_error(request, form, error)
        else:
            messages.success(request, f"The course is now {course.get_status_display().lower()}.")
            return redirect("treatment_course", course_id=course.public_id)
    return render(
        request, "treatment/course.html", _course_context(course, status_form=form), status=400
    )


@require_POST
def course_safety_check(request: HttpRequest, course_id: str) -> HttpResponse:
    course = course_by_public_id(course_id)
    form = SafetyCheckForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "treatment/course.html",
            _course_context(course, safety_form=form),
            status=400,
        )
    check = safety_check_record(
        course=course,
        answers=form.answers(),
        actor=user_of(request),
        request=request,
    )
    if check.concerns:
        messages.warning(request, "Safety check recorded: a concern was raised as a task.")
    else:
        messages.success(request, "Safety check recorded: no concern.")
    return redirect("treatment_course", course_id=course.public_id)


@require_POST
def course_note(request: HttpRequest, course_id: str) -> HttpResponse:
    course = course_by_public_id(course_id)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            course_note_add(
                course=course,
                text=form.cleaned_data["text"],
                actor=user_of(request),
                request=request,
            )
        except TreatmentError as error:
            form_error(request, form, error)
        else:
            messages.success(request, "Note added.")
            return redirect("treatment_course", course_id=course.public_id)
    return render(
        request, "treatment/course.html", _course_context(course, note_form=form), status=400
    )


def my_treatment(request: HttpRequest) -> HttpResponse:
    patient = patient_of(request.user)
    course = patient_course(patient)
    form = None
    if course is not None and request.method == "POST":
        if not safety_check_due(course, clock.today()):
            messages.info(request, "Your safety questions are not due yet: thank you.")
            return redirect("my_treatment")
        form = SafetyCheckForm(request.POST)
        if form.is_valid():
            safety_check_record(
                course=course,
                answers=form.answers(),
                actor=user_of(request),
                request=request,
            )
            messages.success(request, "Thank you. Your answers have been sent to your clinic.")
            return redirect("my_treatment")
    now = clock.now()
    sessions = list(course.sessions.all()) if course else []
    homes = {s.pk: home_status(s, now) for s in sessions if not s.in_clinic}
    _audit(request, Action.TREATMENT_VIEWED, course, "own treatment page")
    rows = [{"session": s, "home": homes.get(s.pk)} for s in sessions]
    active = course is not None and course.status == TreatmentCourse.Status.OPEN
    return render(
        request,
        "treatment/mine.html",
        {
            "course": course,
            "rows": rows,
            # The at-home session to act on now: its check-in window is open, or it is under way.
            "current": next(
                (
                    home
                    for home in homes.values()
                    if active and (home.window_open or home.state == "dosing")
                ),
                None,
            ),
            "today": clock.today(),
            "measures_due": measures_due_for(course, clock.today()) if course else [],
            "crisis": request.session.pop(CRISIS_FLAG, False),
            "safety_due": course is not None and safety_check_due(course, clock.today()),
            "safety_form": form or SafetyCheckForm(),
            "plain_outcome": PLAIN_OUTCOME,
            "last_event": course.events.first() if course else None,
            "clinic_phone": settings.CLINIC_PHONE,
            "upcoming": upcoming(course, clock.today()) if course else [],
            "focus": focus_words(course) if course else None,
            "progress": patient_progress(course) if course else None,
        },
        status=400 if form is not None else 200,
    )
