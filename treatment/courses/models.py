"""A course of treatment and its sessions, events, notes and prescribed doses; what every
capability shares (choices, and the base of the rows never edited)."""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from patients.models import Patient
from screening.review.models import Case, CaseDecision
from treatment.rules import Outcome, Setting
from treatment.rules.board import BOARD_RANKS
from treatment.rules.therapy import FOCUS_LABELS, ROUTE_LABELS, Dose, Route

SETTING_CHOICES = [(Setting.AT_HOME.value, "At home"), (Setting.IN_CLINIC.value, "In clinic")]


OUTCOME_CHOICES = [(o.value, o.value.capitalize()) for o in Outcome]


FOCUS_CHOICES = [(focus.value, label) for focus, label in FOCUS_LABELS.items()]


ROUTE_CHOICES = [(route.value, label) for route, label in ROUTE_LABELS.items()]


TRI_STATE_CHOICES = [("yes", "Yes"), ("no", "No"), ("unsure", "Not sure")]


class ImmutableError(ValueError):
    """A write to something the record-keeping rules say is never changed."""


class _Immutable(models.Model):
    """A patient's report as made: never edited, never deleted."""

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ImmutableError(f"A {self._meta.verbose_name} is never edited")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableError(f"A {self._meta.verbose_name} is never deleted")


class TreatmentCourse(models.Model):
    """A patient's course of treatment; at most one open (or paused) course per patient."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        PAUSED = "paused", "Paused"
        ENDED = "ended", "Ended"

    ACTIVE_STATUSES = (Status.OPEN, Status.PAUSED)

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="courses")
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.PROTECT, related_name="courses"
    )
    decision = models.ForeignKey(
        CaseDecision, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    setting = models.CharField(max_length=16, choices=SETTING_CHOICES)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    status_reason = models.TextField(blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    opened_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    # The therapy around the doses: who prepares and integrates them with the patient, why
    # the patient came (it chooses the integration template) and the patient's own goals.
    therapist = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="therapy_courses",
    )
    focus = models.CharField(max_length=24, choices=FOCUS_CHOICES, blank=True)
    focus_detail = models.CharField(max_length=200, blank=True)  # what "other" is
    goals = models.JSONField(default=list, blank=True)  # up to three, in the patient's words
    goals_written_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["patient"],
                condition=models.Q(status__in=["open", "paused"]),
                name="one_open_course_per_patient",
            )
        ]
        indexes: ClassVar = [models.Index(fields=["status"])]

    def __str__(self) -> str:
        return f"Course {self.public_id}"


class CourseEvent(models.Model):
    """The history of a course: opened, scheduled, paused, resumed, ended, with the reason."""

    class Action(models.TextChoices):
        OPENED = "opened", "Opened"
        SCHEDULED = "scheduled", "Scheduled sessions"
        PAUSED = "paused", "Paused"
        RESUMED = "resumed", "Resumed"
        ENDED = "ended", "Ended"
        THERAPY = "therapy", "Therapist or focus set"

    course = models.ForeignKey(TreatmentCourse, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=16, choices=Action.choices)
    reason = models.TextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["-at", "-pk"]

    def __str__(self) -> str:
        return self.get_action_display()


class TreatmentSession(models.Model):
    """One scheduled dosing session of a course, at home or in the clinic."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    course = models.ForeignKey(TreatmentCourse, on_delete=models.PROTECT, related_name="sessions")
    number = models.PositiveSmallIntegerField()
    scheduled_for = models.DateField()
    setting = models.CharField(max_length=16, choices=SETTING_CHOICES)
    created_at = models.DateTimeField(default=timezone.now)
    # The today board's state and rank (treatment.rules.board), written with the rows they
    # derive from by treatment.sessions.board; a dose in the clinic is ready to leave
    # between the two times (read against the clock, never rewritten by it).
    board_state = models.CharField(max_length=16, default="waiting", editable=False)
    board_rank = models.PositiveSmallIntegerField(default=BOARD_RANKS["waiting"], editable=False)
    board_ready_from = models.DateTimeField(null=True, editable=False)
    board_ready_until = models.DateTimeField(null=True, editable=False)

    class Meta:
        ordering: ClassVar = ["scheduled_for", "number"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["course", "number"], name="one_session_number")
        ]
        indexes: ClassVar = [
            models.Index(fields=["scheduled_for"]),
            # The board: one day's sessions, what needs a clinician first.
            models.Index(fields=["scheduled_for", "board_rank"], name="session_board_order"),
        ]

    def __str__(self) -> str:
        return f"Session {self.number}"

    @property
    def in_clinic(self) -> bool:
        return self.setting == Setting.IN_CLINIC


class CourseNote(models.Model):
    """A clinician's note on a course."""

    course = models.ForeignKey(TreatmentCourse, on_delete=models.PROTECT, related_name="notes")
    text = models.TextField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"Note {self.at:%Y-%m-%d}"


class PrescribedDose(_Immutable):
    """A session's prescribed dose and route, as a numbered version: a change is a new
    version with the clinician's reason, and the latest is the one in force."""

    session = models.ForeignKey(
        TreatmentSession, on_delete=models.PROTECT, related_name="prescriptions"
    )
    version = models.PositiveSmallIntegerField(default=1)
    dose_mg = models.DecimalField(max_digits=6, decimal_places=1)
    route = models.CharField(max_length=16, choices=ROUTE_CHOICES)
    reason = models.TextField(blank=True)  # empty for the first version only
    prescribed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    prescribed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["-version"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["session", "version"], name="one_prescription_version")
        ]

    def __str__(self) -> str:
        return f"Prescribed dose v{self.version}"

    @property
    def dose(self) -> Dose:
        return Dose(self.dose_mg, Route(self.route))
