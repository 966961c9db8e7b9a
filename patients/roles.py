"""Roles are Django groups; a user's role decides what they may see."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.contrib.auth.models import AnonymousUser

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
