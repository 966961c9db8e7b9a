"""After an at-home dose, the readings come first: a patient whose readings are still due
lands on the session page, not on their account or treatment overview, until they are done."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from patients.roles import Role, role_of
from treatment import clock
from treatment.courses.models import TreatmentCourse
from treatment.home.models import HomeDose
from treatment.home.selectors import home_status

# The patient's landing pages: where sign-in and "My treatment" lead.
LANDINGS = ("account", "my_treatment")


class ReadingsFirstMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.paths: frozenset[str] | None = None

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self.paths is None:
            self.paths = frozenset(reverse(name) for name in LANDINGS)
        if (
            request.method in ("GET", "HEAD")
            and request.path in self.paths
            and request.user.is_authenticated
            and role_of(request.user) is Role.PATIENT
        ):
            session = dosing_session(request)
            if session is not None:
                return redirect("my_session", session_id=session)
        return self.get_response(request)


def dosing_session(request: HttpRequest) -> str | None:
    """The public id of the patient's at-home session whose readings are still due."""
    now = clock.now()
    user_id = request.user.pk
    if user_id is None:
        return None
    doses = HomeDose.objects.filter(
        session__course__patient__user_id=user_id,
        session__course__status=TreatmentCourse.Status.OPEN,
        dosed_at__gte=now - timedelta(hours=6),
    ).select_related("session__course")
    for dose in doses:
        if home_status(dose.session, now).in_readings:
            return str(dose.session.public_id)
    return None
