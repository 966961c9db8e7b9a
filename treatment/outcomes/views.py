"""The program outcomes page, its figures as CSV and the de-identified courses for research.

Every read is audited (it summarises patients' health data); every download too.
"""

from __future__ import annotations

import csv
from dataclasses import asdict

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from screening.audit.models import AuditEntry
from screening.audit.services import audit_record
from treatment import clock
from treatment.outcomes.forms import PeriodForm
from treatment.outcomes.selectors import Period, course_records, courses_in
from treatment.outcomes.snapshots import snapshot_of
from treatment.rules.program import RESEARCH_COLUMNS, Figure, research_row

Action = AuditEntry.Action


def _period(request: HttpRequest) -> tuple[PeriodForm, Period | None]:
    form = PeriodForm(request.GET or None)
    if not request.GET:
        return form, Period()
    if not form.is_valid():
        return form, None
    return form, Period(form.cleaned_data["opened_from"], form.cleaned_data["opened_to"])


def _words(period: Period) -> str:
    start = f"{period.start:%Y-%m-%d}" if period.start else "the first course"
    end = f"{period.end:%Y-%m-%d}" if period.end else "today"
    return f"courses opened from {start} to {end}"


def _query(period: Period) -> str:
    parts = []
    if period.start:
        parts.append(f"opened_from={period.start:%Y-%m-%d}")
    if period.end:
        parts.append(f"opened_to={period.end:%Y-%m-%d}")
    return "&".join(parts)


@require_safe
def outcomes(request: HttpRequest) -> HttpResponse:
    form, period = _period(request)
    context: dict[str, object] = {
        "form": form,
        "session": settings.OUTCOMES_EVALUATION_SESSION,
        "review_session": settings.OUTCOMES_REVIEW_SESSION,
        "review_fall": settings.OUTCOMES_REVIEW_MIN_FALL_PERCENT,
    }
    if period is None:
        return render(request, "outcomes/outcomes.html", context, status=400)
    snapshot = snapshot_of(period)
    result = snapshot.outcomes
    audit_record(
        actor=request.user, action=Action.OUTCOMES_VIEWED, detail=_words(period), request=request
    )
    context |= {
        "period": _words(period),
        "query": _query(period),
        "outcomes": result,
        "made_at": snapshot.made_at,
        "refresh_minutes": settings.OUTCOMES_REFRESH_SECONDS // 60,
        "charts": {figure.slug: asdict(figure)["chart"] for figure in result.figures},
    }
    return render(request, "outcomes/outcomes.html", context)


def _csv(name: str, columns: list[str] | tuple[str, ...], rows: list[list[object]]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    writer = csv.writer(response)
    writer.writerow(columns)
    writer.writerows(["" if cell is None else cell for cell in row] for row in rows)
    return response


def _checked_period(request: HttpRequest) -> Period:
    _form, period = _period(request)
    if period is None:
        raise BadRequest("The period's dates are not valid")
    return period


@require_safe
def outcomes_csv(request: HttpRequest) -> HttpResponse:
    """One figure's table as CSV: `?figure=<slug>` and the page's period."""
    period = _checked_period(request)
    figure: Figure | None = snapshot_of(period).outcomes.figure(request.GET.get("figure", ""))
    if figure is None:
        raise Http404("No such figure")
    audit_record(
        actor=request.user,
        action=Action.OUTCOMES_EXPORTED,
        detail=f"{figure.slug}, {_words(period)}"[:200],
        request=request,
    )
    return _csv(f"outcomes-{figure.slug}", figure.columns, figure.rows)


@require_safe
def outcomes_courses_csv(request: HttpRequest) -> HttpResponse:
    """One de-identified row per course, for the clinic's research."""
    period = _checked_period(request)
    courses = course_records(courses_in(period))
    today = clock.today()
    rows = [
        research_row(
            number,
            record.outcome,
            days_since_opened=(today - record.outcome.opened).days,
            age=record.age,
            session=settings.OUTCOMES_EVALUATION_SESSION,
        )
        for number, record in enumerate(courses, start=1)
    ]
    audit_record(
        actor=request.user,
        action=Action.OUTCOMES_COURSES_EXPORTED,
        detail=f"{len(rows)} courses, {_words(period)}"[:200],
        request=request,
    )
    return _csv("outcomes-courses-deidentified", RESEARCH_COLUMNS, rows)
