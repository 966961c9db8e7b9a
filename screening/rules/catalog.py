"""Every rule of clinical-rules.md section 3 (and of answer format 2), as data a reader can scan.

Clinicians and admins see `description`: when the rule fires, with
`{threshold}` placeholders filled from the rule set in use. Patients see
`plain`: what in their own answers the rule is about, in everyday words.
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
    "hypersensitivity; assess blood pressure before dosing; warnings on abuse and misuse, "
    "respiratory depression and severe hepatic impairment.",
    "G3": "Validated instruments: PHQ-9, GAD-7, C-SSRS screener, AUDIT-C, DAST-10.",
    "G4": "APA 2017 consensus statement on ketamine in mood disorders: ketamine can "
    "precipitate mania; a manic history calls for a clinician's judgement.",
    "G5": "C-SSRS screener risk levels (The Columbia Lighthouse Project; screener triage "
    "protocols): intent, a plan or suicidal behaviour in the past 3 months is high risk; "
    "suicidal behaviour more than 3 months ago is moderate risk.",
    "G6": "FDA labelling of esketamine (Spravato): with CNS depressants such as "
    "benzodiazepines and opioids, sedation and respiratory depression may increase; with "
    "psychostimulants or MAOIs, blood pressure may rise and needs close monitoring.",
    "G7": "Ketamine and concomitant medicines: benzodiazepines are associated with a weaker "
    "antidepressant response (Frye et al. 2015; Andrashko et al. 2020), and lamotrigine "
    "attenuates ketamine's effects (Anand et al. 2000).",
    "G8": "A resting heart rate above 100 beats per minute is tachycardia; ketamine raises "
    "heart rate and blood pressure, so vital signs are assessed before dosing (G2).",
    "P1": "At-home program policies: a sober adult physically present at every at-home "
    "dosing session; reliable social support for virtually guided protocols.",
    "P2": "Published clinic clearance criteria: raised intraocular or intracranial pressure "
    "and severe breathing problems; cystitis and liver disease need clearance; epilepsy "
    "excludes at some clinics; FDA 2023 warning on lower urinary tract and bladder symptoms.",
    "program policy": "Program policy: adults only.",
    "safety principle": "Safety principle: missing, contradictory or unsure answers never "
    "lead to at-home eligibility.",
}


def source_title(key: str) -> str:
    """A source's title: its text up to the first colon ("ACC/AHA 2017 blood pressure
    guideline")."""
    return SOURCES[key].split(":", 1)[0]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    effect: Effect
    priority: Priority
    sources: tuple[str, ...]
    description: str
    # What the rule is about, for the patient: plain words, never the rule id.
    plain: str
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
        "You told us about an allergy or a bad reaction to ketamine or esketamine.",
    ),
    Rule(
        "psychosis_active",
        C,
        URGENT,
        ("S0", "S1"),
        "Current psychotic symptoms (hallucinations, delusions)",
        "You told us you have experiences such as hearing or seeing things others do not.",
        group="psychosis",
    ),
    Rule(
        "psychosis_history",
        C,
        HIGH,
        ("S0", "S1", "S2"),
        "Past psychotic symptoms, schizophrenia or schizoaffective disorder",
        "You told us about psychotic experiences in the past.",
        group="psychosis",
    ),
    Rule(
        "hypertensive_crisis",
        C,
        URGENT,
        ("G1",),
        "Average blood pressure, or any single reading (answer format 2), at or above "
        "{bp_crisis_systolic} systolic or {bp_crisis_diastolic} diastolic mmHg "
        "(hypertensive crisis)",
        "Your blood pressure was very high.",
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
        "Your blood pressure was high.",
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
        "Your blood pressure was above the level for sessions at home.",
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
        "You told us about a heart condition that is not stable.",
    ),
    Rule(
        "vascular_malformation",
        C,
        HIGH,
        ("S0", "G2"),
        "Aneurysmal vascular disease, arteriovenous malformation or a history of "
        "intracerebral hemorrhage",
        "You told us about an aneurysm, a tangle of blood vessels (AVM) or bleeding in the brain.",
    ),
    Rule(
        "pregnancy",
        C,
        HIGH,
        ("S0", "S1"),
        "Pregnant, or could be pregnant",
        "You told us you are pregnant or could be.",
    ),
    Rule(
        "breastfeeding",
        R,
        ROUTINE,
        ("G2",),
        "Breastfeeding",
        "You told us you are breastfeeding.",
    ),
    Rule(
        "severe_dissociation",
        C,
        HIGH,
        ("S1",),
        "Severe dissociative disorder",
        "You told us about a severe dissociative disorder.",
        group="dissociation",
    ),
    Rule(
        "dissociative_disorder",
        R,
        ROUTINE,
        ("S1",),
        "A diagnosed dissociative disorder, not called severe (answer format 2): the "
        "clinician judges its severity",
        "You told us about a diagnosed dissociative disorder.",
        group="dissociation",
    ),
    Rule(
        "active_substance_use",
        C,
        HIGH,
        ("S1", "S3"),
        "Active problematic alcohol or drug use, a DAST-10 score of {dast10_active} or more, "
        "or an AUDIT-C score of {audit_c_active} or more",
        "Your answers about alcohol or drugs show problems with use now.",
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
        "Your answers about alcohol or drugs need a closer look.",
        ("dast10_review", "audit_c_review_female", "audit_c_review_other"),
        group="substance_use",
    ),
    Rule(
        "sustained_recovery",
        F,
        ROUTINE,
        ("S3",),
        "In recovery from problematic use for 12 months or more (not a contraindication)",
        "You told us you have been in recovery for 12 months or more.",
        group="substance_use",
    ),
    Rule(
        "ketamine_misuse",
        R,
        HIGH,
        ("S3", "G2"),
        "Has used ketamine outside medical care in a problematic way",
        "You told us about using ketamine outside medical care.",
    ),
    Rule(
        "mania_history",
        R,
        ROUTINE,
        ("G4",),
        "Has had a manic episode (bipolar I)",
        "You told us about a past manic episode.",
    ),
    Rule(
        "suicide_risk_high",
        R,
        URGENT,
        ("S1", "G3"),
        "C-SSRS: suicidal intent or a plan in the past month, or suicidal behaviour in the "
        "past 3 months",
        "Your answers about your safety tell us you may be at risk now.",
        group="suicide",
    ),
    Rule(
        "suicidal_ideation",
        I,
        HIGH,
        ("S1", "G3"),
        "C-SSRS: wished to be dead or had suicidal thoughts in the past month, or a PHQ-9 "
        "item 9 score of {phq9_item9_ideation} or more",
        "Your answers mention thoughts of being better off dead or of ending your life.",
        ("phq9_item9_ideation",),
        group="suicide",
    ),
    Rule(
        "suicide_attempt_history",
        I,
        HIGH,
        ("G5",),
        "C-SSRS (answer format 2): a suicide attempt or preparatory act more than 3 months "
        "ago (moderate risk)",
        "You told us about a time in the past when you tried or prepared to end your life.",
    ),
    Rule(
        "serotonergic_or_pressor_interaction",
        R,
        HIGH,
        ("G6",),
        "Takes an MAOI or a stimulant (answer format 2): blood pressure rises with ketamine",
        "You take a medicine that can raise blood pressure together with ketamine.",
    ),
    Rule(
        "respiratory_depression_risk",
        R,
        HIGH,
        ("G6",),
        "Takes an opioid, a benzodiazepine or another sedative such as a gabapentinoid or "
        "z-drug (answer format 2): sedation and respiratory depression with ketamine",
        "You take a medicine that, together with ketamine, can make you very drowsy or slow "
        "your breathing.",
    ),
    Rule(
        "reduced_efficacy_medication",
        F,
        ROUTINE,
        ("G7",),
        "Takes lamotrigine or a benzodiazepine (answer format 2): may weaken ketamine's effect",
        "You take a medicine that may make ketamine work less well.",
    ),
    Rule(
        "antipsychotic_without_psychosis_answer",
        R,
        ROUTINE,
        ("S0", "S1"),
        "Takes an antipsychotic yet reports no psychotic symptoms ever (answer format 2): "
        "cross-check the history",
        "You take an antipsychotic medicine: a clinician will ask you what it is for.",
    ),
    Rule(
        "unstable_medical_condition",
        I,
        ROUTINE,
        ("S1",),
        "A medical condition the patient's doctor calls unstable",
        "You told us about a medical condition that is not stable.",
    ),
    Rule(
        "unsafe_home",
        I,
        ROUTINE,
        ("S1",),
        "No safe, private, supportive place for sessions",
        "You told us you have no safe, private place at home for sessions.",
    ),
    Rule(
        "no_support_person",
        I,
        ROUTINE,
        ("S1", "P1"),
        "No adult who can be present during at-home sessions",
        "You told us there is no adult who could be with you during sessions at home.",
    ),
    Rule(
        "underage",
        C,
        HIGH,
        ("program policy",),
        "Younger than {min_age}",
        "You are younger than the program's minimum age.",
        ("min_age",),
    ),
    Rule(
        "no_indication",
        R,
        ROUTINE,
        ("S0",),
        "PHQ-9 below {phq9_indication} and GAD-7 below {gad7_indication}: no clear "
        "depression or anxiety to treat",
        "Your mood and anxiety scores are below the level this treatment is usually for.",
        ("phq9_indication", "gad7_indication"),
    ),
    Rule(
        "first_line_not_tried",
        R,
        ROUTINE,
        ("S1", "S3"),
        "Fewer than {min_antidepressant_trials} adequate antidepressant trials",
        "You have tried fewer antidepressant medicines than the program asks for first.",
        ("min_antidepressant_trials",),
    ),
    Rule(
        "tachycardia",
        R,
        ROUTINE,
        ("G8",),
        "Mean resting heart rate above 100 beats per minute (answer format 2)",
        "Your heart rate was fast while you were resting.",
    ),
    Rule(
        "hypertension_on_treatment",
        F,
        ROUTINE,
        ("G1", "G2"),
        "Treated high blood pressure (answer format 2): check the treatment is taken as prescribed",
        "You take treatment for high blood pressure.",
    ),
    Rule(
        "panic_risk",
        F,
        ROUTINE,
        ("S4",),
        "Panic disorder or recurrent panic attacks, or a GAD-7 score of {gad7_panic} or more",
        "You told us about panic attacks or strong anxiety: staff can help you feel calm.",
        ("gad7_panic",),
    ),
    Rule(
        "aggression_monitoring",
        F,
        ROUTINE,
        ("S0",),
        "Aggressive or violent behaviour in the past year",
        "You told us about aggressive behaviour in the past year.",
    ),
    Rule(
        "other_relevant_condition",
        R,
        ROUTINE,
        ("G2", "P2"),
        "Seizure disorder, severe liver disease, interstitial cystitis, glaucoma or sleep apnea",
        "You told us about a condition such as seizures, liver disease, bladder pain, "
        "glaucoma or sleep apnea.",
    ),
    Rule(
        "incomplete_answers",
        R,
        ROUTINE,
        ("safety principle",),
        "A required answer is missing, or an answer is unsure",
        "Some answers were missing or unsure, or did not fit together.",
    ),
)
RULES_BY_ID: Final = {rule.id: rule for rule in RULES}

# Medication rules (answer format 2): what a patient takes, against ketamine.
MEDICATION_RULES: Final = frozenset(
    {
        "serotonergic_or_pressor_interaction",
        "respiratory_depression_risk",
        "reduced_efficacy_medication",
        "antipsychotic_without_psychosis_answer",
    }
)
# Contraindications and in-clinic rules always apply. Of the review and flag
# rules these guard safety, so no rule set may switch them off either: a safety
# floor (switching one off could send home a patient shown crisis resources,
# or one who needs a clinician's look at misuse, mania or medicines). The
# first-line rule stays on too, or its floor of one antidepressant trial would
# mean nothing.
ALWAYS_ON: Final = frozenset(
    {
        "incomplete_answers",
        "suicide_risk_high",
        "suicidal_ideation",
        "suicide_attempt_history",
        "ketamine_misuse",
        "mania_history",
        "substance_use_review",
        "first_line_not_tried",
        *MEDICATION_RULES,
    }
)
SWITCHABLE_RULES: Final = frozenset(
    rule.id
    for rule in RULES
    if rule.effect in (Effect.REVIEW, Effect.FLAG) and rule.id not in ALWAYS_ON
)
