from __future__ import annotations

import secrets
import uuid
from datetime import date
from typing import Any, ClassVar

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac


class EmailUserManager(UserManager["User"]):
    """Users sign in with their email address; there is no username."""

    def _create_user(self, email: str, password: str | None, **extra_fields: Any) -> User:
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(  # type: ignore[override]
        self, email: str, password: str | None = None, **extra_fields: Any
    ) -> User:
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(  # type: ignore[override]
        self, email: str, password: str | None = None, **extra_fields: Any
    ) -> User:
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    username = None  # type: ignore[assignment]
    email = models.EmailField("email address", unique=True)
    # Bumped by every change of second factor: the user's other sessions end.
    session_epoch = models.PositiveIntegerField(default=0, editable=False)
    # Bumped by every password-reset link sent: older links stop working.
    password_reset_generation = models.PositiveIntegerField(default=0, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects: ClassVar[EmailUserManager] = EmailUserManager()

    def __str__(self) -> str:
        return self.email

    def _get_session_auth_hash(self, secret: str | None = None) -> str:
        """Sessions carry this hash: it changes with the password and with the session epoch,
        and a session whose hash no longer matches is signed out."""
        value = self.password if not self.session_epoch else f"{self.password}|{self.session_epoch}"
        key_salt = "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash"
        return salted_hmac(key_salt, value, secret=secret, algorithm="sha256").hexdigest()


class Patient(models.Model):
    """The person behind an intake: name, date of birth and contact details."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="patient")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    given_name = models.CharField("first name", max_length=150)
    family_name = models.CharField("last name", max_length=150)
    date_of_birth = models.DateField()
    phone = models.CharField("phone number", max_length=32, blank=True)
    # The phone is a mobile and the patient asked for reminders by text (no health data).
    texts_ok = models.BooleanField("text me reminders", default=False)
    # The patient side's language, for pages and emails: the one signed up in, then the
    # switch's. Blank (accounts made before): the browser's, and English for emails.
    language = models.CharField(
        max_length=8, choices=[("en", "English"), ("es", "Español")], blank=True, default=""
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes: ClassVar = [
            # The Patients page's order, so that any page is read from the index (keyset).
            models.Index(fields=["family_name", "given_name", "id"], name="patient_name_order"),
            models.Index(fields=["date_of_birth"], name="patient_date_of_birth"),
        ]

    def __str__(self) -> str:
        return f"{self.given_name} {self.family_name}"

    def age_on(self, day: date) -> int:
        dob = self.date_of_birth
        return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


class IntakeDraft(models.Model):
    """Answers saved step by step until the patient submits; one open draft per patient."""

    class Status(models.TextChoices):
        OPEN = "open", "In progress"
        SUBMITTED = "submitted", "Submitted"

    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="drafts")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    # Valid answers in the engine's answer format, for the steps completed so far.
    answers = models.JSONField(default=dict, blank=True)
    # Steps saved at least once, and what a patient typed on a step they left
    # half-done by going back: kept so that no typed answer is ever lost.
    completed_steps = models.JSONField(default=list, blank=True)
    unsaved_inputs = models.JSONField(default=dict, blank=True)
    resume_step = models.CharField(max_length=32, blank=True)
    # Set when a safety answer calls for crisis resources: clinicians see the
    # draft as urgent even if it is never submitted.
    urgent_since = models.DateTimeField(null=True, blank=True)
    # Set when a clinician asked for more information about that submission.
    reopened_from = models.ForeignKey(
        "Submission", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The language the patient last answered a step in (the answers are the same codes in
    # every language): staff are told when it was not English.
    language = models.CharField(max_length=8, default="en")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["patient"],
                condition=models.Q(status="open"),
                name="one_open_draft_per_patient",
            )
        ]

    def __str__(self) -> str:
        return f"Draft {self.public_id}"


def new_case_number() -> str:
    """Eight random hex digits: opaque, yet short enough to read out on the phone."""
    return secrets.token_hex(4).upper()


class Submission(models.Model):
    """A submitted intake: the exact answers screened, frozen. Never updated."""

    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="submissions")
    draft = models.OneToOneField(IntakeDraft, on_delete=models.PROTECT, related_name="submission")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Short, opaque reference that a patient or clinician can read out or search.
    case_number = models.CharField(
        max_length=8, unique=True, editable=False, default=new_case_number
    )
    answers = models.JSONField()
    # The language the questionnaire was answered in (never part of the answer format).
    language = models.CharField(max_length=8, default="en")
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["-submitted_at"]
        indexes: ClassVar = [
            # The impact preview's and the dashboard's date ranges.
            models.Index(fields=["submitted_at"], name="submission_submitted_at"),
            # A patient's history, newest first.
            models.Index(fields=["patient", "-submitted_at"], name="submission_patient_history"),
        ]

    def __str__(self) -> str:
        return f"Case {self.case_number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError("A submission is immutable: it cannot be changed once made")
        super().save(*args, **kwargs)
