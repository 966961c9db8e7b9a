"""Follow-up: urgent alerts on a session, tasks with deadlines, the monthly safety check and
the reminders sent (each once)."""

from __future__ import annotations

import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from treatment.clinic.models import MonitoringRecord, Observation
from treatment.courses.models import TreatmentCourse


class SessionAlert(models.Model):
    """An urgent alert, shown on the today board until acknowledged.

    In the clinic it comes from an observation of the record; at home from a
    reading or a severe side effect the patient reported.
    """

    session = models.ForeignKey("TreatmentSession", on_delete=models.PROTECT, related_name="alerts")
    record = models.ForeignKey(
        MonitoringRecord, null=True, blank=True, on_delete=models.PROTECT, related_name="alerts"
    )
    observation = models.ForeignKey(
        Observation, null=True, blank=True, on_delete=models.PROTECT, related_name="alerts"
    )
    code = models.CharField(max_length=32)
    text = models.CharField(max_length=200)
    opened_at = models.DateTimeField(default=timezone.now)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["opened_at", "pk"]
        indexes: ClassVar = [models.Index(fields=["acknowledged_at"])]

    def __str__(self) -> str:
        return self.code


class FollowUpTask(models.Model):
    """Something a clinician must do about a patient by a deadline; escalates when it passes."""

    class Kind(models.TextChoices):
        SUICIDAL_IDEATION = "suicidal_ideation", "Suicidal ideation reported"
        SAFETY_CHECK = "safety_check", "Long-term safety check: a yes"
        VITALS_URGENT = "vitals_urgent", "Blood pressure or heart rate at home needs a call"
        ADVERSE_EVENT = "adverse_event", "Severe side effect reported (adverse event)"
        MEASURE_RISE = "measure_rise", "PHQ-9 or GAD-7 rose by 5 or more"
        MISSED_READING = "missed_reading", "A reading at home after a dose did not come"
        PLAN_REVIEW = "plan_review", "PHQ-9 fallen less than 20% by session 4: review the plan"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    course = models.ForeignKey(TreatmentCourse, on_delete=models.PROTECT, related_name="tasks")
    kind = models.CharField(max_length=32, choices=Kind.choices)
    # What raised it (e.g. "check:12"): the same source never raises two tasks.
    source = models.CharField(max_length=64)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    due_at = models.DateTimeField()
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    resolution = models.TextField(blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)
    # Urgent (a call, a crisis-level reading, a severe side effect): clinicians are told at
    # once, not when the deadline passes; notified_at says the email went.
    urgent = models.BooleanField(default=False)
    notified_at = models.DateTimeField(null=True, blank=True)
    # When a clinician first answered it (took it over or closed it): an urgent task of a
    # missed reading unanswered for long escalates.
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["due_at", "pk"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["kind", "source"], name="one_task_per_source")
        ]
        indexes: ClassVar = [models.Index(fields=["done_at", "due_at"])]

    def __str__(self) -> str:
        return self.get_kind_display()


SAFETY_QUESTIONS = (
    ("urinary_frequency", "Needing to pass urine more often than before"),
    ("urinary_urgency", "Sudden, urgent need to pass urine"),
    ("urinary_pain", "Pain or burning when passing urine, or pain in the bladder"),
    ("urinary_blood", "Blood in the urine"),
    ("memory", "Worries about memory or concentration"),
    ("craving", "Craving ketamine between sessions"),
    ("use_outside", "Using ketamine outside the sessions"),
)


class SafetyCheck(models.Model):
    """The monthly long-term safety check of a course longer than a month."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    course = models.ForeignKey(
        TreatmentCourse, on_delete=models.PROTECT, related_name="safety_checks"
    )
    answers = models.JSONField()  # question -> "yes" / "no" / "unsure"
    concerns = models.JSONField(default=list)  # the questions answered yes or unsure
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["-recorded_at", "-pk"]

    def __str__(self) -> str:
        return f"Safety check {self.recorded_at:%Y-%m-%d}"


class UnsignedReminder(models.Model):
    """One reminder of unsigned records per clinician per day: a re-run sends nothing twice."""

    clinician = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    day = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["clinician", "day"], name="one_unsigned_reminder_a_day")
        ]

    def __str__(self) -> str:
        return f"Unsigned-record reminder {self.day}"


class PatientReminder(models.Model):
    """One email reminder per due item (a check-in, a reading, measures): never sent twice."""

    class Kind(models.TextChoices):
        CHECK_IN = "check_in", "Pre-session check-in open"
        READING = "reading", "After-dose reading due"
        MEASURES = "measures", "Questionnaires due"
        SESSION = "session", "Session at the clinic soon"
        PREPARATION = "preparation", "Preparation meeting soon"
        INTEGRATION = "integration", "Integration meeting soon"

    course = models.ForeignKey(TreatmentCourse, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    key = models.CharField(max_length=64, unique=True)  # e.g. "check_in:12", "reading:4:last"
    sent_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.key
