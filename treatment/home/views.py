"""The patient's pages of the at-home loop: check-in, the session, questionnaires.

A patient reaches only their own at-home sessions: anything else is a 404. Every page that
shows or takes health data is audited."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from patients.selectors import patient_of, user_of
from screening.audit.models import AuditEntry
from treatment import clock
from treatment.checks.models import PreDoseCheck
from treatment.courses.forms import now_hhmm, on_day
from treatment.courses.models import TreatmentCourse, TreatmentSession
from treatment.courses.selectors import (
    contacts_of,
    latest_prescription,
    measures_due_for,
    patient_course,
    pregnancy_relevant,
)
from treatment.courses.services import TreatmentError, treatment_audit
from treatment.followup.services import task_deadline
from treatment.home.dose_forms import ReadingForm, SideEffectsForm, StartForm
from treatment.home.forms import CheckInForm, MeasuresForm
from treatment.home.measures import due_measure_for, measures_record
from treatment.home.models import AfterDoseReading
from treatment.home.selectors import HomeStatus, home_status, last_side_effects
from treatment.home.services import (
    check_in_record,
    home_dose_start,
    reading_record,
    side_effects_report,
    spoken,
)
from treatment.rules import (
    AFTERCARE,
    PLAIN_OVERSEDATION,
    PLAIN_SIDE_EFFECTS,
    URGENT_SIDE_EFFECTS,
    HomeReading,
    Level,
    Outcome,
    Setting,
    SideEffect,
    Slot,
    after_dose_reading,
    plain_headline,
)
from treatment.rules.therapy import PLAIN_ROUTE, Route
from treatment.rules.waivers import SUICIDE_CALL_CODES
from treatment.therapy.selectors import focus_words

Action = AuditEntry.Action


CRISIS_FLAG = "treatment_crisis_resources"


SLOT_LABELS = {
    Slot.FIRST.value: "About 40 minutes",
    Slot.REPEAT.value: "Read again",
    Slot.LAST.value: "About 2 hours",
}


def my_session_of(request: HttpRequest, session_id: str) -> TreatmentSession:
    """One of the signed-in patient's own at-home sessions, or 404."""
    patient = patient_of(request.user)
    session = (
        TreatmentSession.objects.select_related("course__patient", "course__case__submission")
        .filter(public_id=session_id, course__patient=patient, setting=Setting.AT_HOME.value)
        .first()
    )
    if session is None:
        raise Http404("No such session")
    return session


def contact_by(check: PreDoseCheck) -> str:
    """When the clinic will have looked at a held check-in, in the clinic's opening hours."""
    return spoken(task_deadline(check.checked_at))


def _reading_words(status: HomeStatus) -> list[tuple[AfterDoseReading, str]]:
    """Each urgent reading with what to do now, in the patient's words."""
    return [
        (
            reading,
            after_dose_reading(
                Slot(reading.slot),
                HomeReading(
                    reading.systolic,
                    reading.diastolic,
                    reading.heart_rate,
                    reading.wakes_easily or None,
                    reading.breathing_normal or None,
                ),
                status.limits,
            ).plain,
        )
        for reading in status.readings
        if reading.urgent
    ]


def _session_context(session: TreatmentSession, **forms: Any) -> dict[str, Any]:
    now = clock.now()
    status = home_status(session, now)
    check = status.check
    reasons = check.result.get("reasons", []) if check else []
    slot = status.next_slot
    reported = last_side_effects(session)
    # The dose of the session is shown only once the check-in says go (or after the dose).
    prescription = latest_prescription(session)
    shown = prescription if status.gate.may_dose or status.dose is not None else None
    return {
        "focus": focus_words(session.course),
        "prescription": shown,
        "plain_route": PLAIN_ROUTE[Route(shown.route)] if shown else "",
        "session": session,
        "course": session.course,
        "status": status,
        "check": check,
        "plain_outcome": plain_headline(check.outcome, check.codes, check.setting) if check else "",
        # Plain words only, the strongest first, each once.
        "plain_reasons": list(dict.fromkeys(r["plain"] for r in reasons)),
        "contact_by": contact_by(check) if check else "",
        "crisis": check is not None
        and check.outcome == Outcome.CALL
        and bool(SUICIDE_CALL_CODES & set(check.codes)),
        "urgent_readings": _reading_words(status),
        "aftercare": AFTERCARE,
        "start_form": forms.get("start_form") or StartForm(initial={"time": now_hhmm()}),
        "reading_form": forms.get("reading_form")
        or (ReadingForm(initial={"slot": slot.slot.value}) if slot else None),
        "side_effects_form": forms.get("side_effects_form")
        or SideEffectsForm(
            reported={e: (row.severity, row.description) for e, row in reported.items()}
        ),
        "side_effects": list(reported.values()),
        "slot_words": SLOT_LABELS,
        "now": now,
        "clinic_phone": settings.CLINIC_PHONE,
        "valid_hours": round(settings.HOME_CHECK_IN_VALID_MINUTES / 60, 1),
    }


def _render_session(
    request: HttpRequest, session: TreatmentSession, status: int = 200, **forms: Any
) -> HttpResponse:
    return render(
        request, "treatment/my_session.html", _session_context(session, **forms), status=status
    )


def _back(session: TreatmentSession) -> HttpResponse:
    return redirect("my_session", session_id=session.public_id)


def my_session(request: HttpRequest, session_id: str) -> HttpResponse:
    session = my_session_of(request, session_id)
    treatment_audit(
        actor=request.user,
        action=Action.TREATMENT_VIEWED,
        course=session.course,
        detail=f"own session {session.number}",
        request=request,
    )
    return _render_session(request, session)


