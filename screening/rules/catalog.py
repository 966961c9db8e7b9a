"""Every rule of clinical-rules.md section 3, as data a reader can scan.

Clinicians and admins see these texts: `description` says when the rule fires,
with `{threshold}` placeholders filled from the rule set in use.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from .vocab import Effect, Priority

SOURCES: Final = {
    "S0": "Ketamine and aggression: contraindications (hypersensitivity, psychosis, "
    "uncontrolled high blood pressure, unstable heart disease, aneurysmal vascular "
    "disease or arteriovenous malformation, pregnancy); monitoring with aggression history.",
    "S1": "Ketamine for intrusive thoughts: not appropriate with psychosis, uncontrolled "
    "cardiovascular disease, severe dissociative disorders, active substance use disorder, "
    "pregnancy; at-home is wrong for active suicidality, unstable medical conditions or no "
    "safe and supportive home; first-line treatments are tried first.",
    "S2": "Ketamine for addiction: history of psychosis, uncontrolled hypertension and "
    "certain cardiovascular conditions are contraindications.",
    "S3": "Addiction as a contraindication: stable long-term recovery is not one; active "
    "dangerous alcohol or drug use calls for other treatment first; treatment-resistant "
    "depression means two or more antidepressants tried.",
    "S4": "Ketamine and panic: generalized anxiety or panic disorder raises the risk of a "
    "panic reaction, managed by supervision, a calm setting and vital-sign monitoring.",
    "G1": "ACC/AHA 2017 blood pressure guideline: stage 2 hypertension at or above 140/90 "
    "mmHg; hypertensive crisis above 180/120 mmHg.",
    "G2": "Esketamine (Spravato) prescribing information: contraindicated with aneurysmal "
    "vascular disease, arteriovenous malformation, intracerebral hemorrhage and "
    "hypersensitivity; assess blood pressure before dosing.",
    "G3": "Validated instruments: PHQ-9, GAD-7, C-SSRS screener, AUDIT-C, DAST-10.",
    "G4": "APA 2017 consensus statement on ketamine in mood disorders: ketamine can "
    "precipitate mania; a manic history calls for a clinician's judgement.",
    "program policy": "Program policy: adults only.",
    "safety principle": "Safety principle: missing, contradictory or unsure answers never "
    "lead to at-home eligibility.",
}


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    effect: Effect
    priority: Priority
    sources: tuple[str, ...]
    description: str
    thresholds: tuple[str, ...] = ()
    # Rules of one exclusive group: at most one fires, the strongest that matches.
    group: str | None = None

    @property
    def switchable(self) -> bool:
        return self.id in SWITCHABLE_RULES

    def describe(self, values: Mapping[str, int]) -> str:
        """The description with this rule set's threshold values filled in."""
        return self.description.format_map(values)


C, R, I, F = Effect.CONTRAINDICATION, Effect.REVIEW, Effect.IN_CLINIC, Effect.FLAG
URGENT, HIGH, ROUTINE = Priority.URGENT, Priority.HIGH, Priority.ROUTINE

