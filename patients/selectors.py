"""Reads for patients: their drafts, submissions and a readable summary of answers."""

from __future__ import annotations

import uuid
from html import unescape
from typing import Any, cast

from crispy_forms.layout import Fieldset
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils.html import format_html, strip_tags
from django.utils.translation import gettext

from patients.intake.forms import StepForm
from patients.intake.forms.base import SMALL_PRINT
from patients.intake.steps import STEPS
from patients.models import IntakeDraft, Patient, Submission, User
from screening.rules import (
    RULES_BY_ID,
    InvalidAnswers,
    crisis_level_reading,
    parse_answers,
    suicidal_thoughts_reported,
)
from screening.rulesets.selectors import active_thresholds


def user_of(request: HttpRequest) -> User:
    """The signed-in user of a request the access matrix has already let through."""
    return cast(User, request.user)


# The screening route in the patient's words (as on their result page).
ROUTE_WORDS = {
    "at_home": "May be suitable for the at-home program, once a clinician confirms it",
    "in_clinic": "An in-clinic evaluation is recommended",
    "clinician_review": "A clinician reviews the answers before any treatment is considered",
}


def patient_of(user: User | Any) -> Patient:
    """The signed-in user's patient profile; staff have none and may not use patient pages."""
    patient = Patient.objects.filter(user_id=user.pk).first() if user.is_authenticated else None
    if patient is None:
        raise PermissionDenied("Only patients can use these pages")
    return patient


def open_draft(patient: Patient) -> IntakeDraft | None:
    return (
        IntakeDraft.objects.filter(patient=patient, status=IntakeDraft.Status.OPEN)
        .select_related("reopened_from__case")
        .first()
    )


def clinic_request_of(draft: IntakeDraft) -> str:
    """What the clinic asked for, while the draft it reopened is still to be sent back."""
    submission = draft.reopened_from
    if submission is None:
        return ""
    case = getattr(submission, "case", None)
    if case is None or case.status != "awaiting_patient":
        return ""
    latest = case.decisions.order_by("-created_at", "-pk").first()
    return latest.info_needed if latest is not None else ""


def draft_of(patient: Patient, public_id: str) -> IntakeDraft | None:
    """One of the patient's own drafts by the id a form posted; a malformed id finds none."""
    try:
        wanted = uuid.UUID(public_id)
    except ValueError:
        return None
    return patient.drafts.filter(public_id=wanted).first()


def submissions_of(patient: Patient) -> QuerySet[Submission]:
    """The patient's submissions, newest first, with their screening and decisions."""
    return (
        Submission.objects.filter(patient=patient)
        .select_related("screening", "case")
        .prefetch_related("case__decisions")
    )


def latest_decision_of(submission: Submission) -> Any:
    """The clinician's latest decision on the submission, if any (decisions are prefetched)."""
    case = getattr(submission, "case", None)
    decisions = list(case.decisions.all()) if case is not None else []
    return decisions[0] if decisions else None


PENDING_CASE_STATUSES = ("awaiting", "claimed")  # in the queue, not yet decided


def awaits_decision(submission: Submission) -> bool:
    """The submission is with the clinicians and no decision has been made on it yet."""
    case = getattr(submission, "case", None)
    return case is not None and case.status in PENDING_CASE_STATUSES


def submission_of(patient: Patient, public_id: str) -> Submission:
    """One of the patient's own submissions; any other id is simply not found."""
    submission = submissions_of(patient).filter(public_id=public_id).first()
    if submission is None:
        raise Http404("No such submission")
    return submission


def _words(label: Any) -> str:
    """A label's words without their markup; on a Spanish page, words shown in English (an
    instrument not yet validated in Spanish) stay marked as English for screen readers."""
    html = str(label)
    words = unescape(strip_tags(html)).strip()
    return format_html('<span lang="en">{}</span>', words) if 'lang="en"' in html else words


def _choice_words(label: Any) -> str:
    """A choice's name as the patient read it (without its small-print explanation)."""
    return _words(str(label).split(SMALL_PRINT, 1)[0])


def _shown_value(form: StepForm, name: str, value: Any) -> str:
    field = form.fields[name]
    choices = dict((str(k), v) for k, v in getattr(field, "choices", []))
    if isinstance(value, list):
        return ", ".join(_choice_words(choices.get(str(v), v)) for v in value) or gettext("None")
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a reading or a weight typed as 120 shows as 120, not 120.0
    return _choice_words(choices.get(str(value), value))


