"""What the patient records at home: the dose, the readings after it, side effects, and the
PHQ-9 and GAD-7 of the course. Never edited."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from treatment.checks.models import PreDoseCheck
from treatment.courses.models import (
    TRI_STATE_CHOICES,
    TreatmentCourse,
    TreatmentSession,
    _Immutable,
)
from treatment.rules import Level, Severity, SideEffect, Slot, is_adverse_event

SLOT_CHOICES = [
    (Slot.FIRST.value, "About 40 minutes"),
    (Slot.REPEAT.value, "Read again"),
    (Slot.LAST.value, "About 2 hours"),
]


LEVEL_CHOICES = [(level.value, level.value.replace("_", " ").capitalize()) for level in Level]


SIDE_EFFECT_CHOICES = [
    (SideEffect.NAUSEA.value, "Nausea"),
    (SideEffect.VOMITING.value, "Vomiting"),
    (SideEffect.DISSOCIATION.value, "Dissociation that has not passed"),
    (SideEffect.BLADDER_PAIN.value, "Bladder pain"),
    (SideEffect.CONFUSION.value, "Confusion"),
    (SideEffect.VERY_SLEEPY.value, "Very sleepy or hard to wake"),
    (SideEffect.BREATHING.value, "Breathing slow or noisy"),
    (SideEffect.OTHER.value, "Other"),
]


SEVERITY_CHOICES = [(s.value, s.value.capitalize()) for s in Severity]


class HomeDose(_Immutable):
    """The patient started an at-home session: when the dose was taken, after which check."""

    session = models.OneToOneField(
        TreatmentSession, on_delete=models.PROTECT, related_name="home_dose"
    )
    pre_dose_check = models.ForeignKey(PreDoseCheck, on_delete=models.PROTECT, related_name="+")
    # The prescription version the patient was shown after the go (None before prescriptions).
    prescription = models.ForeignKey(
        "PrescribedDose", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    dosed_at = models.DateTimeField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"At-home dose at {self.dosed_at:%H:%M}"


class AfterDoseReading(_Immutable):
    """One reading the patient takes at home after the dose (40 minutes, its repeat, 2 hours),
    with the support person's answers and its level."""

    dose = models.ForeignKey(HomeDose, on_delete=models.PROTECT, related_name="readings")
    slot = models.CharField(max_length=8, choices=SLOT_CHOICES)
    taken_at = models.DateTimeField()
    systolic = models.PositiveSmallIntegerField()
    diastolic = models.PositiveSmallIntegerField()
    heart_rate = models.PositiveSmallIntegerField()
    # The support person's answers: wakes easily and answers; breathing normal (yes, no,
    # unsure; blank before these were asked).
    wakes_easily = models.CharField(max_length=8, choices=TRI_STATE_CHOICES, blank=True)
    breathing_normal = models.CharField(max_length=8, choices=TRI_STATE_CHOICES, blank=True)
    level = models.CharField(max_length=16, choices=LEVEL_CHOICES)
    text = models.CharField(max_length=200, blank=True)  # for clinicians
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering: ClassVar = ["taken_at", "pk"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["dose", "slot"], name="one_reading_per_slot")
        ]

    def __str__(self) -> str:
        return f"After-dose reading ({self.slot})"

    @property
    def urgent(self) -> bool:
        return Level(self.level).urgent


class ReportedSideEffect(_Immutable):
    """A side effect the patient reported after an at-home dose; severe is an adverse event."""

    session = models.ForeignKey(
        TreatmentSession, on_delete=models.PROTECT, related_name="side_effects"
    )
    effect = models.CharField(max_length=16, choices=SIDE_EFFECT_CHOICES)
    severity = models.CharField(max_length=8, choices=SEVERITY_CHOICES)
    description = models.CharField(max_length=200, blank=True)  # what "other" was
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["reported_at", "pk"]
        indexes: ClassVar = [models.Index(fields=["severity"])]

    def __str__(self) -> str:
        return f"{self.get_effect_display()} ({self.severity})"

    @property
    def adverse(self) -> bool:
        return is_adverse_event(Severity(self.severity), SideEffect(self.effect))


class MeasureSet(_Immutable):
    """PHQ-9 and GAD-7 answered together during a course, once per due key."""

    course = models.ForeignKey(TreatmentCourse, on_delete=models.PROTECT, related_name="measures")
    key = models.CharField(max_length=16)  # "session-3", "month-2"
    session = models.ForeignKey(
        TreatmentSession, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    phq9 = models.JSONField()  # 9 item scores
    gad7 = models.JSONField()  # 7 item scores
    difficulty = models.JSONField(default=dict)  # the unscored item: {"phq9": ..., "gad7": ...}
    phq9_total = models.PositiveSmallIntegerField()
    gad7_total = models.PositiveSmallIntegerField()
    phq9_item9 = models.PositiveSmallIntegerField()
    alerts = models.JSONField(default=list)  # [{"code", "text"}], for clinicians
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["recorded_at", "pk"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["course", "key"], name="one_measure_set_per_key")
        ]

    def __str__(self) -> str:
        return f"Measures {self.key}"
