"""The therapy pages of clinicians (therapist, focus, dose) and of the patient (goals,
intention, reflection)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from patients.selectors import patient_of, user_of
from screening.audit.models import AuditEntry
from treatment import clock
from treatment.courses.models import TreatmentCourse, TreatmentSession
from treatment.courses.selectors import course_by_public_id, patient_course, session_by_public_id
from treatment.courses.services import TreatmentError, treatment_audit
from treatment.courses.session_views import render_session_page
from treatment.courses.views import render_course_page
from treatment.pages import form_error
from treatment.rules.therapy import Focus
from treatment.therapy.forms import (
    CourseTherapyForm,
    GoalsForm,
    IntentionForm,
    PrescriptionForm,
    ReflectionForm,
)
from treatment.therapy.selectors import focus_words, session_therapy
from treatment.therapy.services import (
    course_therapy_set,
    dose_prescribe,
    goals_write,
    intention_write,
    reflection_write,
)

Action = AuditEntry.Action


@require_POST
def course_therapy(request: HttpRequest, course_id: str) -> HttpResponse:
    """Assign the course's therapist and set its focus."""
    course = course_by_public_id(course_id)
    form = CourseTherapyForm(request.POST)
    if form.is_valid():
        try:
            course_therapy_set(
                course=course,
                therapist=form.cleaned_data["therapist"],
                focus=Focus(form.cleaned_data["focus"]),
                focus_detail=form.cleaned_data["focus_detail"],
                actor=user_of(request),
                request=request,
            )
        except TreatmentError as error:
            form_error(request, form, error)
        else:
            messages.success(request, "Therapist and focus saved.")
            return redirect("treatment_course", course_id=course.public_id)
    return render_course_page(request, course, 400, therapy_form=form)


@require_POST
def session_prescription(request: HttpRequest, session_id: str) -> HttpResponse:
    """Change a session's prescribed dose: a new version, with the reason."""
    session = session_by_public_id(session_id)
    form = PrescriptionForm(request.POST, prefix="prescription")
    if form.is_valid():
        try:
            prescription = dose_prescribe(
                session=session,
                dose=form.dose(),
                reason=form.cleaned_data["reason"],
                actor=user_of(request),
                request=request,
            )
        except TreatmentError as error:
            form_error(request, form, error)
        else:
            messages.success(
                request, f"Dose changed: version {prescription.version} is now prescribed."
            )
            return redirect("treatment_session", session_id=session.public_id)
    return render_session_page(request, session, 400, prescription_form=form)


def _own_course(request: HttpRequest) -> TreatmentCourse:
    course = patient_course(patient_of(request.user))
    if course is None:
        raise Http404("No course of treatment")
    return course


@require_http_methods(["GET", "HEAD", "POST"])
def my_goals(request: HttpRequest) -> HttpResponse:
    """The patient writes up to three goals in their own words."""
    course = _own_course(request)
    if request.method == "POST":
        form = GoalsForm(request.POST)
        if form.is_valid():
            try:
                goals_write(
                    course=course, goals=form.goals(), actor=user_of(request), request=request
                )
            except TreatmentError as error:
                form_error(request, form, error)
            else:
                messages.success(request, "Thank you: your goals are saved.")
                return redirect("my_treatment")
        status = 400
    else:
        form = GoalsForm(
            initial={f"goal_{n}": goal for n, goal in enumerate(course.goals, start=1)}
        )
        status = 200
        treatment_audit(
            actor=request.user,
            action=Action.TREATMENT_VIEWED,
            course=course,
            detail="own goals",
            request=request,
        )
    return render(
        request,
        "treatment/my_goals.html",
        {"course": course, "form": form, "focus": focus_words(course)},
        status=status,
    )


def my_session_any(request: HttpRequest, session_id: str) -> TreatmentSession:
    """One of the signed-in patient's own sessions, at home or in the clinic, or 404."""
    patient = patient_of(request.user)
    session = (
        TreatmentSession.objects.select_related("course__patient", "course__therapist")
        .filter(public_id=session_id, course__patient=patient)
        .first()
    )
    if session is None:
        raise Http404("No such session")
    return session


def _render_therapy(
    request: HttpRequest, session: TreatmentSession, status: int = 200, **forms: Any
) -> HttpResponse:
    therapy = session_therapy(session, clock.today(), with_intention=True)
    return render(
        request,
        "treatment/my_therapy.html",
        {
            "session": session,
            "course": session.course,
            "therapy": therapy,
            "focus": focus_words(session.course),
            "intention_form": forms.get("intention_form")
            or IntentionForm(
                initial={"text": therapy.intention.text} if therapy.intention else None
            ),
            "reflection_form": forms.get("reflection_form") or ReflectionForm(),
        },
        status=status,
    )


@require_safe
def my_therapy(request: HttpRequest, session_id: str) -> HttpResponse:
    """The patient's preparation and integration page of one session."""
    session = my_session_any(request, session_id)
    treatment_audit(
        actor=request.user,
        action=Action.TREATMENT_VIEWED,
        course=session.course,
        detail=f"own therapy of session {session.number}",
        request=request,
    )
    return _render_therapy(request, session)


def _patient_text(
    request: HttpRequest,
    session_id: str,
    form_class: type[IntentionForm] | type[ReflectionForm],
    write: Callable[..., Any],
    saved: str,
    form_name: str,
) -> HttpResponse:
    """The patient's own words about a session: saved, or the page again with the error."""
    session = my_session_any(request, session_id)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            write(
                session=session,
                text=form.cleaned_data["text"],
                actor=user_of(request),
                request=request,
            )
        except TreatmentError as error:
            form_error(request, form, error)
        else:
            messages.success(request, saved)
            return redirect("my_therapy", session_id=session.public_id)
    return _render_therapy(request, session, 400, **{form_name: form})


@require_POST
def my_intention(request: HttpRequest, session_id: str) -> HttpResponse:
    return _patient_text(
        request,
        session_id,
        IntentionForm,
        intention_write,
        "Your intention is saved. Only you and your therapist read it.",
        "intention_form",
    )


@require_POST
def my_reflection(request: HttpRequest, session_id: str) -> HttpResponse:
    return _patient_text(
        request,
        session_id,
        ReflectionForm,
        reflection_write,
        "Thank you: your reflection is saved.",
        "reflection_form",
    )
