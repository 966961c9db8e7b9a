"""Demo data for `make run`: a queue with every route and priority, and a patient's journey."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from patients.intake.steps import SLUGS, STEPS
from patients.models import IntakeDraft, Patient, Submission, User
from patients.roles import Role
from patients.services import draft_open, patient_register, submission_create, user_ensure
from screening.review.models import Case

# A clean at-home candidate, as the questionnaire saves it (answer format 2).
CLEAN_CANDIDATE: dict[str, Any] = {
    "format": 2,
    "sex_at_birth": "female",
    "pregnant": "no",
    "breastfeeding": "no",
    "height_cm": 168.0,
    "weight_kg": 64.5,
    "bp_readings": [
        {"systolic": 122, "diastolic": 78, "heart_rate": 72},
        {"systolic": 120, "diastolic": 76, "heart_rate": 70},
    ],
    "conditions": [],
    "ketamine_hypersensitivity": "no",
    "medications": ["none"],
    "psychosis": "never",
    "mania": "no",
    "dissociative_diagnosed": "no",
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
        "behavior_lifetime": False,
        "behavior_3_months": False,
    },
    "antidepressant_trials": 3,
    "home_safe": "yes",
    "support_person": "yes",
    "emergency_contact": {"name": "Jamie Example", "phone": "+1 555 010 0100"},
    "support_person_contact": {"name": "Casey Example", "phone": "(555) 010-0101"},
    "session_location": "12 Elm Street, Springfield",
}
FORMAT_2_KEYS = (
    "format",
    "medications",
    "dissociative_diagnosed",
    "emergency_contact",
    "support_person_contact",
    "session_location",
)


def as_format_1(answers: dict[str, Any]) -> dict[str, Any]:
    """The same answers as the questionnaire saved them before answer format 2."""
    earlier = {k: v for k, v in answers.items() if k not in FORMAT_2_KEYS}
    earlier["bp_readings"] = [
        {"systolic": r["systolic"], "diastolic": r["diastolic"]} for r in answers["bp_readings"]
    ]
    return earlier


CRISIS_BP = {
    "bp_readings": [
        {"systolic": 182, "diastolic": 95, "heart_rate": 88},
        {"systolic": 176, "diastolic": 94, "heart_rate": 86},
    ]
}
PASSIVE_WISH = {
    "cssrs": CLEAN_CANDIDATE["cssrs"] | {"wish_dead": True},
    "phq9": [2, 2, 2, 2, 2, 2, 2, 1, 1],
}
PAST_ATTEMPT_AND_SEDATIVES = {
    "cssrs": CLEAN_CANDIDATE["cssrs"] | {"behavior_lifetime": True},
    "medications": ["benzodiazepine", "ssri_snri", "other"],
    "medications_other": ["Omeprazole"],
    "medication_details": [
        {"class": "benzodiazepine", "name": "Lorazepam", "dose": "1 mg", "frequency": "as_needed"},
        {"class": "ssri_snri", "name": "Sertraline", "dose": "100 mg", "frequency": "once_daily"},
    ],
}
NO_MONITOR = {"bp_unavailable": True, "bp_readings": None}  # None: the answer is left out
HALF_DONE_STEPS = SLUGS[:4]
HALF_DONE_KEYS = ("format", *(key for step in STEPS[:4] for key in step.keys))

# (email, first name, last name, [(changes to the clean answers, days ago submitted), ...])
QUEUE_PATIENTS: tuple[tuple[str, str, str, list[tuple[dict[str, Any], float]]], ...] = (
    ("jordan@example.com", "Jordan", "Lee", [(CRISIS_BP, 0.2)]),  # urgent, overdue
    ("alex@example.com", "Alex", "Kim", [({"substance_use": "active"}, 0.5)]),  # high
    ("sam@example.com", "Sam", "Patel", [(PASSIVE_WISH, 1.5)]),  # in clinic, high, overdue
    ("chris@example.com", "Chris", "Diaz", [({"mania": "yes"}, 2)]),  # review, routine
    ("riley@example.com", "Riley", "Nguyen", [(PAST_ATTEMPT_AND_SEDATIVES, 0.3)]),  # review, high
    ("dana@example.com", "Dana", "Okafor", [(NO_MONITOR, 1)]),  # review: no blood pressure
    (
        "morgan@example.com",
        "Morgan",
        "Reyes",
        [  # earlier submissions: the case page charts PHQ-9 and GAD-7
            ({"phq9": [3, 3, 3, 2, 2, 2, 2, 2, 0], "gad7": [3, 3, 2, 2, 2, 2, 2]}, 120),
            ({"phq9": [3, 2, 2, 2, 2, 2, 2, 2, 0], "gad7": [2, 2, 2, 2, 2, 2, 2]}, 60),
            ({}, 4),  # at home, routine, overdue
        ],
    ),
)
# Morgan's first submission predates answer format 2.
FORMAT_1_SUBMISSIONS = {("morgan@example.com", 0)}


def _submit(patient: Patient, answers: dict[str, Any], days_ago: float = 0) -> Submission:
    draft = draft_open(patient=patient)
    IntakeDraft.objects.filter(pk=draft.pk).update(
        answers=answers, completed_steps=list(SLUGS), resume_step="review"
    )
    submission = submission_create(draft=draft)
    if days_ago:
        when = timezone.now() - timedelta(days=days_ago)
        Submission.objects.filter(pk=submission.pk).update(submitted_at=when)
        Case.objects.filter(submission=submission).update(waiting_since=when)
    return submission


def demo_patient_cases(user: User) -> Patient:
    """Give the demo patient a profile, three submitted cases and a half-finished draft, once."""
    patient = patient_register(
        user=user,
        given_name="Pat",
        family_name="Demo",
        date_of_birth=date(1991, 4, 23),
        phone="(555) 010-0199",
    )
    if patient.submissions.exists():
        return patient
    for changes in ({}, {"support_person": "no"}, CRISIS_BP):
        _submit(patient, CLEAN_CANDIDATE | changes)
    draft = draft_open(patient=patient)
    IntakeDraft.objects.filter(pk=draft.pk).update(
        answers={key: CLEAN_CANDIDATE[key] for key in HALF_DONE_KEYS if key in CLEAN_CANDIDATE},
        completed_steps=list(HALF_DONE_STEPS),
        resume_step=SLUGS[len(HALF_DONE_STEPS)],
    )
    return patient


def demo_queue(password: str) -> None:
    """More patients, so the queue shows every route and priority and overdue cases."""
    for email, given_name, family_name, cases in QUEUE_PATIENTS:
        user = user_ensure(
            email=email,
            password=password,
            first_name=given_name,
            last_name=family_name,
            role=Role.PATIENT,
        )
        patient = patient_register(
            user=user,
            given_name=given_name,
            family_name=family_name,
            date_of_birth=date(1985, 9, 1),
            phone="(555) 010-0142",
        )
        if patient.submissions.exists():
            continue
        for number, (changes, days_ago) in enumerate(cases):
            answers = {k: v for k, v in (CLEAN_CANDIDATE | changes).items() if v is not None}
            if (email, number) in FORMAT_1_SUBMISSIONS:
                answers = as_format_1(answers)
            _submit(patient, answers, days_ago)
