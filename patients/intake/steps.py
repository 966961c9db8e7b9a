"""The questionnaire's steps, in the order a patient meets them."""

from __future__ import annotations

from typing import Final

from django.http import Http404

from patients.intake.forms import (
    AboutYouForm,
    BloodPressureForm,
    ContactsForm,
    HomeSupportForm,
    MedicalHistoryForm,
    MedicationsForm,
    MentalHealthForm,
    MoodForm,
    SafetyForm,
    StepForm,
    SubstanceUseForm,
    TreatmentForm,
)
from screening.rules import InvalidAnswers, parse_answers
from screening.rules.answers import LATEST_FORMAT
from screening.rules.engine import missing_answers

STEPS: Final[tuple[type[StepForm], ...]] = (
    AboutYouForm,
    BloodPressureForm,
    MedicalHistoryForm,
    MedicationsForm,
    MentalHealthForm,
    SubstanceUseForm,
    MoodForm,
    SafetyForm,
    TreatmentForm,
    HomeSupportForm,
    ContactsForm,
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


def next_to_answer(slug: str, completed: list[str]) -> str:
    """Where "Save and continue" leads: the next step not yet done (a reopened questionnaire
    skips the steps the clinic did not ask about), else the review, which lists any left."""
    index = SLUGS.index(slug)
    return next((s for s in SLUGS[index + 1 :] if s not in completed), REVIEW)


def previous_slug(slug: str) -> str | None:
    index = SLUGS.index(slug) if slug in SLUGS else len(SLUGS)
    return SLUGS[index - 1] if index > 0 else None


def position(slug: str) -> int:
    """1-based position among the steps; the review page comes last."""
    return SLUGS.index(slug) + 1 if slug in SLUGS else len(SLUGS) + 1


TOTAL: Final = len(STEPS) + 1  # the steps and the review page


def steps_missing_answers(answers: dict[str, object]) -> set[str]:
    """Steps whose answers the engine still finds missing in the latest answer format.

    A step saved before it asked what it asks now (a format-1 draft), or one that
    an edit of an earlier step made incomplete (support person now yes, no
    contact yet), is done again.
    """
    try:
        parsed = parse_answers({**answers, "format": LATEST_FORMAT})
    except InvalidAnswers:  # saved steps are valid; were they not, ask them all again
        return set(SLUGS)
    missing = {name.split(".")[0].split(" ")[0] for name in missing_answers(parsed)}
    if parsed.bp_unavailable:  # "no monitor" is the blood-pressure step's answer
        missing.discard("bp_readings")
    return {step.slug for step in STEPS if missing & set(step.keys)}
