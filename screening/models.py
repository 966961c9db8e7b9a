from __future__ import annotations

from typing import Any, ClassVar

from django.db import models

from patients.models import Submission
from screening.rules import Priority, Route


class ScreeningResult(models.Model):
    """The engine's decision on one submission, as made: never recomputed, never updated."""

    submission = models.OneToOneField(
        Submission, on_delete=models.PROTECT, related_name="screening"
    )
    route = models.CharField(max_length=32, choices=[(r.value, r.value) for r in Route])
    priority = models.CharField(max_length=16, choices=[(p.value, p.value) for p in Priority])
    # Section 5 decision JSON: fired rules with reasons, scores, rule-set version.
    decision = models.JSONField()
    ruleset = models.CharField(max_length=64)
    crisis_resources_shown = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes: ClassVar = [models.Index(fields=["priority", "created_at"])]

    def __str__(self) -> str:
        return f"{self.route} ({self.priority})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError("A screening result is immutable: it cannot be changed once made")
        super().save(*args, **kwargs)

    @property
    def fired(self) -> list[dict[str, str]]:
        fired: list[dict[str, str]] = self.decision["fired"]
        return fired


class ClinicianNotification(models.Model):
    """One email to clinicians about one case: written with the case, marked when sent.

    A row still unsent after its case was committed is a notification the
    broker or the mail server lost; it stays visible until delivered.
    """

    class Kind(models.TextChoices):
        SUBMISSION = "submission", "New case"
        URGENT_DRAFT = "urgent_draft", "Urgent answers in an unsubmitted intake"

    kind = models.CharField(max_length=32, choices=Kind.choices)
    submission = models.OneToOneField(
        Submission, null=True, blank=True, on_delete=models.CASCADE, related_name="notification"
    )
    draft = models.OneToOneField(
        "patients.IntakeDraft",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="urgent_notification",
    )
    priority = models.CharField(max_length=16, choices=[(p.value, p.value) for p in Priority])
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints: ClassVar = [
            models.CheckConstraint(
                condition=models.Q(submission__isnull=False) | models.Q(draft__isnull=False),
                name="notification_names_a_case",
            )
        ]
        indexes: ClassVar = [models.Index(fields=["sent_at"])]

    def __str__(self) -> str:
        return f"{self.kind} notification"
