"""A patient's chart: everything about one patient on one page, every read audited."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from patients.roles import Role, role_of
from screening.audit.models import AuditEntry
from screening.audit.services import audit_record
from treatment.charts.selectors import chart_patient, patient_chart


@require_safe
def chart(request: HttpRequest, patient_id: str) -> HttpResponse:
    patient = chart_patient(patient_id, request.user)
    data = patient_chart(patient)
    # As the case page: who read it, naming the patient's latest case and the patient by id.
    audit_record(
        actor=request.user,
        action=AuditEntry.Action.CHART_VIEWED,
        case=data.latest_case,
        detail=f"patient {patient.public_id}",
        request=request,
    )
    return render(
        request,
        "treatment/chart.html",
        {"chart": data, "clinician": role_of(request.user) == Role.CLINICIAN},
    )
