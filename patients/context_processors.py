from django.conf import settings
from django.http import HttpRequest

from config.clinic import opening_hours_text
from patients.middleware import idle_seconds
from patients.roles import Role, has_no_role, role_of


def role(request: HttpRequest) -> dict[str, Role | int | bool | None]:
    """The signed-in user's role (shown in the header), whether they have none, and
    their idle limit for the warning."""
    return {
        "role": role_of(request.user),
        "no_role": has_no_role(request.user),
        "idle_seconds": idle_seconds(request.user),
    }


def clinic(request: HttpRequest) -> dict[str, str | int]:
    """What the crisis resources promise: a review within the urgent limit, in opening hours."""
    return {
        "clinic_opening_hours": opening_hours_text(),
        "urgent_review_hours": settings.OVERDUE_AFTER_HOURS["urgent"],
    }
