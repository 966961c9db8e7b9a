"""Demo cases for `make run`: submitted intakes across the three routes and a half-done draft."""

from __future__ import annotations

from datetime import date
from typing import Any

from patients.intake.steps import SLUGS
from patients.models import IntakeDraft, Patient, User
from patients.services import draft_open, patient_register, submission_create

CLEAN_CANDIDATE: dict[str, Any] = {
    "sex_at_birth": "female",
    "pregnant": "no",
    "breastfeeding": "no",
    "height_cm": 168,
    "weight_kg": 64.5,
    "bp_readings": [{"systolic": 122, "diastolic": 78}],
    "conditions": [],
    "ketamine_hypersensitivity": "no",
    "psychosis": "never",
    "mania": "no",
    "dissociative_disorder": "none",
    "aggression_history": "no",
    "substance_use": "none",
    "ketamine_misuse": "no",
    "audit_c": [1, 0, 0],
    "dast10": [False, False, True, False, False, False, False, False, False, False],
    "phq9": [2, 2, 2, 2, 2, 2, 2, 2, 0],
    "gad7": [2, 2, 2, 2, 1, 1, 1],
    "panic_disorder": "no",
    "cssrs": {
        "wish_dead": False,
        "suicidal_thoughts": False,
        "behavior_3_months": False,
        "behavior_lifetime": False,
    },
    "antidepressant_trials": 3,
    "home_safe": "yes",
    "support_person": "yes",
}
SUBMITTED_CASES = (
    CLEAN_CANDIDATE,  # at home
    CLEAN_CANDIDATE | {"support_person": "no"},  # in clinic
    CLEAN_CANDIDATE | {"bp_readings": [{"systolic": 182, "diastolic": 95}]},  # review, urgent
)
# The first four steps of a new questionnaire are done; the patient stopped there.
HALF_DONE_STEPS = SLUGS[:4]
HALF_DONE_KEYS = (
    "sex_at_birth",
    "pregnant",
    "breastfeeding",
    "height_cm",
    "weight_kg",
    "bp_readings",
    "conditions",
    "ketamine_hypersensitivity",
    "psychosis",
    "mania",
    "dissociative_disorder",
    "aggression_history",
)


def demo_patient_cases(user: User) -> Patient:
    """Give the demo patient a profile, three submitted cases and a half-finished draft, once."""
    patient = patient_register(
        user=user, given_name="Pat", family_name="Demo", date_of_birth=date(1991, 4, 23)
    )
    if patient.submissions.exists():
        return patient
    for answers in SUBMITTED_CASES:
        draft = draft_open(patient=patient)
        IntakeDraft.objects.filter(pk=draft.pk).update(
            answers=answers, completed_steps=list(SLUGS), resume_step="review"
        )
        submission_create(draft=draft)
    draft = draft_open(patient=patient)
    IntakeDraft.objects.filter(pk=draft.pk).update(
        answers={key: CLEAN_CANDIDATE[key] for key in HALF_DONE_KEYS},
        completed_steps=list(HALF_DONE_STEPS),
        resume_step=SLUGS[len(HALF_DONE_STEPS)],
    )
    return patient
