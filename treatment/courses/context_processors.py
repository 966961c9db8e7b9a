"""What the header shows a patient: "My treatment" once a course of theirs exists."""

from __future__ import annotations

from django.http import HttpRequest

from patients.roles import Role, role_of


def has_course(request: HttpRequest) -> dict[str, bool]:
    from treatment.courses.models import TreatmentCourse

    user = getattr(request, "user", None)
    if user is None or role_of(user) is not Role.PATIENT:
        return {}
    return {"has_course": TreatmentCourse.objects.filter(patient__user=user).exists()}
