"""The list of courses, and the way from a case to the course its decision opened."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from config.params import int_parameter
from patients.roles import Role, role_of
from screening.audit.models import AuditEntry
from screening.review.selectors import case_by_public_id
from treatment import clock
from treatment.courses.setup import course_list, course_of_case
from treatment.pages import _audit

PAGE_SIZE = 50


@require_safe
def courses(request: HttpRequest) -> HttpResponse:
    """Every course, open first, then paused, then ended; those not yet set up marked."""
    page = Paginator(course_list(clock.today()), PAGE_SIZE).get_page(
        int_parameter(request.GET.get("page"), default=1)
    )
    _audit(
        request,
        AuditEntry.Action.COURSES_LISTED,
        None,
        f"page {page.number}: {len(page.object_list)} course(s)",
    )
    return render(
        request,
        "treatment/courses.html",
        {"page": page, "clinician": role_of(request.user) == Role.CLINICIAN},
    )


@require_safe
def case_course(request: HttpRequest, public_id: str) -> HttpResponse:
    """The course a case's decision opened: its page for a clinician, the patient's chart
    for an admin (who reads courses there)."""
    case = case_by_public_id(public_id)
    course = course_of_case(case)
    if course is None:
        raise Http404("This case has opened no course")
    if role_of(request.user) == Role.CLINICIAN:
        return redirect("treatment_course", course_id=course.public_id)
    return redirect("patient_chart", patient_id=course.patient.public_id)
