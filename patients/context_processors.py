from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest

from config.clinic import opening_hours_text
from patients.middleware import idle_seconds
from patients.roles import Role, has_no_role, role_of


def role(request: HttpRequest) -> dict[str, Role | int | bool | None]:
    """The signed-in user's role (shown in the header), whether they are staff (a menu that
    collapses, no patients' crisis footer), whether they have none, and their idle limit for
    the warning."""
    # A request refused before the middleware ran (a 400 for a host not allowed) has no user.
    user = getattr(request, "user", AnonymousUser())
    role = role_of(user)
    return {
        "role": role,
        "staff": role is not None and role != Role.PATIENT,
        "no_role": has_no_role(user),
        "idle_seconds": idle_seconds(user),
    }


def clinic(request: HttpRequest) -> dict[str, str | int]:
    """What the crisis resources promise: a review within the urgent limit, in opening hours."""
    return {
        "clinic_opening_hours": opening_hours_text(),
        "urgent_review_hours": settings.OVERDUE_AFTER_HOURS["urgent"],
    }
