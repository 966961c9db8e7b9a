"""The in-clinic session record: versions that are signed and amended, never edited, and the
observations that decide discharge."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from treatment.checks.models import PreDoseCheck
from treatment.courses.models import ImmutableError, TreatmentSession
from treatment.rules import Dissociation

MEDICINE_CHOICES = [
    ("ketamine_iv", "Ketamine IV"),
    ("ketamine_im", "Ketamine IM"),
    ("ketamine_sublingual", "Ketamine sublingual"),
    ("esketamine_nasal", "Esketamine nasal spray"),
]


# The REMS form asks whether the patient takes any of these.
REMS_MEDICATION_CHOICES = [
    ("benzodiazepine", "Benzodiazepines"),
    ("other_sedative", "Other sedative hypnotics"),
    ("stimulant", "Psychostimulants"),
    ("maoi", "MAOIs"),
    ("none", "None of these"),
]


class MonitoringRecord(models.Model):
    """The in-clinic monitoring record of one session, as a numbered version.

    A signed version is never changed: an amendment is a new version that names
    the one it amends and says why.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    session = models.ForeignKey(TreatmentSession, on_delete=models.PROTECT, related_name="records")
    version = models.PositiveSmallIntegerField(default=1)
    amends = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="amended_by"
    )
    amendment_reason = models.TextField(blank=True)
    pre_dose_check = models.ForeignKey(
        PreDoseCheck, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    rems_medications = models.JSONField(null=True, blank=True)
    # The prescription version in force when the dose was recorded (None before prescriptions).
    prescription = models.ForeignKey(
        "PrescribedDose", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    medicine = models.CharField(max_length=32, choices=MEDICINE_CHOICES, blank=True)
    dose_mg = models.DecimalField(max_digits=6, decimal_places=1, null=True, blank=True)
    lot_number = models.CharField(max_length=64, blank=True)
    dosed_at = models.DateTimeField(null=True, blank=True)
    escort_present = models.BooleanField(null=True, blank=True)
    ready_at = models.DateTimeField(null=True, blank=True)
    discharged_at = models.DateTimeField(null=True, blank=True)
    early_discharge_reason = models.TextField(blank=True)
    # Who took the patient home (a name), and whether aftercare instructions were given.
    escort_name = models.CharField(max_length=200, blank=True)
    aftercare_given = models.BooleanField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signed_at = models.DateTimeField(null=True, blank=True)
    # What the signer attested, in the words they ticked.
    signed_statement = models.TextField(blank=True)

    class Meta:
        ordering: ClassVar = ["-version"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["session", "version"], name="one_record_version")
        ]
        indexes: ClassVar = [models.Index(fields=["signed_at"])]

    def __str__(self) -> str:
        return f"Monitoring record v{self.version}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding and record_is_signed(self.pk):
            raise ImmutableError("A signed record is never changed: amend it instead")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableError("A monitoring record is never deleted")

    @property
    def total_monitoring(self) -> timedelta | None:
        if self.dosed_at and self.discharged_at:
            return self.discharged_at - self.dosed_at
        return None


def record_is_signed(record_id: int) -> bool:
    return MonitoringRecord.objects.filter(pk=record_id, signed_at__isnull=False).exists()


DISSOCIATION_CHOICES = [(d.value, d.value.capitalize()) for d in Dissociation]


class Observation(models.Model):
    """Vital signs, sedation and dissociation at one moment after the dose."""

    record = models.ForeignKey(
        MonitoringRecord, on_delete=models.PROTECT, related_name="observations"
    )
    taken_at = models.DateTimeField()
    systolic = models.PositiveSmallIntegerField()
    diastolic = models.PositiveSmallIntegerField()
    heart_rate = models.PositiveSmallIntegerField()
    spo2 = models.PositiveSmallIntegerField()
    moaas = models.PositiveSmallIntegerField()
    dissociation = models.CharField(max_length=16, choices=DISSOCIATION_CHOICES)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["taken_at", "pk"]

    def __str__(self) -> str:
        return f"Observation at {self.taken_at:%H:%M}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if record_is_signed(self.record_id):
            raise ImmutableError("A signed record is never changed: amend it instead")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableError("An observation is never deleted")
