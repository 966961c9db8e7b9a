"""Rule-set pages: versions, drafts, sign-off, impact preview, publishing."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.views.decorators.http import require_POST, require_safe

from config.params import int_parameter
from screening.audit.models import AuditEntry
from screening.audit.services import audit_record
from screening.rules import InvalidThresholds
from screening.rulesets.forms import PreviewForm, PublishForm, RuleSetForm
from screening.rulesets.models import GoldenCase, RuleSet
from screening.rulesets.published import published_rules, ruleset_fault
from screening.rulesets.selectors import published_ruleset, thresholds_of
from screening.rulesets.services import (
    RuleSetError,
    can_sign_off,
    diff,
    golden_disagreements,
    ruleset_draft_create,
    ruleset_draft_update,
    ruleset_preview_start,
    ruleset_publish,
    ruleset_sign_off,
    setting_rows,
    summary,
    treatment_summary,
)
from screening.rulesets.signoff import awaiting_sign_off, publish_refusal, route_words, rules_words


@require_safe
def rulesets(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "rulesets/list.html",
        {
            "rulesets": RuleSet.objects.select_related("created_by", "published_by"),
            "golden_count": GoldenCase.objects.count(),
            "in_use": published_rules(),
            "awaiting": awaiting_sign_off() if can_sign_off(request.user) else [],
        },
    )


@require_POST
def ruleset_new(request: HttpRequest) -> HttpResponse:
    source_id = request.POST.get("source", "")
    source = get_object_or_404(RuleSet, version=int_parameter(source_id)) if source_id else None
    note = f"Copy of {source.name}." if source else ""
    try:
        draft = ruleset_draft_create(actor=request.user, source=source, note=note)  # type: ignore[arg-type]
    except RuleSetError as error:
        messages.error(request, str(error))
        return redirect("rulesets")
    return redirect("ruleset_detail", version=draft.version)


AFFECTED_SHOWN = 100  # the detail page lists at most this many affected cases


def _affected_listed(ruleset: RuleSet) -> list[dict[str, Any]]:
    """The cases a current preview lists on the page, less restrictive first."""
    if not ruleset.preview_is_current or not ruleset.preview_result:
        return []
    return [
        {**item, "from_words": route_words(item["from"]), "to_words": route_words(item["to"])}
        for item in ruleset.preview_result["affected"][:AFFECTED_SHOWN]
    ]


def _impact_rows(ruleset: RuleSet) -> list[dict[str, Any]]:
    """The preview's route matrix with the queue's names of the routes."""
    result = ruleset.preview_result or {}
    return [
        {**cell, "from_words": route_words(cell["from"]), "to_words": route_words(cell["to"])}
        for cell in result.get("matrix", [])
    ]


def _disagreements_in_words(ruleset: RuleSet) -> list[dict[str, str]]:
    values = thresholds_of(ruleset).values()
    return [
        {
            "case": found.case.name,
            "expected": route_words(found.case.expected_route),
            "expected_rules": rules_words(found.case.expected_rules, values),
            "route": route_words(found.route),
            "rules": rules_words(found.rules, values),
        }
        for found in golden_disagreements(thresholds_of(ruleset))
    ]


def _detail_context(
    request: HttpRequest,
    ruleset: RuleSet,
    form: RuleSetForm | None,
    publish_form: PublishForm | None = None,
) -> dict[str, Any]:
    published = published_ruleset()
    thresholds = thresholds_of(ruleset)
    return {
        "ruleset": ruleset,
        "published": published,
        "form": form or RuleSetForm(initial=RuleSetForm.initial_from(ruleset)),
        "changes": diff(published, ruleset)
        if published is None or published.pk != ruleset.pk
        else None,
        "summary": summary(thresholds),
        "treatment_summary": treatment_summary(ruleset),
        "setting_rows": setting_rows(ruleset),
        "disagreements": _disagreements_in_words(ruleset),
        "impact_rows": _impact_rows(ruleset),
        "publish_refusal": publish_refusal(ruleset, request.user)
        if ruleset.status == RuleSet.Status.DRAFT
        else None,
        "publish_form": publish_form or PublishForm(),
        "preview_form": PreviewForm(prefix="preview"),
        "can_sign_off": can_sign_off(request.user),
        "events": ruleset.events.select_related("actor"),
        "affected_listed": _affected_listed(ruleset),
    }


def _render_detail(
    request: HttpRequest,
    ruleset: RuleSet,
    form: RuleSetForm | None = None,
    status: int = 200,
    publish_form: PublishForm | None = None,
) -> HttpResponse:
    context = _detail_context(request, ruleset, form, publish_form)
    if listed := len(context["affected_listed"]):
        audit_record(
            actor=request.user,
            action=AuditEntry.Action.IMPACT_LISTED,
            detail=f"{ruleset.name}: {listed} case{pluralize(listed)}",
            request=request,
        )
    return render(request, "rulesets/detail.html", context, status=status)


@require_safe
def ruleset_detail(request: HttpRequest, version: int) -> HttpResponse:
    """A rule set for admins, and for the clinical leads who sign it off."""
    ruleset = get_object_or_404(RuleSet, version=version)
    if fault := ruleset_fault(ruleset):
        # Stored outside the floors (by hand, or by a faulty migration): never used, and
        # shown only as what it holds and why it is refused.
        return render(
            request,
            "rulesets/refused.html",
            {
                "ruleset": ruleset,
                "fault": fault,
                "in_use": published_rules(),
                "events": ruleset.events.select_related("actor"),
            },
        )
    return _render_detail(request, ruleset)


@require_POST
def ruleset_edit(request: HttpRequest, version: int) -> HttpResponse:
    ruleset = get_object_or_404(RuleSet, version=version)
    form = RuleSetForm(request.POST, kept_treatment=dict(ruleset.treatment or {}))
    if form.is_valid():
        try:
            ruleset_draft_update(
                draft=ruleset,
                actor=request.user,  # type: ignore[arg-type]
                thresholds=form.thresholds(),
                disabled_rules=form.cleaned_data["disabled_rules"],
                note=form.cleaned_data["note"],
                treatment=form.treatment(),
            )
        except (RuleSetError, InvalidThresholds) as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Draft saved. Its preview and sign-off start afresh.")
            return redirect("ruleset_detail", version=version)
    return _render_detail(request, ruleset, form, status=400)


@require_POST
def ruleset_sign_off_view(request: HttpRequest, version: int) -> HttpResponse:
    ruleset = get_object_or_404(RuleSet, version=version)
    try:
        ruleset_sign_off(draft=ruleset, actor=request.user)  # type: ignore[arg-type]
    except RuleSetError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"You signed off {ruleset.name}.")
    return redirect("ruleset_detail", version=version)


@require_POST
def ruleset_preview(request: HttpRequest, version: int) -> HttpResponse:
    ruleset = get_object_or_404(RuleSet, version=version)
    form = PreviewForm(request.POST, prefix="preview")
    dates = form.cleaned_data if form.is_valid() else {}
    try:
        ruleset_preview_start(
            draft=ruleset,
            actor=request.user,  # type: ignore[arg-type]
            date_from=dates.get("date_from"),
            date_to=dates.get("date_to"),
        )
    except RuleSetError as error:
        messages.error(request, str(error))
    return redirect("ruleset_detail", version=version)


@require_safe
def ruleset_preview_status(request: HttpRequest, version: int) -> JsonResponse:
    ruleset = get_object_or_404(RuleSet, version=version)
    return JsonResponse(
        {
            "status": ruleset.preview_status,
            "done": ruleset.preview_done,
            "total": ruleset.preview_total,
            "current": ruleset.preview_is_current,
        }
    )


@require_POST
def ruleset_publish_view(request: HttpRequest, version: int) -> HttpResponse:
    ruleset = get_object_or_404(RuleSet, version=version)
    form = PublishForm(request.POST)
    if not form.is_valid():  # the attestation is required
        return _render_detail(request, ruleset, status=400, publish_form=form)
    try:
        ruleset_publish(draft=ruleset, actor=request.user)  # type: ignore[arg-type]
    except RuleSetError as error:
        messages.error(request, str(error))
        return redirect("ruleset_detail", version=version)
    messages.success(request, f"{ruleset.name} is published: new submissions use it.")
    return redirect("rulesets")


@require_safe
def golden_cases(request: HttpRequest) -> HttpResponse:
    return render(request, "rulesets/golden.html", {"cases": GoldenCase.objects.all()})
