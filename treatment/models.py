"""The course of treatment after a clinician's decision: sessions, checks, records, tasks."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from patients.models import Patient
from screening.review.models import Case, CaseDecision
from treatment.rules import (
    Dissociation,
    Level,
    Outcome,
    Setting,
    Severity,
    SideEffect,
    Slot,
    is_adverse_event,
)
from treatment.rules.therapy import (
    FOCUS_LABELS,
    ROUTE_LABELS,
    Dose,
    MeetingKind,
    Readiness,
    Route,
)

SETTING_CHOICES = [(Setting.AT_HOME.value, "At home"), (Setting.IN_CLINIC.value, "In clinic")]
OUTCOME_CHOICES = [(o.value, o.value.capitalize()) for o in Outcome]
FOCUS_CHOICES = [(focus.value, label) for focus, label in FOCUS_LABELS.items()]
ROUTE_CHOICES = [(route.value, label) for route, label in ROUTE_LABELS.items()]
TRI_STATE_CHOICES = [("yes", "Yes"), ("no", "No"), ("unsure", "Not sure")]


class ImmutableError(ValueError):
    """A write to something the record-keeping rules say is never changed."""


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

    class Meta:
        ordering: ClassVar = ["scheduled_for", "number"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["course", "number"], name="one_session_number")
        ]
        indexes: ClassVar = [models.Index(fields=["scheduled_for"])]

    def __str__(self) -> str:
        return f"Session {self.number}"

    @property
    def in_clinic(self) -> bool:
        return self.setting == Setting.IN_CLINIC


class PreDoseCheck(models.Model):
    """One pre-dose check as made: answers, outcome, reasons and the limits used. Never edited.

    A clinician may override a hold once, with a reason; a newer check supersedes.
    """

    session = models.ForeignKey(TreatmentSession, on_delete=models.PROTECT, related_name="checks")
    setting = models.CharField(max_length=16, choices=SETTING_CHOICES)
    answers = models.JSONField()
    outcome = models.CharField(max_length=8, choices=OUTCOME_CHOICES)
    result = models.JSONField()  # reasons, baseline, ideation (PreDoseResult.as_dict)
    limits = models.JSONField()
    ruleset = models.CharField(max_length=64)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    checked_at = models.DateTimeField(default=timezone.now)
    override_reason = models.TextField(blank=True)
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    overridden_at = models.DateTimeField(null=True, blank=True)
    # At home a possible pregnancy is overridden only by a negative test taken that day.
    negative_test_on = models.DateField(null=True, blank=True)
    # In the clinic, a check after a call on the same session: the call it follows, who
    # assessed the patient in between, and what changed.
    follows_call = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    assessment = models.TextField(blank=True)

    class Meta:
        ordering: ClassVar = ["-checked_at", "-pk"]

    def __str__(self) -> str:
        return f"Pre-dose check: {self.outcome}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ImmutableError("A pre-dose check is never edited: make a new one")
        super().save(*args, **kwargs)

    @property
    def codes(self) -> list[str]:
        return [reason["code"] for reason in self.result.get("reasons", [])]

    @property
    def flags(self) -> list[dict[str, str]]:
        """Shown to clinicians, never holding the dose (a low or falling mood)."""
        return list(self.result.get("flags", []))

    @property
    def may_dose(self) -> bool:
        return self.outcome == Outcome.GO or self.overridden_at is not None

    @property
    def shown_outcome(self) -> str:
        return "go" if self.overridden_at else self.outcome


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
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signed_at = models.DateTimeField(null=True, blank=True)

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


# At home ----------------------------------------------------------------------------------

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


# Therapy around each dose ----------------------------------------------------------------

READINESS_CHOICES = [(Readiness.READY.value, "Ready"), (Readiness.NOT_READY.value, "Not ready")]
MEETING_CHOICES = [
    (MeetingKind.PREPARATION.value, "Preparation"),
    (MeetingKind.INTEGRATION.value, "Integration"),
]


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


class IntegrationNote(_Immutable):
    """The therapist's structured note after a dose, from the template of the course's focus
    (kept with the note), as a numbered version: a correction is a new version."""

    session = models.ForeignKey(
        TreatmentSession, on_delete=models.PROTECT, related_name="integration_notes"
    )
    version = models.PositiveSmallIntegerField(default=1)
    focus = models.CharField(max_length=24, choices=FOCUS_CHOICES)  # the template used
    sections = models.JSONField()  # section key -> text
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
