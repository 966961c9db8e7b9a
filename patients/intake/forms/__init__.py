"""One form per questionnaire step, by step family: the body and its readings, medicines, the
instruments, and the place and people of the sessions."""

from patients.intake.forms.base import StepForm
from patients.intake.forms.contacts import ContactsForm, HomeSupportForm
from patients.intake.forms.instruments import (
    MentalHealthForm,
    MoodForm,
    SafetyForm,
    SubstanceUseForm,
    TreatmentForm,
    phq9_gad7_fieldsets,
)
from patients.intake.forms.medicines import MedicalHistoryForm, MedicationsForm
from patients.intake.forms.readings import READING_LABELS, AboutYouForm, BloodPressureForm

__all__ = [
    "READING_LABELS",
    "AboutYouForm",
    "BloodPressureForm",
    "ContactsForm",
    "HomeSupportForm",
    "MedicalHistoryForm",
    "MedicationsForm",
    "MentalHealthForm",
    "MoodForm",
    "SafetyForm",
    "StepForm",
    "SubstanceUseForm",
    "TreatmentForm",
    "phq9_gad7_fieldsets",
]
