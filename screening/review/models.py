"""Cases in the clinicians' queue, their decisions, follow-ups and notifications."""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from patients.models import Patient, Submission
from screening.rules import Priority, Route


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
    # A draft is notified again if it calls for crisis resources after a clinician's contact.
    draft = models.ForeignKey(
        "patients.IntakeDraft",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="urgent_notifications",
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


QUEUE_RANKS = 9  # three routes times three priorities


def queue_rank_of(route_rank: int, priority_rank: int) -> int:
    """Flagged before in-clinic before at-home; urgent before high before routine."""
    return (2 - route_rank) * 3 + (2 - priority_rank)


class Case(models.Model):
    """A submission's place in the clinicians' queue: who holds it and where it stands."""

    class Status(models.TextChoices):
        AWAITING = "awaiting", "Awaiting review"
        CLAIMED = "claimed", "Claimed"
        AWAITING_PATIENT = "awaiting_patient", "Awaiting patient"
        DECIDED = "decided", "Decided"
        RESUBMITTED = "resubmitted", "Replaced by a newer submission"

    OPEN_STATUSES = (Status.AWAITING, Status.CLAIMED)

    submission = models.OneToOneField(Submission, on_delete=models.PROTECT, related_name="case")
    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="cases")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.AWAITING)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    # Bumped by every decision: a decision made on an older version is refused.
    version = models.PositiveIntegerField(default=0)
    waiting_since = models.DateTimeField(default=timezone.now)
    escalated_at = models.DateTimeField(null=True, blank=True)
    # Where the case sits in the queue, copied from its screening, which never changes:
    # 0 for a flagged urgent case, 8 for an at-home routine one (see queue_rank_of).
    # A case without a rank goes to the top of the queue: the safer place.
    queue_rank = models.PositiveSmallIntegerField(default=0)
    # When its latest decision was recorded: the order of the "decided" tab.
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes: ClassVar = [
            models.Index(fields=["status", "waiting_since"]),
            # The queue's order, so that a page is read from the index, never sorted.
            models.Index(
                fields=["status", "queue_rank", "waiting_since", "id"], name="case_queue_order"
            ),
            models.Index(fields=["status", "-decided_at", "-id"], name="case_decided_order"),
            models.Index(fields=["patient", "status"], name="case_patient_status"),
        ]
        constraints: ClassVar = [
            models.CheckConstraint(
                condition=models.Q(queue_rank__lt=QUEUE_RANKS), name="case_queue_rank_in_range"
            ),
            models.CheckConstraint(
                condition=models.Q(
                    status__in=["awaiting", "claimed", "awaiting_patient", "decided", "resubmitted"]
                ),
                name="case_status_known",
            ),
        ]

    def __str__(self) -> str:
        return f"Case {self.submission.case_number}"

    @property
    def public_id(self) -> uuid.UUID:
        return self.submission.public_id


class CaseDecision(models.Model):
    """A clinician's decision on a case. Never edited: a newer decision supersedes it."""

    class Outcome(models.TextChoices):
        CONFIRM_AT_HOME = "confirm_at_home", "Confirm at-home program"
        REFER_IN_CLINIC = "refer_in_clinic", "Refer for in-clinic treatment"
        DECLINE = "decline", "Decline"
        REQUEST_INFO = "request_info", "Request more information"

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="decisions")
    clinician = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="case_decisions"
    )
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    engine_route = models.CharField(max_length=32, choices=[(r.value, r.value) for r in Route])
    overrides_engine = models.BooleanField(default=False)
    reason = models.TextField(blank=True)
    # For REQUEST_INFO: what the patient is asked, and the questionnaire steps reopened.
    info_needed = models.TextField(blank=True)
    reopened_steps = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.get_outcome_display()

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError("A decision is never edited: record a new one instead")
        super().save(*args, **kwargs)


class UrgentDraftContact(models.Model):
    """A clinician reached the patient of an urgent, unsubmitted intake: it leaves the list."""

    draft = models.ForeignKey(
        "patients.IntakeDraft", on_delete=models.PROTECT, related_name="urgent_contacts"
    )
    clinician = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    note = models.TextField()
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"Contact {self.at:%Y-%m-%d %H:%M}"


class DigestSent(models.Model):
    """One daily digest per clinician per day: a re-run of the task sends nothing twice."""

    clinician = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    day = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["clinician", "day"], name="one_digest_a_day")
        ]

    def __str__(self) -> str:
        return f"Digest {self.day}"
