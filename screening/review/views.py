"""The clinicians' review workspace: queue, case page, decisions, urgent drafts."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from config.listing import keep_filters
from config.params import int_parameter
from patients.intake.steps import STEPS
from patients.models import IntakeDraft
from patients.selectors import answers_summary
from screening.audit.models import AuditEntry
from screening.audit.services import audit_record
from screening.review.forms import ContactForm, DecisionForm, QueueFilterForm
from screening.review.models import Case, CaseDecision
from screening.review.selectors import (
    QUEUE_TABS,
    case_by_public_id,
    case_decisions,
    clinical_summary,
    draft_crisis_triggers,
    fired_in_words,
    is_overdue,
    patient_history,
    queue_counts,
    queue_page,
    resubmission_links,
    row_reasons,
    score_bands,
    urgent_drafts,
)
from screening.review.services import (
    CaseChangedError,
    CaseHeldError,
    case_claim,
    decision_record,
    draft_contact_record,
)
from screening.rulesets.services import (
    RuleSetError,
    golden_case_from_submission,
)

QUEUE_FILTERS = "queue_filters"
# The outcomes that open a course of treatment (treatment/ reacts to the decision's signal);
# the review names the course's address only, never its code.
OPENS_COURSE = frozenset(
    {CaseDecision.Outcome.CONFIRM_AT_HOME, CaseDecision.Outcome.REFER_IN_CLINIC}
)


@require_http_methods(["GET", "HEAD", "POST"])
def queue(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return keep_filters(request, QUEUE_FILTERS, QueueFilterForm.base_fields)
    form = QueueFilterForm(
        {**request.session.get(QUEUE_FILTERS, {}), "tab": request.GET.get("tab", "")}
    )
    filters = form.filters()
    after = int_parameter(request.GET.get("after"), default=0) or None
    before = int_parameter(request.GET.get("before"), default=0) or None
    page = queue_page(filters, request.user, after=after, before=before)
    now = timezone.now()
    rows = [
        {
            "case": case,
            "overdue": is_overdue(case, now),
            "decision": _decision_label(getattr(case, "decided_outcome", None)),
            "opens_course": getattr(case, "decided_outcome", None) in OPENS_COURSE,
            "reasons": row_reasons(case.submission.screening),
        }
        for case in page.rows
    ]
    unfiltered = not any(
        (
            filters.route,
            filters.priority,
            filters.rule,
            filters.search,
            filters.date_from,
            filters.date_to,
        )
    )
    drafts = list(urgent_drafts()) if filters.tab == "waiting" and unfiltered else []
    counts = queue_counts(filters, request.user)
    audit_record(
        actor=request.user,
        action=AuditEntry.Action.QUEUE_VIEWED,
        detail=_listing_detail(filters.tab, not page.is_first, len(rows), len(drafts), unfiltered),
        request=request,
    )
    return render(
        request,
        "review/queue.html",
        {
            "form": form,
            "filters": filters,
            "filtered": not unfiltered,
            "tabs": [{"tab": tab, "count": counts.get(tab.name)} for tab in QUEUE_TABS],
            "current_tab": next(tab for tab in QUEUE_TABS if tab.name == filters.tab),
            "counts": counts,
            "tab_count": counts.get(filters.tab, 0),
            "page": page,
            "paged": bool(after or before),
            "rows": rows,
            "drafts": drafts,
            "now": now,
        },
    )


def _decision_label(outcome: str | None) -> str:
    return CaseDecision.Outcome(outcome).label if outcome else ""


def _listing_detail(tab: str, deeper: bool, cases: int, drafts: int, unfiltered: bool) -> str:
    """What a queue page showed, without the search terms (they may be names)."""
    shown = f"{tab}, {'a later page' if deeper else 'page 1'}: {cases} case{pluralize(cases)}"
    if drafts:
        shown += f", {drafts} urgent draft{pluralize(drafts)}"
    return shown if unfiltered else f"{shown} (filtered)"


def _case_context(case: Case, form: DecisionForm | None = None) -> dict[str, Any]:
    submission = case.submission
    screening = submission.screening
    fired = fired_in_words(screening)
    history = patient_history(case)
    decisions = list(case_decisions(case))
    return {
        "case": case,
        "submission": submission,
        "screening": screening,
        "fired": fired,
        "sections": answers_summary(submission.answers),
        "scores": score_bands(submission),
        "clinical": clinical_summary(submission),
        "history": history,
        "chart": [{"date": h["date"], "phq9": h["phq9"], "gad7": h["gad7"]} for h in history]
        if len(history) > 1
        else None,
        "decisions": decisions,
        "opens_course": any(decision.outcome in OPENS_COURSE for decision in decisions),
        **resubmission_links(case),
        "form": form or DecisionForm(case=case),
        "overdue": is_overdue(case),
        "steps": STEPS,
    }


@require_safe
def case_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    case = case_by_public_id(public_id)
    audit_record(
        actor=request.user, action=AuditEntry.Action.CASE_VIEWED, case=case, request=request
    )
    return render(request, "review/case.html", _case_context(case))


@require_POST
def case_decide(request: HttpRequest, public_id: str) -> HttpResponse:
    case = case_by_public_id(public_id)
    form = DecisionForm(request.POST, case=case)
    if not form.is_valid():
        # The case page is shown again, with its answers: that is a read of the case.
        audit_record(
            actor=request.user, action=AuditEntry.Action.CASE_VIEWED, case=case, request=request
        )
        return render(request, "review/case.html", _case_context(case, form), status=400)
    data = form.cleaned_data
    try:
        decision_record(
            case=case,
            clinician=request.user,  # type: ignore[arg-type]
            outcome=data["outcome"],
            expected_version=data["version"],
            reason=data["reason"],
            info_needed=data["info_needed"],
            reopened_steps=data["reopened_steps"],
            request=request,
        )
    except CaseChangedError as changed:
        latest = changed.latest
        who = latest.clinician.get_full_name() or latest.clinician.email if latest else "someone"
        messages.error(
            request,
            f"This case was just decided by {who}: your decision was not recorded. "
            "Their decision is shown below.",
        )
        return redirect("case_detail", public_id=public_id)
    messages.success(request, "Decision recorded.")
    if data["outcome"] in OPENS_COURSE:
        # The course the decision opened, to set it up: therapist, focus, dose, sessions.
        return redirect("treatment_case_course", public_id=public_id)
    return redirect("queue")


@require_http_methods(["GET", "HEAD", "POST"])
def case_claim_view(request: HttpRequest, public_id: str) -> HttpResponse:
    """Claim a case; a case another clinician holds is taken over only after a confirmation."""
    case = case_by_public_id(public_id)
    if request.method == "POST":
        try:
            case_claim(
                case=case,
                clinician=request.user,  # type: ignore[arg-type]
                take_over=request.POST.get("take_over") == "yes",
                request=request,
            )
        except CaseHeldError:
            return redirect("case_claim", public_id=public_id)
        messages.success(request, f"You are handling case {case.submission.case_number}.")
        return redirect("case_detail", public_id=public_id)
    held_by_other = case.status == Case.Status.CLAIMED and case.claimed_by_id != request.user.pk
    if not held_by_other:
        return redirect("case_detail", public_id=public_id)
    return render(request, "review/take_over.html", {"case": case})


def _urgent_draft(public_id: str) -> IntakeDraft:
    return get_object_or_404(
        IntakeDraft.objects.select_related("patient__user"),
        public_id=public_id,
        urgent_since__isnull=False,
    )


def _render_draft(
    request: HttpRequest, draft: IntakeDraft, form: ContactForm | None = None, status: int = 200
) -> HttpResponse:
    audit_record(
        actor=request.user, action=AuditEntry.Action.DRAFT_VIEWED, draft=draft, request=request
    )
    return render(
        request,
        "review/draft.html",
        {
            "draft": draft,
            "sections": answers_summary(draft.answers),
            "triggers": draft_crisis_triggers(draft),
            "contacts": draft.urgent_contacts.select_related("clinician"),
            "form": form or ContactForm(),
        },
        status=status,
    )


@require_safe
def draft_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    return _render_draft(request, _urgent_draft(public_id))


@require_POST
def draft_contacted(request: HttpRequest, public_id: str) -> HttpResponse:
    """The clinician has reached the patient: record it, and take the draft off the list."""
    draft = _urgent_draft(public_id)
    form = ContactForm(request.POST)
    if not form.is_valid():
        return _render_draft(request, draft, form, status=400)
    draft_contact_record(
        draft=draft,
        clinician=request.user,  # type: ignore[arg-type]
        note=form.cleaned_data["note"],
        request=request,
    )
    messages.success(request, "Contact recorded: the intake is off the urgent list.")
    return redirect("queue")


@require_POST
def golden_from_case(request: HttpRequest, public_id: str) -> HttpResponse:
    case = case_by_public_id(public_id)
    try:
        golden = golden_case_from_submission(submission=case.submission, actor=request.user)  # type: ignore[arg-type]
    except RuleSetError as error:
        messages.error(request, str(error))
        return redirect("case_detail", public_id=public_id)
    audit_record(
        actor=request.user,
        action=AuditEntry.Action.GOLDEN_CASE_KEPT,
        case=case,
        detail=golden.name,
        request=request,
    )
    messages.success(request, f"Golden case “{golden.name}” kept: every rule set must agree.")
    return redirect("case_detail", public_id=public_id)
