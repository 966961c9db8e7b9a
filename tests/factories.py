"""Builders for users in each role, with patient profiles."""

from __future__ import annotations

import itertools
import time
from datetime import date, timedelta
from typing import Any

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.utils import timezone

from patients.intake.steps import SLUGS
from patients.models import IntakeDraft, Patient, Submission, User
from patients.roles import SECOND_FACTOR_ROLES, Role
from patients.services import (
    draft_open,
    patient_register,
    submission_create,
    totp_ensure,
    user_ensure,
)
from screening.review.models import Case
from tests.intake import CLEAN_ANSWERS

PASSWORD = "a-long-test-password"
TOTP_SECRET = "TESTSECRETFORSTAFFMFA234"
_numbers = itertools.count(1)


def make_user(role: Role, email: str | None = None, *, second_factor: bool = True) -> User:
    """A user in `role`; staff and therapists come with a TOTP second factor unless told
    otherwise."""
    email = email or f"{role.value}{next(_numbers)}@example.org"
    user = user_ensure(
        email=email, password=PASSWORD, first_name=role.label, last_name="Test", role=role
    )
    if role in SECOND_FACTOR_ROLES and second_factor:
        totp_ensure(user=user, secret=TOTP_SECRET)
    return user


def make_clinical_lead(email: str | None = None, role: Role = Role.CLINICIAN) -> User:
    """A clinician (by default) who may sign off rule sets."""
    from screening.rulesets.services import clinical_lead_grant

    user = make_user(role, email)
    clinical_lead_grant(user=user)
    return user


def preview_now(draft: Any, actor: User) -> None:
    """Run a rule set's impact preview to the end (its task is queued after commit)."""
    from django.test import TestCase

    from screening.rulesets.services import ruleset_preview_start

    with TestCase.captureOnCommitCallbacks(execute=True):
        ruleset_preview_start(draft=draft, actor=actor)


def totp_code(secret: str = TOTP_SECRET) -> str:
    code: str = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    return code


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


def make_case(patient: Patient | None = None, hours_ago: float = 0, **changes: Any) -> Case:
    """A submitted, screened case: a clean at-home candidate with `changes` to the answers.

    A change to `...` leaves that answer out.
    """
    patient = patient or make_patient()
    draft = draft_open(patient=patient)
    answers = {k: v for k, v in {**CLEAN_ANSWERS, **changes}.items() if v is not ...}
    IntakeDraft.objects.filter(pk=draft.pk).update(
        answers=answers, completed_steps=list(SLUGS), resume_step="review"
    )
    submission = submission_create(draft=draft)
    if hours_ago:
        when = timezone.now() - timedelta(hours=hours_ago)
        Submission.objects.filter(pk=submission.pk).update(submitted_at=when)
        Case.objects.filter(submission=submission).update(waiting_since=when)
    return Case.objects.select_related("submission__screening", "patient").get(
        submission=submission
    )
