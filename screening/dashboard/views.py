"""The dashboard page and its figures as CSV; every read is audited (it counts cases)."""

from __future__ import annotations

import csv
from dataclasses import asdict

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from config.params import int_parameter
from screening.audit.models import AuditEntry
from screening.audit.services import audit_record
from screening.dashboard.selectors import DEFAULT_WEEKS, WEEK_CHOICES
from screening.dashboard.snapshots import snapshot_of


def _weeks(request: HttpRequest) -> int:
    asked = int_parameter(request.GET.get("weeks"), default=DEFAULT_WEEKS)
    return asked if asked in WEEK_CHOICES else DEFAULT_WEEKS


@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    weeks = _weeks(request)
    snapshot = snapshot_of(weeks)
    figures = snapshot.figures
    audit_record(
        actor=request.user,
        action=AuditEntry.Action.DASHBOARD_VIEWED,
        detail=f"last {weeks} weeks",
        request=request,
    )
    return render(
        request,
        "dashboard/dashboard.html",
        {
            "weeks": weeks,
            "week_choices": WEEK_CHOICES,
            "made_at": snapshot.made_at,
            "refresh_minutes": settings.DASHBOARD_REFRESH_SECONDS // 60,
            "figures": figures,
            "charts": {figure.slug: asdict(figure)["chart"] for figure in figures},
        },
    )


@require_safe
def dashboard_csv(request: HttpRequest) -> HttpResponse:
    """One figure's table as CSV: `?chart=<slug>&weeks=<n>`."""
    weeks = _weeks(request)
    figure = snapshot_of(weeks).figure(request.GET.get("chart", ""))
    if figure is None:
        raise Http404("No such figure")
    audit_record(
        actor=request.user,
        action=AuditEntry.Action.DASHBOARD_EXPORTED,
        detail=f"{figure.slug}, last {weeks} weeks",
        request=request,
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{figure.slug}-{weeks}-weeks.csv"'
    writer = csv.writer(response)
    writer.writerow(figure.columns)
    writer.writerows(["" if cell is None else cell for cell in row] for row in figure.rows)
    return response
