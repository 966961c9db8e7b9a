"""The clinicians' today board and the list of unsigned monitoring records."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from config.params import int_parameter
from screening.audit.models import AuditEntry
from treatment import clock
from treatment.board.selectors import (
    board_counts,
    board_rows,
    board_sessions,
    board_therapy,
    unsigned_rows,
)
from treatment.courses.selectors import contacts_of_courses
from treatment.followup.selectors import open_tasks
from treatment.pages import _audit

Action = AuditEntry.Action


BOARD_PAGE_SIZE = 50  # sessions a page of the today board shows


def today(request: HttpRequest) -> HttpResponse:
    now = clock.now()
    day = timezone.localdate(now)
    # Alerts, calls and holds sort first (by the state each session stores), so the first
    # page always holds what is urgent; only the page's rows are read in full.
    counts = board_counts(day)
    paginator = Paginator(
        board_sessions(day, now).select_related("course__patient"), BOARD_PAGE_SIZE
    )
    paginator.count = counts.sessions  # counted with the urgent ones: no second count
    page = paginator.get_page(int_parameter(request.GET.get("page"), default=1))
    rows = board_rows(list(page.object_list), now)
    # Whom to call, for the rows shown: one query for the page, however long the day.
    contacts = contacts_of_courses(row.session.course_id for row in rows)
    for row in rows:
        row.contacts = contacts.get(row.session.course_id)
    therapy = board_therapy(day)
    tasks = list(open_tasks())
    _audit(
        request,
        Action.TODAY_VIEWED,
        None,
        f"{day.isoformat()}: {page.paginator.count} sessions (page {page.number}), "
        f"{len(tasks)} tasks",
    )
    return render(
        request,
        "treatment/today.html",
        {
            "rows": rows,
            "page": page,
            "urgent_count": counts.urgent,
            "day": day,
            "now": now,
            "therapy": therapy,
            "tasks": tasks,
            "urgent_tasks": [task for task in tasks if task.urgent],
            "alert_count": counts.alerts,
            "emergency_protocol": settings.CLINIC_EMERGENCY_PROTOCOL,
        },
    )


def unsigned(request: HttpRequest) -> HttpResponse:
    rows = unsigned_rows(clock.today())
    _audit(request, Action.UNSIGNED_LISTED, None, f"{len(rows)} records")
    return render(request, "treatment/unsigned.html", {"rows": rows})
