"""The therapy around each dose: meetings, the patient's intention, readiness (which may hold
the dose), integration notes and reflections."""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from treatment.courses.models import FOCUS_CHOICES, ImmutableError, TreatmentSession, _Immutable
from treatment.rules.therapy import MeetingKind, Readiness

READINESS_CHOICES = [(Readiness.READY.value, "Ready"), (Readiness.NOT_READY.value, "Not ready")]


MEETING_CHOICES = [
    (MeetingKind.PREPARATION.value, "Preparation"),
    (MeetingKind.INTEGRATION.value, "Integration"),
]


class TherapyMeeting(models.Model):
    """The preparation before a dosing session, or the integration after it, on a day within
    its window (PREPARATION_WINDOW_DAYS, INTEGRATION_WINDOW_DAYS)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    session = models.ForeignKey(TreatmentSession, on_delete=models.PROTECT, related_name="meetings")
    kind = models.CharField(max_length=16, choices=MEETING_CHOICES)
    scheduled_for = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["scheduled_for", "pk"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["session", "kind"], name="one_meeting_of_a_kind")
        ]
        indexes: ClassVar = [models.Index(fields=["scheduled_for"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of session {self.session_id}"


class Intention(_Immutable):
    """The patient's intention for a session: read by the patient and their therapist only.
    A new one supersedes; the latest is shown."""

    session = models.ForeignKey(
        TreatmentSession, on_delete=models.PROTECT, related_name="intentions"
    )
    text = models.TextField()
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    written_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["-written_at", "-pk"]

    def __str__(self) -> str:
        return f"Intention {self.written_at:%Y-%m-%d}"


class ReadinessAssessment(models.Model):
    """The therapist's readiness for a dose, as assessed: never edited; a newer one
    supersedes. "Not ready" holds the dose like a check-in hold, and like it a clinician
    may override it once, with a reason."""

    session = models.ForeignKey(
        TreatmentSession, on_delete=models.PROTECT, related_name="readiness"
    )
    readiness = models.CharField(max_length=16, choices=READINESS_CHOICES)
    reason = models.TextField(blank=True)  # required for "not ready"
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    assessed_at = models.DateTimeField(default=timezone.now)
    override_reason = models.TextField(blank=True)
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    overridden_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["-assessed_at", "-pk"]

    def __str__(self) -> str:
        return f"Readiness: {self.readiness}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ImmutableError("A readiness assessment is never edited: make a new one")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableError("A readiness assessment is never deleted")

    @property
    def holds(self) -> bool:
        return self.readiness == Readiness.NOT_READY and self.overridden_at is None


MODALITY_CHOICES = [("in_person", "In person"), ("video", "Video"), ("phone", "Phone")]


class MeetingFields(models.Model):
    """When and how a preparation or integration meeting was held, and what was discussed.
    Notes written before these were asked have them empty."""

    held_at = models.DateTimeField(null=True, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(null=True, blank=True)
    modality = models.CharField(max_length=16, choices=MODALITY_CHOICES, blank=True)
    discussed = models.TextField(blank=True)

    class Meta:
        abstract = True


class PreparationNote(MeetingFields, _Immutable):
    """The therapist's session note of the preparation before a dose, as a numbered version:
    a correction is a new version."""

    session = models.ForeignKey(
        TreatmentSession, on_delete=models.PROTECT, related_name="preparation_notes"
    )
    version = models.PositiveSmallIntegerField(default=1)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    written_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["-version"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["session", "version"], name="one_preparation_version")
        ]

    def __str__(self) -> str:
        return f"Preparation note v{self.version}"


class IntegrationNote(MeetingFields, _Immutable):
    """The therapist's session note after a dose, with the sections of the template of the
    course's focus (kept with the note; a section left empty was not discussed), as a
    numbered version: a correction is a new version."""

    session = models.ForeignKey(
        TreatmentSession, on_delete=models.PROTECT, related_name="integration_notes"
    )
    version = models.PositiveSmallIntegerField(default=1)
    focus = models.CharField(max_length=24, choices=FOCUS_CHOICES)  # the template used
    sections = models.JSONField()  # section key -> text ("" when not discussed)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    written_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["-version"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["session", "version"], name="one_integration_version")
        ]

    def __str__(self) -> str:
        return f"Integration note v{self.version}"


class Reflection(_Immutable):
    """What the patient wrote after a dose, for their therapist and the clinic."""

    session = models.ForeignKey(
        TreatmentSession, on_delete=models.PROTECT, related_name="reflections"
    )
    text = models.TextField()
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    written_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["written_at", "pk"]

    def __str__(self) -> str:
        return f"Reflection {self.written_at:%Y-%m-%d}"
