"""The audit log (admins)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from config.listing import keep_filters
from config.params import int_parameter
from screening.audit.forms import AuditFilterForm
from screening.audit.selectors import audit_entries

AUDIT_FILTERS = "audit_filters"


@require_http_methods(["GET", "HEAD", "POST"])
def audit_log(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return keep_filters(request, AUDIT_FILTERS, AuditFilterForm.base_fields)
    form = AuditFilterForm(request.session.get(AUDIT_FILTERS) or None)
    page = Paginator(audit_entries(form.filters()), 50).get_page(
        int_parameter(request.GET.get("page"), default=1)
    )
    return render(request, "review/audit.html", {"form": form, "page": page})