def _field_names(item: Any) -> list[str]:
    """The field names inside a piece of a form's layout, in order."""
    if isinstance(item, str):
        return [item]
    return [name for inner in getattr(item, "fields", []) for name in _field_names(inner)]


def _pieces(items: list[Any]) -> list[Any]:
    """The layout's pieces, with the fieldsets inside a wrapper (readings shown only with a
    monitor) taken out so that each keeps its own heading."""
    pieces = []
    for item in items:
        inner = getattr(item, "fields", None)
        if not isinstance(item, Fieldset) and inner and any(isinstance(i, Fieldset) for i in inner):
            pieces.extend(_pieces(inner))
        else:
            pieces.append(item)
    return pieces


def _layout_groups(form: StepForm) -> list[tuple[str, list[str]]]:
    """The form's fields grouped as the page shows them: each fieldset under its legend
    (an instrument's name, a reading), the fields between fieldsets without a heading."""
    groups: list[tuple[str, list[str]]] = []
    for item in _pieces(form.helper.layout.fields):
        heading = strip_tags(str(item.legend)) if isinstance(item, Fieldset) else ""
        names = _field_names(item)
        if not names:
            continue
        if heading or not groups or groups[-1][0]:
            groups.append((heading, names))
        else:
            groups[-1][1].extend(names)
    return groups


def answers_summary(answers: dict[str, Any]) -> list[dict[str, Any]]:
    """Each step's questions and answers in words, as the patient saw them, each question
    once, under its instrument's name where it has one.

    A step the questionnaire did not have yet (format-1 answers) has no rows.
    """
    sections = []
    for step in STEPS:
        form = step(initial=step.initial_from(answers), answers=answers)
        groups: list[dict[str, Any]] = []
        for heading, names in _layout_groups(form):
            rows: list[tuple[str, str]] = [
                (
                    _words(form.fields[name].label or name),
                    _shown_value(form, name, form.initial[name]),
                )
                for name in names
                if name in form.initial and name in form.fields
            ]
            if rows:
                groups.append({"heading": heading, "rows": rows})
        every_row = [row for group in groups for row in group["rows"]]
        sections.append(
            {"slug": step.slug, "title": step.title, "groups": groups, "rows": every_row}
        )
    return sections


def screening_in_words(decision: dict[str, Any]) -> dict[str, Any]:
    """A screening decision as the patient reads it: plain descriptions, never rule ids."""
    return {
        "suggested_route": ROUTE_WORDS[decision["route"]],
        "what_your_answers_showed": [RULES_BY_ID[item["rule"]].plain for item in decision["fired"]],
        "scores": decision["scores"],
        "rule_set": decision["ruleset"],
    }


def patient_export(patient: Patient) -> dict[str, Any]:
    """Everything the service holds about the patient's health answers, as plain JSON."""
    submissions = submissions_of(patient).order_by("submitted_at")
    drafts = IntakeDraft.objects.filter(patient=patient, status=IntakeDraft.Status.OPEN)
    return {
        "profile": {
            "first_name": patient.given_name,
            "last_name": patient.family_name,
            "date_of_birth": patient.date_of_birth.isoformat(),
            "email": patient.user.email,
            "phone": patient.phone,
        },
        "questionnaire_in_progress": [
            {"answers": draft.answers, "last_saved": draft.updated_at.isoformat()}
            for draft in drafts
        ],
        "submissions": [
            {
                "case_number": submission.case_number,
                "submitted_at": submission.submitted_at.isoformat(),
                "answers": submission.answers,
                "screening": screening_in_words(submission.screening.decision),
                "clinician_decisions": [
                    {
                        "outcome": decision.outcome,
                        "decided_at": decision.created_at.isoformat(),
                        "information_requested": decision.info_needed,
                    }
                    for decision in submission.case.decisions.all()
                ]
                if hasattr(submission, "case")
                else [],
            }
            for submission in submissions
        ],
    }


def result_notes(answers: dict[str, Any]) -> set[str]:
    """What the patient's own answers call for, whatever the route.

    "suicidal_thoughts": 988 and 911 beside the result; "crisis_reading": what to
    do about a blood-pressure reading at the crisis line.
    """
    try:
        parsed = parse_answers(answers)
    except InvalidAnswers:
        return {"suicidal_thoughts"}  # cannot happen for saved answers; err on the safe side
    notes = set()
    if suicidal_thoughts_reported(parsed):
        notes.add("suicidal_thoughts")
    if crisis_level_reading(parsed, active_thresholds()):
        notes.add("crisis_reading")
    return notes
