"""The clinicians' review workspace: queue, case page, decisions, audit log."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.utils import timezone
from django.views.decorators.http import require_POST

from patients.intake.steps import STEPS
from patients.models import IntakeDraft
from patients.selectors import answers_summary
from screening.forms import AuditFilterForm, DecisionForm, QueueFilterForm
from screening.models import AuditEntry, Case
from screening.review import CaseChangedError, audit_record, case_claim, decision_record
from screening.rules import RULES_BY_ID, SOURCES
from screening.selectors import (
    audit_entries,
    case_by_public_id,
    case_decisions,
    clinical_summary,
    is_overdue,
    patient_history,
    queue_counts,
    queue_list,
    score_bands,
    urgent_drafts,
)


def queue(request: HttpRequest) -> HttpResponse:
    form = QueueFilterForm(request.GET)
    filters = form.filters()
    page = Paginator(queue_list(filters), settings.QUEUE_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    now = timezone.now()
    rows = [{"case": case, "overdue": is_overdue(case, now)} for case in page.object_list]
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
    drafts = list(urgent_drafts()) if filters.tab == "to_review" and unfiltered else []
    audit_record(
        actor=request.user,
        action=AuditEntry.Action.QUEUE_VIEWED,
        detail=_listing_detail(filters.tab, page.number, len(rows), len(drafts), unfiltered),
        request=request,
    )
    query = request.GET.copy()
    query.pop("page", None)
    tab_query = query.copy()
    tab_query.pop("tab", None)
    return render(
        request,
        "review/queue.html",
        {
            "form": form,
            "filters": filters,
            "counts": queue_counts(filters),
            "page": page,
            "rows": rows,
            "drafts": drafts,
            "query": query.urlencode(),
            "tab_query": tab_query.urlencode(),
            "now": now,
        },
    )


def _listing_detail(tab: str, page: int, cases: int, drafts: int, unfiltered: bool) -> str:
    """What a queue page showed, without the search terms (they may be names)."""
    shown = f"{tab}, page {page}: {cases} case{pluralize(cases)}"
    if drafts:
        shown += f", {drafts} urgent draft{pluralize(drafts)}"
    return shown if unfiltered else f"{shown} (filtered)"


def _case_context(case: Case, form: DecisionForm | None = None) -> dict[str, Any]:
    submission = case.submission
    screening = submission.screening
    fired = [
        {**item, "source": [(key, SOURCES[key]) for key in RULES_BY_ID[item["rule"]].sources]}
        for item in screening.decision["fired"]
    ]
    history = patient_history(case)
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
        "decisions": case_decisions(case),
        "form": form or DecisionForm(case=case),
        "overdue": is_overdue(case),
        "steps": STEPS,
    }


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
    return redirect("queue")


@require_POST
def case_claim_view(request: HttpRequest, public_id: str) -> HttpResponse:
    case = case_by_public_id(public_id)
    case_claim(case=case, clinician=request.user, request=request)  # type: ignore[arg-type]
    messages.success(request, f"You are handling case {case.submission.case_number}.")
    return redirect("case_detail", public_id=public_id)


def draft_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    draft = get_object_or_404(
        IntakeDraft.objects.select_related("patient__user"),
        public_id=public_id,
        urgent_since__isnull=False,
    )
    audit_record(
        actor=request.user, action=AuditEntry.Action.DRAFT_VIEWED, draft=draft, request=request
    )
    return render(
        request,
        "review/draft.html",
        {"draft": draft, "sections": answers_summary(draft.answers)},
    )


def audit_log(request: HttpRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET or None)
    page = Paginator(audit_entries(form.filters()), 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "review/audit.html", {"form": form, "page": page, "query": query.urlencode()}
    )