def my_check_in(request: HttpRequest, session_id: str) -> HttpResponse:
    session = my_session_of(request, session_id)
    relevant = pregnancy_relevant(session.course)
    status = home_status(session, clock.now())
    if not status.can_check_in:
        opens, _ = status.window
        if status.check is None and status.course_open and clock.now() < opens:
            messages.info(request, f"Your check-in opens on {spoken(opens)}.")
        return _back(session)
    posted = request.POST if request.method == "POST" else None
    contacts = contacts_of(session.course)
    form = CheckInForm(
        posted,
        pregnancy_relevant=relevant,
        support_name=contacts.support_name,
        address=contacts.address,
        measures_due=due_measure_for(session),
    )
    if request.method == "POST":
        if form.is_valid():
            try:
                check = check_in_record(
                    session=session,
                    answers=form.answers(),
                    raw=form.raw(),
                    actor=user_of(request),
                    measures=form.measures(),
                    request=request,
                )
            except TreatmentError as error:
                messages.error(request, str(error))
            else:
                if check.outcome == Outcome.CALL:
                    request.session[CRISIS_FLAG] = True
                return _back(session)
        return render(
            request, "treatment/check_in.html", {"session": session, "form": form}, status=400
        )
    return render(request, "treatment/check_in.html", {"session": session, "form": form})


@require_POST
def my_session_start(request: HttpRequest, session_id: str) -> HttpResponse:
    session = my_session_of(request, session_id)
    form = StartForm(request.POST)
    if not form.is_valid():
        return _render_session(request, session, 400, start_form=form)
    try:
        home_dose_start(
            session=session,
            dosed_at=on_day(clock.today(), form.cleaned_data["time"]),
            actor=user_of(request),
            request=request,
        )
    except TreatmentError as error:
        if error.field == "time":
            form.add_error("time", str(error))
            return _render_session(request, session, 400, start_form=form)
        messages.error(request, str(error))
        return _back(session)
    messages.success(
        request, "Your session has started. This page tells you when to take each reading."
    )
    return _back(session)


@require_POST
def my_session_reading(request: HttpRequest, session_id: str) -> HttpResponse:
    session = my_session_of(request, session_id)
    form = ReadingForm(request.POST)
    if not form.is_valid():
        return _render_session(request, session, 400, reading_form=form)
    try:
        _, result = reading_record(
            session=session,
            slot=Slot(form.cleaned_data["slot"]),
            reading=form.reading(),
            actor=user_of(request),
            request=request,
        )
    except TreatmentError as error:
        messages.error(request, str(error))
        return _back(session)
    if result.level is Level.SETTLED:
        messages.success(request, result.plain)
    elif not result.level.urgent:
        messages.warning(request, result.plain)
    # An urgent reading's instructions lead the session page itself.
    return _back(session)


@require_POST
def my_session_side_effects(request: HttpRequest, session_id: str) -> HttpResponse:
    session = my_session_of(request, session_id)
    before = last_side_effects(session)
    form = SideEffectsForm(
        request.POST, reported={e: (r.severity, r.description) for e, r in before.items()}
    )
    if not form.is_valid():
        return _render_session(request, session, 400, side_effects_form=form)
    try:
        reported = side_effects_report(
            session=session, effects=form.effects(), actor=user_of(request), request=request
        )
    except TreatmentError as error:
        if error.field:
            form.add_error(error.field, str(error))
            return _render_session(request, session, 400, side_effects_form=form)
        messages.error(request, str(error))
        return _back(session)
    oversedated = any(SideEffect(row.effect) in URGENT_SIDE_EFFECTS for row in reported)
    severe = any(row.adverse for row in reported)
    if oversedated:
        messages.error(request, PLAIN_OVERSEDATION)
    elif not reported and before:
        messages.success(request, "Thank you: nothing has changed since you last sent this.")
    elif not reported:
        messages.success(request, "Thank you: you reported no side effects.")
    else:
        (messages.error if severe else messages.success)(request, PLAIN_SIDE_EFFECTS[severe])
    return _back(session)


def _own_open_course(request: HttpRequest) -> TreatmentCourse:
    course = patient_course(patient_of(request.user))
    if course is None:
        raise Http404("No course of treatment")
    return course


def my_measures(request: HttpRequest) -> HttpResponse:
    course = _own_open_course(request)
    due = measures_due_for(course, clock.today())
    if not due:
        messages.info(request, "No questionnaires are due now: thank you.")
        return redirect("my_treatment")
    posted = request.POST if request.method == "POST" else None
    form = MeasuresForm(posted, initial={"key": due[0].key})
    if request.method == "POST" and form.is_valid():
        try:
            _, result = measures_record(
                course=course,
                key=form.cleaned_data["key"],
                phq9=form.items("phq9", 9),
                gad7=form.items("gad7", 7),
                difficulty=form.difficulty(),
                actor=user_of(request),
                request=request,
            )
        except TreatmentError as error:
            messages.error(request, str(error))
            return redirect("my_treatment")
        if result.crisis:
            request.session[CRISIS_FLAG] = True
        elif result.ideation:
            messages.warning(
                request,
                "Thank you. You told us about difficult thoughts: a clinician will contact you "
                "soon. If you might act on them, call or text 988 now, or call 911.",
            )
        else:
            messages.success(request, "Thank you. Your answers have been sent to your clinic.")
        return redirect("my_treatment")
    treatment_audit(
        actor=request.user,
        action=Action.TREATMENT_VIEWED,
        course=course,
        detail="own questionnaires",
        request=request,
    )
    return render(
        request,
        "treatment/my_measures.html",
        {"form": form, "due": due[0], "course": course},
        status=400 if request.method == "POST" else 200,
    )
