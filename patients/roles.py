"""Roles are Django groups; a user's role decides what they may see.

Deny by default: a signed-in user has a role only when exactly one known role
applies (a superuser counts as an admin). A user in no role group, or in two,
has none and sees no data.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from allauth.mfa.models import Authenticator
from django.contrib.auth.models import AnonymousUser

from patients.models import User


class Role(StrEnum):
    PATIENT = "patient"
    CLINICIAN = "clinician"
    ADMIN = "admin"
    THERAPIST = "therapist"  # sees only the patients assigned to them

    @property
    def label(self) -> str:
        return self.value.capitalize()


# Staff work across the clinic's cases (the review queue, API tokens).
STAFF_ROLES = (Role.CLINICIAN, Role.ADMIN)
# Who signs in with a second factor: staff, and therapists (who see their own patients only).
SECOND_FACTOR_ROLES = (*STAFF_ROLES, Role.THERAPIST)
_NOT_LOOKED_UP = object()


def role_of(user: User | AnonymousUser | Any) -> Role | None:
    """The user's one role; None when signed out, or signed in without exactly one role."""
    if not user.is_authenticated:
        return None
    cached = getattr(user, "_role", _NOT_LOOKED_UP)
    if cached is not _NOT_LOOKED_UP:
        return cached  # type: ignore[return-value]
    names = {group.name for group in user.groups.all()}
    roles = {role for role in Role if role.value in names}
    if user.is_superuser:
        roles.add(Role.ADMIN)
    role = roles.pop() if len(roles) == 1 else None
    setattr(user, "_role", role)  # noqa: B010 (one group lookup per request)
    return role


def has_no_role(user: User | AnonymousUser | Any) -> bool:
    """Signed in, yet without exactly one known role: such a user sees no data."""
    return bool(user.is_authenticated) and role_of(user) is None


def has_second_factor(user: User | AnonymousUser | Any) -> bool:
    """The user has a TOTP second factor (recovery codes alone are no second factor)."""
    return bool(user.pk) and (
        Authenticator.objects.filter(user_id=user.pk, type=Authenticator.Type.TOTP).exists()
    )
