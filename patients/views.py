"""Patient pages: account, the intake questionnaire, and results."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from patients.forms import TextsForm
from patients.intake import steps
from patients.intake.forms import StepForm
from patients.language import supported
from patients.roles import STAFF_ROLES, Role, role_of
from patients.selectors import (
    answers_summary,
    awaits_decision,
    clinic_request_of,
    draft_of,
    latest_decision_of,
    open_draft,
    patient_export,
    patient_of,
    result_notes,
    submission_of,
    submissions_of,
)
from patients.services import (
    draft_keep_unsaved,
    draft_needs_crisis_resources,
    draft_open,
    draft_save_step,
    patient_texts_set,
    submission_create,
)
from screening.audit.models import AuditEntry
from screening.audit.services import audit_record
from screening.rulesets.selectors import active_thresholds


@require_safe
def start(request: HttpRequest) -> HttpResponse:
    """Where sign-in lands: a patient's own page, a therapist's patients, or the queue."""
    role = role_of(request.user)
    if role is Role.PATIENT:
        return redirect("account")
    if role is Role.THERAPIST:
        return redirect("therapy_caseload")
    if role in STAFF_ROLES:
        return redirect("queue")
    raise PermissionDenied("No role")  # the access matrix refuses this user first


@require_safe
def account(request: HttpRequest) -> HttpResponse:
    patient = patient_of(request.user)
    draft = open_draft(patient)
    submitted = list(submissions_of(patient))
    return render(
        request,
        "patients/account.html",
        {
            "patient": patient,
            "draft": draft,
            "draft_position": steps.position(draft.resume_step) if draft else None,
            "total_steps": steps.TOTAL,
            "submissions": [
                {"submission": s, "decision": latest_decision_of(s)} for s in submitted
            ],
            # No new questionnaire while one waits for the clinicians' decision.
            "pending": any(awaits_decision(s) for s in submitted),
            "review_usual_days": settings.REVIEW_USUAL_DAYS,
        },
    )


@require_POST
def account_texts(request: HttpRequest) -> HttpResponse:
    """Reminders by text, on or off."""
    form = TextsForm(request.POST)
    texts_ok = form.is_valid() and form.cleaned_data["texts_ok"]
    patient_texts_set(patient=patient_of(request.user), texts_ok=texts_ok)
    messages.success(
        request,
        gettext("Reminders will come by text too.")
        if texts_ok
        else gettext("No more texts: emails only."),
    )
    return redirect("account")


@require_safe
def account_export(request: HttpRequest) -> HttpResponse:
    """Download all of one's own answers and decisions as JSON."""
    patient = patient_of(request.user)
    audit_record(actor=request.user, action=AuditEntry.Action.DATA_EXPORTED, request=request)
    response = JsonResponse(patient_export(patient), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = 'attachment; filename="my-screening-data.json"'
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def intake_home(request: HttpRequest) -> HttpResponse:
    """Resume the open draft where it stopped, or offer to start one."""
    patient = patient_of(request.user)
    draft = draft_open(patient=patient) if request.method == "POST" else open_draft(patient)
    if draft is not None:
        return redirect(_step_url(draft.resume_step or steps.SLUGS[0]))
    return render(request, "intake/start.html", {"total_steps": steps.TOTAL})


def _step_url(slug: str) -> str:
    if slug == steps.REVIEW:
        return reverse("intake_review")
    return reverse("intake_step", args=[slug])


KEPT_INPUT_CHARS = 2000  # longer than any answer of ours; a field typed longer is cut here
KEPT_VALUES = 20  # more than any question's choices


def _typed_inputs(request: HttpRequest, form_class: type[StepForm]) -> dict[str, list[str]]:
    """What was typed on the step's own fields, kept for redisplay; NUL characters cannot
    be stored, so they go."""
    return {
        name: [
            value.replace("\x00", "")[:KEPT_INPUT_CHARS]
            for value in request.POST.getlist(name)[:KEPT_VALUES]
        ]
        for name in form_class.base_fields
        if name in request.POST
    }


@require_http_methods(["GET", "HEAD", "POST"])
def intake_step(request: HttpRequest, slug: str) -> HttpResponse:
    patient = patient_of(request.user)
    form_class = steps.step_form(slug)
    draft = open_draft(patient)
    if draft is None:
        return redirect("intake_home")
    return_to = request.POST.get("return_to") or request.GET.get("return_to", "")
    previous = steps.previous_slug(slug)

    advice = request.GET.get("advice") == "shown"
    if request.method == "POST":
        form = form_class(request.POST, answers=draft.answers)
        going_back = request.POST.get("action") == "back"
        if form.is_valid():
            crisis = draft_save_step(
                draft=draft,
                slug=slug,
                keys=form_class.keys,
                step_answers=form.step_answers,
                language=supported(get_language()),
            )
            audit_record(
                actor=request.user,
                action=AuditEntry.Action.ANSWERS_SAVED,
                draft=draft,
                detail=slug,
                request=request,
            )
            if going_back and previous:
                destination = _step_url(previous)
            elif return_to == steps.REVIEW:
                destination = _step_url(steps.REVIEW)
            else:
                draft.refresh_from_db(fields=["completed_steps"])
                destination = _step_url(steps.next_to_answer(slug, draft.completed_steps))
            if crisis:
                return redirect(f"{reverse('intake_support')}?next={destination}")
            if (
                not going_back
                and "advice_seen" not in request.POST
                and form_class.advice_needed(form.step_answers, active_thresholds())
            ):
                # Saved; the same page again, with what to do now (measure again, or 911).
                query = urlencode({"advice": "shown", "return_to": return_to})
                return redirect(f"{_step_url(slug)}?{query}")
            return redirect(destination)
        if going_back and previous:
            draft_keep_unsaved(draft=draft, slug=slug, inputs=_typed_inputs(request, form_class))
            return redirect(_step_url(previous))
    elif slug in draft.unsaved_inputs:
        data = QueryDict(mutable=True)
        data.update(MultiValueDict(draft.unsaved_inputs[slug]))
        form = form_class(data, answers=draft.answers)
    else:
        form = form_class(initial=form_class.initial_from(draft.answers), answers=draft.answers)

    return render(
        request,
        "intake/step.html",
        {
            "form": form,
            "step": form_class,
            "position": steps.position(slug),
            "total_steps": steps.TOTAL,
            "previous": previous,
            "return_to": return_to,
            "advice": advice or "advice_seen" in request.POST,
            "clinic_request": clinic_request_of(draft),
        },
    )


@require_safe
def intake_support(request: HttpRequest) -> HttpResponse:
    """Crisis resources, shown before anything else after a safety answer calls for them."""
    patient_of(request.user)
    destination = request.GET.get("next", "")
    if not (
        destination.startswith("/intake/")
        and url_has_allowed_host_and_scheme(destination, allowed_hosts={request.get_host()})
    ):
        destination = reverse("intake_home")
    return render(request, "intake/support.html", {"next": destination})


@require_safe
def intake_review(request: HttpRequest) -> HttpResponse:
    patient = patient_of(request.user)
    draft = open_draft(patient)
    if draft is None:
        return redirect("intake_home")
    missing = [step for step in steps.STEPS if step.slug not in draft.completed_steps]
    audit_record(
        actor=request.user, action=AuditEntry.Action.ANSWERS_REVIEWED, draft=draft, request=request
    )
    return render(
        request,
        "intake/review.html",
        {
            "draft": draft,
            "sections": answers_summary(draft.answers),
            "completed": draft.completed_steps,
            "missing": missing,
            "position": steps.TOTAL,
            "total_steps": steps.TOTAL,
            "crisis": draft_needs_crisis_resources(draft) if not missing else False,
            "crisis_reading": "crisis_reading" in result_notes(draft.answers),
            "clinic_request": clinic_request_of(draft),
        },
    )


@require_POST
def intake_submit(request: HttpRequest) -> HttpResponse:
    patient = patient_of(request.user)
    draft = draft_of(patient, request.POST.get("draft", ""))
    if draft is None:
        return redirect("account")
    if draft.status == draft.Status.OPEN:
        missing = [slug for slug in steps.SLUGS if slug not in draft.completed_steps]
        if missing:
            messages.error(request, gettext("Please complete every step before you submit."))
            return redirect("intake_review")
    submission = submission_create(draft=draft)
    audit_record(
        actor=request.user,
        action=AuditEntry.Action.SUBMITTED,
        case=submission.case,
        request=request,
    )
    return redirect("submission_result", public_id=submission.public_id)


@require_safe
def submission_result(request: HttpRequest, public_id: str) -> HttpResponse:
    patient = patient_of(request.user)
    submission = submission_of(patient, public_id)
    audit_record(
        actor=request.user,
        action=AuditEntry.Action.RESULT_VIEWED,
        case=submission.case,
        request=request,
    )
    screening = submission.screening
    notes = result_notes(submission.answers)
    fired = {item["rule"] for item in screening.fired}
    return render(
        request,
        "patients/result.html",
        {
            "submission": submission,
            "decision": latest_decision_of(submission),
            "screening": screening,
            "sections": answers_summary(submission.answers),
            "help_now": "suicidal_thoughts" in notes and not screening.crisis_resources_shown,
            "crisis_reading": "crisis_reading" in notes or "hypertensive_crisis" in fired,
        },
    )
