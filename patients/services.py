"""Writes for accounts."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db import transaction

from patients.models import User
from patients.roles import Role


@transaction.atomic
def user_ensure(*, email: str, password: str, first_name: str, last_name: str, role: Role) -> User:
    """Create the user in `role`, or reset an existing one to these details."""
    user, _ = User.objects.get_or_create(email=email)
    user.first_name, user.last_name = first_name, last_name
    user.is_staff = user.is_superuser = role is Role.ADMIN
    user.set_password(password)
    user.save()
    group, _ = Group.objects.get_or_create(name=role.value)
    user.groups.set([group])
    return user
