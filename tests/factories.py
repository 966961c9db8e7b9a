"""Builders for users in each role, with patient profiles."""

from __future__ import annotations

import itertools
from datetime import date

from patients.models import Patient, User
from patients.roles import Role
from patients.services import patient_register, user_ensure

PASSWORD = "a-long-test-password"
_numbers = itertools.count(1)


def make_user(role: Role, email: str | None = None) -> User:
    email = email or f"{role.value}{next(_numbers)}@example.org"
    return user_ensure(
        email=email, password=PASSWORD, first_name=role.label, last_name="Test", role=role
    )


def make_patient(
    email: str | None = None,
    date_of_birth: date = date(1990, 6, 15),
    given_name: str = "Robin",
    family_name: str = "Example",
) -> Patient:
    user = make_user(Role.PATIENT, email)
    return patient_register(
        user=user, given_name=given_name, family_name=family_name, date_of_birth=date_of_birth
    )
