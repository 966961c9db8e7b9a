"""The referral summary of a case: an HTML page to print, and the same as a PDF."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from screening.audit.models import AuditEntry
from screening.audit.services import audit_record
from screening.referral.pdf import referral_pdf
from screening.referral.selectors import referral_summary
from screening.review.selectors import case_by_public_id


@require_safe
def case_referral(request: HttpRequest, public_id: str) -> HttpResponse:
    case = case_by_public_id(public_id)
    audit_record(
        actor=request.user,
        action=AuditEntry.Action.REFERRAL_PRINTED,
        case=case,
        detail="html",
        request=request,
    )
    return render(request, "referral/summary.html", referral_summary(case))


@require_safe
def case_referral_pdf(request: HttpRequest, public_id: str) -> HttpResponse:
    case = case_by_public_id(public_id)
    audit_record(
        actor=request.user,
        action=AuditEntry.Action.REFERRAL_PRINTED,
        case=case,
        detail="pdf",
        request=request,
    )
    response = HttpResponse(referral_pdf(**referral_summary(case)), content_type="application/pdf")
    name = f"referral-{case.submission.case_number}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response
