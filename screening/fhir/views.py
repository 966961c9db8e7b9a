"""FHIR downloads: a clinician's of a case, a patient's of their own, an API client's."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from patients.selectors import patient_of, submission_of
from screening.audit.models import AuditEntry
from screening.audit.services import audit_record
from screening.fhir.bundle import MEDIA_TYPE, bundle_json, case_bundle
from screening.review.models import Case
from screening.review.selectors import case_by_public_id


def _bundle_response(
    request: HttpRequest, case: Case, *, for_patient: bool, detail: str, download: bool
) -> HttpResponse:
    body = bundle_json(case_bundle(case, for_patient=for_patient))
    audit_record(
        actor=request.user,
        action=AuditEntry.Action.FHIR_EXPORTED,
        case=case,
        detail=detail,
        request=request,
    )
    response = HttpResponse(body, content_type=MEDIA_TYPE)
    if download:
        name = f"case-{case.submission.case_number}.fhir.json"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
    patch_cache_control(response, no_store=True, no_cache=True, private=True)
    return response


@require_safe
def case_fhir(request: HttpRequest, public_id: str) -> HttpResponse:
    case = case_by_public_id(public_id)
    return _bundle_response(request, case, for_patient=False, detail="bundle", download=True)


@require_safe
def submission_fhir(request: HttpRequest, public_id: str) -> HttpResponse:
    """A patient's own case only: any other id is not found."""
    submission = submission_of(patient_of(request.user), public_id)
    return _bundle_response(
        request, submission.case, for_patient=True, detail="own bundle", download=True
    )


def _not_found() -> HttpResponse:
    outcome = {
        "resourceType": "OperationOutcome",
        "issue": [{"severity": "error", "code": "not-found", "diagnostics": "No such Bundle"}],
    }
    return JsonResponse(outcome, status=404, content_type=MEDIA_TYPE)


@login_not_required  # a staff API token, checked by ApiTokenMiddleware and the access matrix
@require_safe
def bundle_api(request: HttpRequest, public_id: str) -> HttpResponse:
    """GET /fhir/Bundle/<id>: read-only, for staff API tokens."""
    try:
        case = case_by_public_id(public_id)
    except Http404:
        return _not_found()
    token = request.api_token  # type: ignore[attr-defined]
    detail = f"bundle via API token #{token.pk} {token.prefix}…"
    return _bundle_response(request, case, for_patient=False, detail=detail, download=False)
