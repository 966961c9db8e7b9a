"""Roles are Django groups; a user's role decides what they may see."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from functools import wraps
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from patients.models import User


class Role(StrEnum):
    PATIENT = "patient"
    CLINICIAN = "clinician"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return self.value.capitalize()


# Strongest first: a user in several groups acts in the strongest role.
ROLES_BY_STRENGTH = (Role.ADMIN, Role.CLINICIAN, Role.PATIENT)


STAFF_ROLES = (Role.CLINICIAN, Role.ADMIN)


def role_of(user: User | AnonymousUser | Any) -> Role | None:
    if not user.is_authenticated:
        return None
    cached: Role | str | None = getattr(user, "_role", "unknown")
    if cached != "unknown":
        return cached  # type: ignore[return-value]
    groups = {group.name for group in user.groups.all()}
    role = next((role for role in ROLES_BY_STRENGTH if role.value in groups), None)
    setattr(user, "_role", role)  # noqa: B010 (one group lookup per request)
    return role


View = Callable[..., HttpResponse]


def role_required(*roles: Role) -> Callable[[View], View]:
    """Only users in one of `roles` may use the view; others get 403 (sign-in comes first)."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if role_of(request.user) not in roles:
                raise PermissionDenied("Your role may not use this page")
            return view(request, *args, **kwargs)

        wrapped.allowed_roles = roles  # type: ignore[attr-defined]
        return wrapped

    return decorate
