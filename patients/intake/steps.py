"""The questionnaire's steps, in the order a patient meets them."""

from __future__ import annotations

from typing import Final

from django.http import Http404

from patients.intake.forms import (
    AboutYouForm,
    BloodPressureForm,
    HomeSupportForm,
    MedicalHistoryForm,
    MentalHealthForm,
    MoodForm,
    SafetyForm,
    StepForm,
    SubstanceUseForm,
    TreatmentForm,
)

STEPS: Final[tuple[type[StepForm], ...]] = (
    AboutYouForm,
    BloodPressureForm,
    MedicalHistoryForm,
    MentalHealthForm,
    SubstanceUseForm,
    MoodForm,
    SafetyForm,
    TreatmentForm,
    HomeSupportForm,
)
SLUGS: Final = tuple(step.slug for step in STEPS)
REVIEW: Final = "review"
# Saving one of these may reveal answers that call for crisis resources at once.
SAFETY_CHECKED_STEPS: Final = frozenset({MoodForm.slug, SafetyForm.slug})


def step_form(slug: str) -> type[StepForm]:
    for step in STEPS:
        if step.slug == slug:
            return step
    raise Http404("No such step")


def next_slug(slug: str) -> str:
    index = SLUGS.index(slug)
    return SLUGS[index + 1] if index + 1 < len(SLUGS) else REVIEW


def previous_slug(slug: str) -> str | None:
    index = SLUGS.index(slug) if slug in SLUGS else len(SLUGS)
    return SLUGS[index - 1] if index > 0 else None


def position(slug: str) -> int:
    """1-based position among the steps; the review page comes last."""
    return SLUGS.index(slug) + 1 if slug in SLUGS else len(SLUGS) + 1


TOTAL: Final = len(STEPS) + 1  # the steps and the review page
