"""A monitoring record once written: signing, amending, the printed page and the PDF."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from config.attestation import ATTESTATION
from patients.selectors import user_of
from screening.audit.models import AuditEntry
from treatment.checks.forms import ReasonForm
from treatment.checks.selectors import checks_after_calls
from treatment.clinic.models import MonitoringRecord
from treatment.clinic.pdf import record_pdf
from treatment.clinic.selectors import record_by_public_id, record_deadline
from treatment.clinic.services import record_amend, record_sign
from treatment.clinic.views import _back, _render_session, sign_form_for
from treatment.courses.services import TreatmentError
from treatment.pages import _audit, form_error

Action = AuditEntry.Action


@require_POST
def record_sign_view(request: HttpRequest, record_id: str) -> HttpResponse:
    record = record_by_public_id(record_id)
    form = sign_form_for(request, request.POST)
    if not form.is_valid():
        return _render_session(request, record.session, 400, sign_form=form)
    if form.second_factor is not None:
        form.second_factor.save()  # the time of this check, kept in the session
    try:
        record_sign(record=record, actor=user_of(request), statement=ATTESTATION, request=request)
    except TreatmentError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Record signed. It can no longer be changed, only amended.")
    return _back(record.session)


@require_POST
def record_amend_view(request: HttpRequest, record_id: str) -> HttpResponse:
    record = record_by_public_id(record_id)
    form = ReasonForm(request.POST, prefix="amend")
    if not form.is_valid():
        return _render_session(request, record.session, 400, amend_form=form)
    try:
        amendment = record_amend(
            record=record,
            reason=form.cleaned_data["reason"],
            actor=user_of(request),
            request=request,
        )
    except TreatmentError as error:
        form_error(request, form, error)
        return _render_session(request, record.session, 400, amend_form=form)
    messages.success(request, f"Version {amendment.version} opened: make the change, then sign.")
    return _back(record.session)


def _print_context(record: MonitoringRecord) -> dict[str, Any]:
    observations = list(record.observations.all())
    return {
        "record": record,
        "session": record.session,
        "course": record.session.course,
        "patient": record.session.course.patient,
        "check": record.pre_dose_check,
        "after_calls": checks_after_calls(record.pre_dose_check),
        "observations": observations,
        "alerts": list(record.alerts.all()),
        "deadline": record_deadline(record),
        "clinic_name": settings.CLINIC_NAME,
    }


def record_print(request: HttpRequest, record_id: str) -> HttpResponse:
    record = record_by_public_id(record_id)
    _audit(
        request,
        Action.RECORD_PRINTED,
        record.session.course,
        f"session {record.session.number} v{record.version}, html",
    )
    return render(request, "treatment/record_print.html", _print_context(record))


def record_pdf_view(request: HttpRequest, record_id: str) -> HttpResponse:
    record = record_by_public_id(record_id)
    _audit(
        request,
        Action.RECORD_PRINTED,
        record.session.course,
        f"session {record.session.number} v{record.version}, pdf",
    )
    response = HttpResponse(record_pdf(**_print_context(record)), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="monitoring-record-{record.session.number}-v{record.version}.pdf"'
    )
    return response
