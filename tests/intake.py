"""Form posts for each questionnaire step: a clean at-home candidate, changed by keyword."""

from __future__ import annotations

from typing import Any

from patients.demo import CLEAN_CANDIDATE
from patients.intake.steps import SLUGS

CLEAN_POSTS: dict[str, dict[str, Any]] = {
    "about-you": {
        "sex_at_birth": "female",
        "pregnant": "no",
        "breastfeeding": "no",
        "height_cm": "168",
        "weight_kg": "64.5",
    },
    "blood-pressure": {
        "systolic_1": "122",
        "diastolic_1": "78",
        "heart_rate_1": "72",
        "systolic_2": "120",
        "diastolic_2": "76",
        "heart_rate_2": "70",
    },
    "medical-history": {"none_of_these": "on", "ketamine_hypersensitivity": "no"},
    "medications": {"none_of_these": "on"},
    "mental-health": {
        "psychosis": "never",
        "mania": "no",
        "dissociative_diagnosed": "no",
        "aggression_history": "no",
    },
    "substance-use": {
        "substance_use": "none",
        "ketamine_misuse": "no",
        "audit_c_1": "1",
        "audit_c_2": "0",
        "audit_c_3": "0",
        **{f"dast10_{n}": "no" for n in range(1, 11)},
        "dast10_3": "yes",
    },
    "mood": {
        **{f"phq9_{n}": "2" for n in range(1, 9)},
        "phq9_9": "0",
        **{f"gad7_{n}": "2" for n in range(1, 5)},
        **{f"gad7_{n}": "1" for n in range(5, 8)},
        "panic_disorder": "no",
    },
    "safety": {
        "cssrs_wish_dead": "no",
        "cssrs_suicidal_thoughts": "no",
        "cssrs_behavior_lifetime": "no",
    },
    "treatment": {"antidepressant_trials": "3"},
    "home": {"home_safe": "yes", "support_person": "yes"},
    "contacts": {
        "emergency_name": "Jamie Example",
        "emergency_phone": "+1 555 010 0100",
        "support_name": "Casey Example",
        "support_phone": "(555) 010-0101",
        "session_location": "12 Elm Street, Springfield",
    },
}

# The answers the clean posts save, in the engine's answer format.
CLEAN_ANSWERS: dict[str, Any] = CLEAN_CANDIDATE


def post(slug: str, **changes: Any) -> dict[str, Any]:
    """The clean post of a step with `changes`; a change to `...` leaves the input out."""
    data = dict(CLEAN_POSTS[slug])
    for key, value in changes.items():
        if value is ...:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def step_url(slug: str) -> str:
    return f"/intake/step/{slug}/"


def complete_steps(client: Any, slugs: Any = SLUGS, **posts: dict[str, Any]) -> None:
    """Open a draft and save each step in `slugs`; `posts` replaces a step's data by slug."""
    client.post("/intake/")
    for slug in slugs:
        data = posts.get(slug.replace("-", "_"), CLEAN_POSTS[slug])
        response = client.post(step_url(slug), data)
        assert response.status_code == 302, (
            slug,
            response.context and response.context["form"].errors,
        )
