"""`evaluate(answers, thresholds) -> Decision`: the rules of section 3, routed as in section 4.

Each check below looks at one topic and returns its candidate rules, strongest
first, each with the reason in words. At most one candidate of a check fires:
the first that is not switched off. That is how exclusive groups work, and an
ungrouped check has at most one candidate anyway.

Format-1 answers run exactly the checks they always did (`CHECKS_FORMAT_1`);
format-2 answers run those with their format-2 versions, and the new rules.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from operator import attrgetter
from typing import Final

from .answers import BP_READINGS_MIN_FORMAT_2, UNSURE_KEYS, Answers, Cssrs, as_answers
from .catalog import RULES_BY_ID
from .decision import Decision, FiredRule
from .scores import Scores, compute_scores, mean_heart_rate
from .thresholds import DEFAULT_THRESHOLDS, Thresholds
from .vocab import Effect, Priority, Route

Candidate = tuple[str, str]  # (rule id, reason)
Check = Callable[[Answers, Scores, Thresholds], list[Candidate]]

NONE: Final[list[Candidate]] = []
NO_CSSRS: Final = Cssrs()

# Above this mean resting heart rate (beats per minute): tachycardia.
TACHYCARDIA_BPM: Final = 100

PRESSOR_MEDICATIONS: Final = ("maoi", "stimulant")
SEDATING_MEDICATIONS: Final = ("opioid", "benzodiazepine", "other_sedative")
BLUNTING_MEDICATIONS: Final = ("lamotrigine", "benzodiazepine")

VASCULAR_CONDITIONS: Final = ("aneurysm", "arteriovenous_malformation", "intracerebral_hemorrhage")
OTHER_RELEVANT_CONDITIONS: Final = (
    "seizure_disorder",
    "severe_liver_disease",
    "interstitial_cystitis",
    "glaucoma",
    "sleep_apnea",
)
REQUIRED_KEYS: Final = (
    "age",
    "sex_at_birth",
    "pregnant",
    "bp_readings",
    "ketamine_hypersensitivity",
    "psychosis",
    "conditions",
    "dissociative_disorder",
    "substance_use",
    "phq9",
    "gad7",
    "cssrs",
    "antidepressant_trials",
    "home_safe",
    "support_person",
)


def _words(items: list[str]) -> str:
    return ", ".join(item.replace("_", " ") for item in items)


def _hypersensitivity(a: Answers, s: Scores, t: Thresholds) -> list[Candidate]:
    if a.ketamine_hypersensitivity == "yes":
        return [("ketamine_hypersensitivity", "reports a known allergy or reaction to ketamine")]
    return NONE


def _psychosis(a: Answers, s: Scores, t: Thresholds) -> list[Candidate]:
    if a.psychosis == "current":
        return [("psychosis_active", "reports current psychotic symptoms")]
    if a.psychosis == "past":
        return [("psychosis_history", "reports a past history of psychotic symptoms")]
    return NONE


def _blood_pressure(a: Answers, s: Scores, t: Thresholds) -> list[Candidate]:
    systolic, diastolic = s.bp_systolic, s.bp_diastolic
    if systolic is None or diastolic is None:
        return NONE
    mean = f"mean blood pressure {systolic}/{diastolic} mmHg is at or above"
    candidates = []
    if systolic >= t.bp_crisis_systolic or diastolic >= t.bp_crisis_diastolic:
        limit = f"{t.bp_crisis_systolic}/{t.bp_crisis_diastolic}"
        candidates.append(("hypertensive_crisis", f"{mean} {limit}"))
    if systolic >= t.bp_uncontrolled_systolic or diastolic >= t.bp_uncontrolled_diastolic:
        limit = f"{t.bp_uncontrolled_systolic}/{t.bp_uncontrolled_diastolic}"
        candidates.append(("uncontrolled_hypertension", f"{mean} {limit}"))
    if systolic >= t.bp_elevated_systolic or diastolic >= t.bp_elevated_diastolic:
        limit = f"{t.bp_elevated_systolic}/{t.bp_elevated_diastolic}"
        candidates.append(("elevated_blood_pressure", f"{mean} {limit}"))
    return candidates


def _heart(a: Answers, s: Scores, t: Thresholds) -> list[Candidate]:
    if a.conditions and "unstable_heart_disease" in a.conditions:
        return [("unstable_heart_disease", "reports unstable heart disease")]
    return NONE


def _vascular(a: Answers, s: Scores, t: Thresholds) -> list[Candidate]:
    if not a.conditions:
        return NONE
    found = [c for c in VASCULAR_CONDITIONS if c in a.conditions]
    if found:
        return [("vascular_malformation", f"reports {_words(found)}")]
    return NONE


def _pregnancy(a: Answers, s: Scores, t: Thresholds) -> list[Candidate]:
    if a.pregnant == "yes":
        return [("pregnancy", "reports being pregnant or possibly pregnant")]
    return NONE


def _breastfeeding(a: Answers, s: Scores, t: Thresholds) -> list[Candidate]:
    if a.breastfeeding == "yes":
        return [("breastfeeding", "reports breastfeeding")]
    return NONE


def _dissociation(a: Answers, s: Scores, t: Thresholds) -> list[Candidate]:
    if a.dissociative_disorder == "severe":
        return [("severe_dissociation", "reports a severe dissociative disorder")]
    return NONE


def _blood_pressure_format_2(a: Answers, s: Scores, t: Thresholds) -> list[Candidate]:
    """As format 1, and any single reading at the crisis line is a crisis, whatever the mean."""
    candidates = _blood_pressure(a, s, t)
    if candidates and candidates[0][0] == "hypertensive_crisis":
        return candidates
    crisis = [
        (number, reading)
        for number, reading in enumerate(a.bp_readings or (), start=1)
        if reading.systolic >= t.bp_crisis_systolic or reading.diastolic >= t.bp_crisis_diastolic
    ]
    if not crisis:
        return candidates
    number, reading = crisis[0]
    limit = f"{t.bp_crisis_systolic}/{t.bp_crisis_diastolic}"
    reason = (
        f"reading {number} of {reading.systolic}/{reading.diastolic} mmHg is at or above "
        f"{limit} (mean {s.bp_systolic}/{s.bp_diastolic} mmHg)"
    )
    return [("hypertensive_crisis", reason), *candidates]


def _heart_rate(a: Answers, s: Scores, t: Thresholds) -> list[Candidate]:
    rate = mean_heart_rate(a.bp_readings) if a.bp_readings else None
    if rate is not None and rate > TACHYCARDIA_BPM:
        reason = f"mean heart rate {rate} beats per minute is above {TACHYCARDIA_BPM}"
        return [("tachycardia", reason)]
    return NONE


def _treated_hypertension(a: Answers, s: Scores, t: Thresholds) -> list[Candidate]:
    if a.hypertension_treated == "yes":
        reason = "reports treated high blood pressure: check the treatment is taken as prescribed"
        return [("hypertension_on_treatment", reason)]
    return NONE


def _dissociation_format_2(a: Answers, s: Scores, t: Thresholds) -> list[Candidate]:
    if a.dissociative_disorder == "mild":
        return [("dissociative_disorder", "reports a diagnosed dissociative disorder, not severe")]
    return _dissociation(a, s, t)


def _taken(a: Answers, classes: tuple[str, ...]) -> list[str]:
    medications = a.medications
    if not medications or medications.isdisjoint(classes):  # the usual case, checked in C
        return []
    return [c for c in classes if c in medications]


def _pressor_medication(a: Answers, s: Scores, t: Thresholds) -> list[Candidate]:
    found = _taken(a, PRESSOR_MEDICATIONS)
    if found:
        reason = f"takes {_words(found)}: blood pressure rises with ketamine"
        return [("serotonergic_or_pressor_interaction", reason)]
    return NONE


def _sedating_medication(a: Answers, s: Scores, t: Thresholds) -> list[Candidate]:
    found = _taken(a, SEDATING_MEDICATIONS)
    if found:
        reason = f"takes {_words(found)}: sedation and respiratory depression with ketamine"
        return [("respiratory_depression_risk", reason)]
    return NONE


def _blunting_medication(a: Answers, s: Scores, t: Thresholds) -> list[Candidate]:
    found = _taken(a, BLUNTING_MEDICATIONS)
    if found:
        reason = f"takes {_words(found)}: may weaken ketamine's effect"
        return [("reduced_efficacy_medication", reason)]
    return NONE


def _antipsychotic(a: Answers, s: Scores, t: Thresholds) -> list[Candidate]:
    if a.psychosis == "never" and _taken(a, ("antipsychotic",)):
        reason = "takes an antipsychotic yet reports no psychotic symptoms ever"
        return [("antipsychotic_without_psychosis_answer", reason)]
    return NONE


def _audit_c_review_threshold(a: Answers, t: Thresholds) -> int:
    if a.sex_at_birth == "female":
        return t.audit_c_review_female
    if a.sex_at_birth is None:  # unknown: the lower, safer cut-off
        return min(t.audit_c_review_female, t.audit_c_review_other)
    return t.audit_c_review_other


def _substance_use(a: Answers, s: Scores, t: Thresholds) -> list[Candidate]:
    candidates = []
    active = []
    if a.substance_use == "active":
        active.append("reports active problematic alcohol or drug use")
    if s.dast10 is not None and s.dast10 >= t.dast10_active:
        active.append(f"DAST-10 {s.dast10} is at or above {t.dast10_active}")
    if s.audit_c is not None and s.audit_c >= t.audit_c_active:
        active.append(f"AUDIT-C {s.audit_c} is at or above {t.audit_c_active}")
    if active:
        candidates.append(("active_substance_use", "; ".join(active)))

    review = []
    if a.substance_use == "early_recovery":
        review.append("in recovery for less than 12 months")
    if s.dast10 is not None and s.dast10 >= t.dast10_review:
        review.append(f"DAST-10 {s.dast10} is at or above {t.dast10_review}")
    audit_review = _audit_c_review_threshold(a, t)
    if s.audit_c is not None and s.audit_c >= audit_review:
        review.append(f"AUDIT-C {s.audit_c} is at or above {audit_review}")
    if review:
        candidates.append(("substance_use_review", "; ".join(review)))

    if a.substance_use == "sustained_recovery":
        candidates.append(("sustained_recovery", "in recovery for 12 months or more"))
    return candidates


def _ketamine_misuse(a: Answers, s: Scores, t: Thresholds) -> list[Candidate]:
    if a.ketamine_misuse == "yes":
        return [("ketamine_misuse", "reports problematic use of ketamine outside medical care")]
    return NONE


def _mania(a: Answers, s: Scores, t: Thresholds) -> list[Candidate]:
    if a.mania == "yes":
        return [("mania_history", "reports a past manic episode")]
    return NONE


def _suicide(a: Answers, s: Scores, t: Thresholds) -> list[Candidate]:
    c = a.cssrs or NO_CSSRS
    item9 = s.phq9_item9
    item9_fires = item9 is not None and item9 >= t.phq9_item9_ideation
    if not (True in c or item9_fires):
        return NONE
    candidates = []
    high = [
        words
        for answer, words in (
            (c.intent, "intent to act on suicidal thoughts"),
            (c.plan, "a suicide plan"),
            (c.behavior_3_months, "suicidal behaviour in the past 3 months"),
        )
        if answer
    ]
    if high:
        candidates.append(("suicide_risk_high", "C-SSRS: " + "; ".join(high)))
    ideation = []
    if c.wish_dead:
        ideation.append("C-SSRS: wished to be dead")
    if c.suicidal_thoughts:
        ideation.append("C-SSRS: thoughts of killing oneself")
    if item9_fires:
        ideation.append(f"PHQ-9 item 9 is {item9}")
    if ideation:
        candidates.append(("suicidal_ideation", "; ".join(ideation)))
    return candidates


def _suicide_attempt(a: Answers, s: Scores, t: Thresholds) -> list[Candidate]:
    c = a.cssrs
    if c is None or not c.behavior_lifetime or c.behavior_3_months:
        return NONE
    when = "more than 3 months ago" if c.behavior_3_months is False else "(when: not answered)"
    return [("suicide_attempt_history", f"C-SSRS: a suicide attempt or preparatory act {when}")]


def _unstable_medical(a: Answers, s: Scores, t: Thresholds) -> list[Candidate]:
    if a.conditions and "unstable_medical_condition" in a.conditions:
        return [("unstable_medical_condition", "reports a medical condition called unstable")]
    return NONE


def _home(a: Answers, s: Scores, t: Thresholds) -> list[Candidate]:
    if a.home_safe == "no":
        return [("unsafe_home", "has no safe, private, supportive place for sessions")]
    return NONE


def _support(a: Answers, s: Scores, t: Thresholds) -> list[Candidate]:
    if a.support_person == "no":
        return [("no_support_person", "has no adult to be present during at-home sessions")]
    return NONE


def _age(a: Answers, s: Scores, t: Thresholds) -> list[Candidate]:
    if a.age is not None and a.age < t.min_age:
        return [("underage", f"age {a.age} is below {t.min_age}")]
    return NONE


def _indication(a: Answers, s: Scores, t: Thresholds) -> list[Candidate]:
    if s.phq9 is None or s.gad7 is None:
        return NONE
    if s.phq9 < t.phq9_indication and s.gad7 < t.gad7_indication:
        reason = (
            f"PHQ-9 {s.phq9} is below {t.phq9_indication} "
            f"and GAD-7 {s.gad7} is below {t.gad7_indication}"
        )
        return [("no_indication", reason)]
    return NONE


def _first_line(a: Answers, s: Scores, t: Thresholds) -> list[Candidate]:
    trials = a.antidepressant_trials
    if trials is not None and trials < t.min_antidepressant_trials:
        minimum = t.min_antidepressant_trials
        return [
            (
                "first_line_not_tried",
                f"{trials} adequate antidepressant trials, fewer than {minimum}",
            )
        ]
    return NONE


def _panic(a: Answers, s: Scores, t: Thresholds) -> list[Candidate]:
    found = []
    if a.panic_disorder == "yes":
        found.append("reports panic disorder or recurrent panic attacks")
    if s.gad7 is not None and s.gad7 >= t.gad7_panic:
        found.append(f"GAD-7 {s.gad7} is at or above {t.gad7_panic}")
    if found:
        return [("panic_risk", "; ".join(found))]
    return NONE


def _aggression(a: Answers, s: Scores, t: Thresholds) -> list[Candidate]:
    if a.aggression_history == "yes":
        return [("aggression_monitoring", "reports aggressive or violent behaviour this year")]
    return NONE


def _other_conditions(a: Answers, s: Scores, t: Thresholds) -> list[Candidate]:
    if not a.conditions:
        return NONE
    found = [c for c in OTHER_RELEVANT_CONDITIONS if c in a.conditions]
    if found:
        return [("other_relevant_condition", f"reports {_words(found)}")]
    return NONE


_required = attrgetter(*REQUIRED_KEYS)
_unsure_possible = attrgetter(*UNSURE_KEYS)


def missing_answers(a: Answers) -> list[str]:
    """Required answers not given, named as in the answer format (C-SSRS items dotted)."""
    missing = []
    values = _required(a)
    if None in values:
        missing = [key for key, value in zip(REQUIRED_KEYS, values, strict=True) if value is None]
        if a.sex_at_birth == "male" and "pregnant" in missing:
            missing.remove("pregnant")
    c = a.cssrs
    if a.format == 2:
        return _missing_format_2(a, missing)
    if c is not None and None in c[:6]:
        items = ["wish_dead", "suicidal_thoughts", "behavior_3_months"]
        if c.suicidal_thoughts:
            items += ["method", "intent", "plan"]
        missing += [f"cssrs.{item}" for item in items if getattr(c, item) is None]
    return missing


def _missing_format_2(a: Answers, missing: list[str]) -> list[str]:
    """Format 2 asks more: medications, heart rates, two readings, contacts and so on."""
    readings = a.bp_readings
    if a.bp_unavailable and "bp_readings" in missing:
        missing[missing.index("bp_readings")] = "bp_readings (no blood pressure monitor)"
    elif readings is not None:
        if len(readings) < BP_READINGS_MIN_FORMAT_2:
            missing.append(f"bp_readings ({BP_READINGS_MIN_FORMAT_2} readings needed, 1 given)")
        without_rate = [n for n, r in enumerate(readings, start=1) if r.heart_rate is None]
        if without_rate:
            numbers = ", ".join(str(n) for n in without_rate)
            missing.append(f"bp_readings.heart_rate (reading {numbers})")
    if a.conditions and "hypertension" in a.conditions and a.hypertension_treated is None:
        missing.append("hypertension_treated")
    c = a.cssrs
    if c is not None and None in c:
        items = ["wish_dead", "suicidal_thoughts", "behavior_lifetime"]
        if c.suicidal_thoughts:
            items += ["method", "intent", "plan"]
        if c.behavior_lifetime:
            items.append("behavior_3_months")
        missing += [f"cssrs.{item}" for item in items if getattr(c, item) is None]
    for key, needed in (
        ("medications", True),
        ("emergency_contact", True),
        ("support_person_contact", a.support_person == "yes"),
        ("session_location", a.home_safe == "yes"),
    ):
        if needed and getattr(a, key) is None:
            missing.append(key)
    return missing


def unsure_answers(a: Answers) -> list[str]:
    """Every answer given as unsure, required or not: unsure never means at-home."""
    values = _unsure_possible(a)
    if "unsure" not in values:
        return []
    keys = UNSURE_KEYS
    return [key for key, value in zip(keys, values, strict=True) if value == "unsure"]


def contradictory_answers(a: Answers) -> list[str]:
    """C-SSRS follow-ups answered yes although no suicidal thoughts were reported."""
    c = a.cssrs
    if c is None or c.suicidal_thoughts is not False:
        return []
    return [f"cssrs.{item}" for item in ("method", "intent", "plan") if getattr(c, item)]


def _incomplete(a: Answers, s: Scores, t: Thresholds) -> list[Candidate]:
    missing, unsure, contradictory = missing_answers(a), unsure_answers(a), contradictory_answers(a)
    if not (missing or unsure or contradictory):
        return NONE
    parts = []
    if missing:
        parts.append(f"missing: {', '.join(missing)}")
    if unsure:
        parts.append(f"unsure: {', '.join(unsure)}")
    if contradictory:
        parts.append(
            f"contradictory: {', '.join(contradictory)} answered yes but suicidal_thoughts no"
        )
    return [("incomplete_answers", "; ".join(parts))]


def _incomplete_format_2(a: Answers, s: Scores, t: Thresholds) -> list[Candidate]:
    candidates = _incomplete(a, s, t)
    c = a.cssrs
    if c is None or not (c.behavior_3_months and c.behavior_lifetime is False):
        return candidates
    behaviour = "contradictory: cssrs.behavior_3_months answered yes but behavior_lifetime no"
    if not candidates:
        return [("incomplete_answers", behaviour)]
    return [("incomplete_answers", f"{candidates[0][1]}; {behaviour}")]


CHECKS_FORMAT_1: Final[tuple[Check, ...]] = (
    _hypersensitivity,
    _psychosis,
    _blood_pressure,
    _heart,
    _vascular,
    _pregnancy,
    _breastfeeding,
    _dissociation,
    _substance_use,
    _ketamine_misuse,
    _mania,
    _suicide,
    _unstable_medical,
    _home,
    _support,
    _age,
    _indication,
    _first_line,
    _panic,
    _aggression,
    _other_conditions,
    _incomplete,
)
_REPLACED_IN_FORMAT_2: Final[dict[Check, Check]] = {
    _blood_pressure: _blood_pressure_format_2,
    _dissociation: _dissociation_format_2,
    _incomplete: _incomplete_format_2,
}
CHECKS_FORMAT_2: Final[tuple[Check, ...]] = (
    *(_REPLACED_IN_FORMAT_2.get(check, check) for check in CHECKS_FORMAT_1),
    _heart_rate,
    _treated_hypertension,
    _suicide_attempt,
    _pressor_medication,
    _sedating_medication,
    _blunting_medication,
    _antipsychotic,
)

# The route of a case follows from its strongest fired effect.
_ROUTE_OF_STRONGEST: Final = {
    Effect.CONTRAINDICATION: Route.CLINICIAN_REVIEW,
    Effect.REVIEW: Route.CLINICIAN_REVIEW,
    Effect.IN_CLINIC: Route.IN_CLINIC,
    Effect.FLAG: Route.AT_HOME,
}
# Section 5 orders `fired` by strongest effect, then rule id: each rule's place in that order.
_ORDER: Final = {
    rule.id: place
    for place, rule in enumerate(
        sorted(RULES_BY_ID.values(), key=lambda r: (-r.effect.strength, r.id))
    )
}
_PRIORITY_BY_RANK: Final = {priority.rank: priority for priority in Priority}


def evaluate(
    answers: Answers | Mapping[str, object],
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> Decision:
    """Screen one intake. Raises InvalidAnswers when the answers break the format."""
    a = as_answers(answers)
    scores = compute_scores(a)
    disabled = thresholds.disabled_rules
    placed: list[tuple[int, FiredRule]] = []
    for check in CHECKS_FORMAT_2 if a.format == 2 else CHECKS_FORMAT_1:
        candidates = check(a, scores, thresholds)
        if not candidates:  # the usual case: skip making an iterator
            continue
        for rule_id, reason in candidates:
            if rule_id in disabled:
                continue
            rule = RULES_BY_ID[rule_id]
            placed.append((_ORDER[rule_id], FiredRule(rule_id, rule.effect, rule.priority, reason)))
            break
    if not placed:
        return Decision(Route.AT_HOME, Priority.ROUTINE, (), scores, thresholds.ruleset)
    placed.sort()
    fired = tuple(f for _, f in placed)
    priority = _PRIORITY_BY_RANK[max(f.priority.rank for f in fired)]
    route = _ROUTE_OF_STRONGEST[fired[0].effect]
    return Decision(route, priority, fired, scores, thresholds.ruleset)


def suicidal_thoughts_reported(answers: Answers) -> bool:
    """Any suicidal ideation or behaviour at all: any C-SSRS yes, or PHQ-9 item 9 of 1 or more.

    Such a patient sees 988 and 911 with their result, whatever the route.
    """
    c = answers.cssrs
    if c is not None and True in c:
        return True
    return answers.phq9 is not None and answers.phq9[8] >= 1


def crisis_level_reading(answers: Answers, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> bool:
    """A single blood-pressure reading at or above the crisis line: measure again, or call 911."""
    return any(
        reading.systolic >= thresholds.bp_crisis_systolic
        or reading.diastolic >= thresholds.bp_crisis_diastolic
        for reading in answers.bp_readings or ()
    )
