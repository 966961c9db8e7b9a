"""The models of the course of treatment, one module per capability, gathered here so that
the app label, the migrations and every table stay as they are."""

from __future__ import annotations

from treatment.checks.models import PreDoseCheck
from treatment.clinic.models import (
    DISSOCIATION_CHOICES,
    MEDICINE_CHOICES,
    REMS_MEDICATION_CHOICES,
    MonitoringRecord,
    Observation,
    record_is_signed,
)
from treatment.courses.models import (
    FOCUS_CHOICES,
    OUTCOME_CHOICES,
    ROUTE_CHOICES,
    SETTING_CHOICES,
    TRI_STATE_CHOICES,
    CourseEvent,
    CourseNote,
    ImmutableError,
    PrescribedDose,
    TreatmentCourse,
    TreatmentSession,
)
from treatment.followup.models import (
    SAFETY_QUESTIONS,
    FollowUpTask,
    PatientReminder,
    SafetyCheck,
    SessionAlert,
    UnsignedReminder,
)
from treatment.home.models import (
    LEVEL_CHOICES,
    SEVERITY_CHOICES,
    SIDE_EFFECT_CHOICES,
    SLOT_CHOICES,
    AfterDoseReading,
    HomeDose,
    MeasureSet,
    ReportedSideEffect,
)
from treatment.therapy.models import (
    MEETING_CHOICES,
    READINESS_CHOICES,
    IntegrationNote,
    Intention,
    PreparationNote,
    ReadinessAssessment,
    Reflection,
    TherapyMeeting,
)

__all__ = [
    "DISSOCIATION_CHOICES",
    "FOCUS_CHOICES",
    "LEVEL_CHOICES",
    "MEDICINE_CHOICES",
    "MEETING_CHOICES",
    "OUTCOME_CHOICES",
    "READINESS_CHOICES",
    "REMS_MEDICATION_CHOICES",
    "ROUTE_CHOICES",
    "SAFETY_QUESTIONS",
    "SETTING_CHOICES",
    "SEVERITY_CHOICES",
    "SIDE_EFFECT_CHOICES",
    "SLOT_CHOICES",
    "TRI_STATE_CHOICES",
    "AfterDoseReading",
    "CourseEvent",
    "CourseNote",
    "FollowUpTask",
    "HomeDose",
    "ImmutableError",
    "IntegrationNote",
    "Intention",
    "MeasureSet",
    "MonitoringRecord",
    "Observation",
    "PatientReminder",
    "PreDoseCheck",
    "PreparationNote",
    "PrescribedDose",
    "ReadinessAssessment",
    "Reflection",
    "ReportedSideEffect",
    "SafetyCheck",
    "SessionAlert",
    "TherapyMeeting",
    "TreatmentCourse",
    "TreatmentSession",
    "UnsignedReminder",
    "record_is_signed",
]
