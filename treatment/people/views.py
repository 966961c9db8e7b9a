"""The Patients page: find a patient and see where each stands, without typing an address."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.defaultfilters import pluralize
from django.views.decorators.http import require_http_methods

from config.listing import keep_filters
from config.params import int_parameter
from patients.roles import Role, role_of
from screening.audit.models import AuditEntry
from screening.audit.services import audit_record
from treatment import clock
from treatment.people.forms import PatientSearchForm
from treatment.people.links import patient_url
from treatment.people.selectors import patients_page, standing

PATIENT_SEARCH = "patient_search"


@require_http_methods(["GET", "HEAD", "POST"])
def patients(request: HttpRequest) -> HttpResponse:
    """Clinicians and admins list every patient; a therapist their own caseload."""
    if request.method == "POST":
        return keep_filters(request, PATIENT_SEARCH, PatientSearchForm.base_fields)
    form = PatientSearchForm(request.session.get(PATIENT_SEARCH, {}))
    term = form.cleaned_data["search"] if form.is_valid() else ""
    therapist = role_of(request.user) == Role.THERAPIST
    after = int_parameter(request.GET.get("after"), default=0) or None
    before = int_parameter(request.GET.get("before"), default=0) or None
    page = patients_page(
        term=term,
        user=request.user,
        therapist=therapist,
        today=clock.today(),
        after=after,
        before=before,
    )
    rows = [
        {"patient": p, "standing": standing(p), "url": patient_url(p, therapist=therapist)}
        for p in page.rows
    ]
    shown = f"{len(rows)} patient{pluralize(len(rows))}, {'searched' if term else 'all'}"
    audit_record(
        actor=request.user,
        action=AuditEntry.Action.PATIENTS_LISTED,
        # What was shown, never what was searched (it may be a name).
        detail=f"{shown}, a later page" if after or before else shown,
        request=request,
    )
    return render(
        request,
        "people/patients.html",
        {
            "form": form,
            "searched": bool(term),
            "page": page,
            "paged": bool(after or before),
            "rows": rows,
            "therapist": therapist,
        },
    )
