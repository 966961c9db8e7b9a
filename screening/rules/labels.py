"""A short plain label for each rule of the catalog: what a queue row says about why.

The catalog's `description` is the full sentence on the case page; these few words name the
same rule in a row of the queue and in its filter, never the rule id. Every rule has one
(tests/unit/screening/rules/test_rule_labels.py).
"""

from __future__ import annotations

from typing import Final

SHORT_LABELS: Final = {
    "ketamine_hypersensitivity": "Ketamine allergy",
    "psychosis_active": "Psychosis now",
    "psychosis_history": "Past psychosis",
    "hypertensive_crisis": "BP crisis",
    "uncontrolled_hypertension": "BP uncontrolled",
    "elevated_blood_pressure": "BP raised",
    "unstable_heart_disease": "Unstable heart disease",
    "vascular_malformation": "Aneurysm or AVM",
    "pregnancy": "Pregnancy",
    "breastfeeding": "Breastfeeding",
    "severe_dissociation": "Severe dissociation",
    "dissociative_disorder": "Dissociative disorder",
    "active_substance_use": "Active substance use",
    "substance_use_review": "Substance use, review",
    "sustained_recovery": "In recovery",
    "ketamine_misuse": "Ketamine misuse",
    "mania_history": "Past mania",
    "suicide_risk_high": "Suicide risk high",
    "suicidal_ideation": "Suicidal thoughts",
    "suicide_attempt_history": "Past suicide attempt",
    "serotonergic_or_pressor_interaction": "MAOI or stimulant",
    "respiratory_depression_risk": "Sedative or opioid",
    "reduced_efficacy_medication": "Lamotrigine or benzo",
    "antipsychotic_without_psychosis_answer": "Antipsychotic, check history",
    "unstable_medical_condition": "Unstable condition",
    "unsafe_home": "No safe home",
    "no_support_person": "No support person",
    "underage": "Under 18",
    "no_indication": "Low PHQ-9 and GAD-7",
    "first_line_not_tried": "Few antidepressants tried",
    "tachycardia": "Fast heart rate",
    "hypertension_on_treatment": "Treated high BP",
    "panic_risk": "Panic risk",
    "aggression_monitoring": "Recent aggression",
    "other_relevant_condition": "Other condition",
    "incomplete_answers": "Missing answers",
}


def short_label(rule_id: str) -> str:
    """The rule's short label; an unknown id (a rule since removed) in words all the same."""
    return SHORT_LABELS.get(rule_id) or rule_id.replace("_", " ").capitalize()