RULES: Final = (
    Rule(
        "ketamine_hypersensitivity",
        C,
        HIGH,
        ("S0", "G2"),
        "Known allergy or reaction to ketamine or esketamine",
    ),
    Rule(
        "psychosis_active",
        C,
        URGENT,
        ("S0", "S1"),
        "Current psychotic symptoms (hallucinations, delusions)",
        group="psychosis",
    ),
    Rule(
        "psychosis_history",
        C,
        HIGH,
        ("S0", "S1", "S2"),
        "Past psychotic symptoms, schizophrenia or schizoaffective disorder",
        group="psychosis",
    ),
    Rule(
        "hypertensive_crisis",
        C,
        URGENT,
        ("G1",),
        "Average blood pressure at or above {bp_crisis_systolic} systolic or "
        "{bp_crisis_diastolic} diastolic mmHg (hypertensive crisis)",
        ("bp_crisis_systolic", "bp_crisis_diastolic"),
        group="blood_pressure",
    ),
    Rule(
        "uncontrolled_hypertension",
        C,
        HIGH,
        ("S0", "S2", "G1"),
        "Average blood pressure at or above {bp_uncontrolled_systolic} systolic or "
        "{bp_uncontrolled_diastolic} diastolic mmHg (uncontrolled hypertension)",
        ("bp_uncontrolled_systolic", "bp_uncontrolled_diastolic"),
        group="blood_pressure",
    ),
    Rule(
        "elevated_blood_pressure",
        I,
        ROUTINE,
        ("G1", "G2"),
        "Average blood pressure at or above {bp_elevated_systolic} systolic or "
        "{bp_elevated_diastolic} diastolic mmHg (elevated)",
        ("bp_elevated_systolic", "bp_elevated_diastolic"),
        group="blood_pressure",
    ),
    Rule(
        "unstable_heart_disease",
        C,
        HIGH,
        ("S0", "S1"),
        "Unstable heart disease: unstable angina, heart attack in the past 6 months, "
        "uncontrolled arrhythmia or decompensated heart failure",
    ),
    Rule(
        "vascular_malformation",
        C,
        HIGH,
        ("S0", "G2"),
        "Aneurysmal vascular disease, arteriovenous malformation or a history of "
        "intracerebral hemorrhage",
    ),
    Rule("pregnancy", C, HIGH, ("S0", "S1"), "Pregnant, or could be pregnant"),
    Rule("breastfeeding", R, ROUTINE, ("G2",), "Breastfeeding"),
    Rule("severe_dissociation", C, HIGH, ("S1",), "Severe dissociative disorder"),
    Rule(
        "active_substance_use",
        C,
        HIGH,
        ("S1", "S3"),
        "Active problematic alcohol or drug use, a DAST-10 score of {dast10_active} or more, "
        "or an AUDIT-C score of {audit_c_active} or more",
        ("dast10_active", "audit_c_active"),
        group="substance_use",
    ),
    Rule(
        "substance_use_review",
        R,
        ROUTINE,
        ("S3", "G3"),
        "Recovery from problematic use for less than 12 months, a DAST-10 score of "
        "{dast10_review} or more, or an AUDIT-C score of {audit_c_review_female} or more "
        "(female sex at birth) or {audit_c_review_other} or more (others)",
        ("dast10_review", "audit_c_review_female", "audit_c_review_other"),
        group="substance_use",
    ),
    Rule(
        "sustained_recovery",
        F,
        ROUTINE,
        ("S3",),
        "In recovery from problematic use for 12 months or more (not a contraindication)",
        group="substance_use",
    ),
    Rule(
        "ketamine_misuse",
        R,
        HIGH,
        ("S3",),
        "Has used ketamine outside medical care in a problematic way",
    ),
    Rule("mania_history", R, ROUTINE, ("G4",), "Has had a manic episode (bipolar I)"),
    Rule(
        "suicide_risk_high",
        R,
        URGENT,
        ("S1", "G3"),
        "C-SSRS: suicidal intent or a plan in the past month, or suicidal behaviour in the "
        "past 3 months",
        group="suicide",
    ),
    Rule(
        "suicidal_ideation",
        I,
        HIGH,
        ("S1", "G3"),
        "C-SSRS: wished to be dead or had suicidal thoughts in the past month, or a PHQ-9 "
        "item 9 score of {phq9_item9_ideation} or more",
        ("phq9_item9_ideation",),
        group="suicide",
    ),
    Rule(
        "unstable_medical_condition",
        I,
        ROUTINE,
        ("S1",),
        "A medical condition the patient's doctor calls unstable",
    ),
    Rule("unsafe_home", I, ROUTINE, ("S1",), "No safe, private, supportive place for sessions"),
    Rule(
        "no_support_person",
        I,
        ROUTINE,
        ("S1",),
        "No adult who can be present during at-home sessions",
    ),
    Rule("underage", C, HIGH, ("program policy",), "Younger than {min_age}", ("min_age",)),
    Rule(
        "no_indication",
        R,
        ROUTINE,
        ("S0",),
        "PHQ-9 below {phq9_indication} and GAD-7 below {gad7_indication}: no clear "
        "depression or anxiety to treat",
        ("phq9_indication", "gad7_indication"),
    ),
    Rule(
        "first_line_not_tried",
        R,
        ROUTINE,
        ("S1", "S3"),
        "Fewer than {min_antidepressant_trials} adequate antidepressant trials",
        ("min_antidepressant_trials",),
    ),
    Rule(
        "panic_risk",
        F,
        ROUTINE,
        ("S4",),
        "Panic disorder or recurrent panic attacks, or a GAD-7 score of {gad7_panic} or more",
        ("gad7_panic",),
    ),
    Rule(
        "aggression_monitoring",
        F,
        ROUTINE,
        ("S0",),
        "Aggressive or violent behaviour in the past year",
    ),
    Rule(
        "other_relevant_condition",
        R,
        ROUTINE,
        ("G2",),
        "Seizure disorder, severe liver disease, interstitial cystitis, glaucoma or sleep apnea",
    ),
    Rule(
        "incomplete_answers",
        R,
        ROUTINE,
        ("safety principle",),
        "A required answer is missing, or an answer is unsure",
    ),
)
RULES_BY_ID: Final = {rule.id: rule for rule in RULES}

# Contraindications and in-clinic rules always apply; of the review and flag
# rules, these three guard safety and cannot be switched off either.
ALWAYS_ON: Final = frozenset({"incomplete_answers", "suicide_risk_high", "suicidal_ideation"})
SWITCHABLE_RULES: Final = frozenset(
    rule.id
    for rule in RULES
    if rule.effect in (Effect.REVIEW, Effect.FLAG) and rule.id not in ALWAYS_ON
)
