"""The rule catalogue matches clinical-rules.md section 3 and issue 11's rules, id by id."""

from screening.rules import DEFAULT_THRESHOLDS, RULES, SOURCES, THRESHOLD_SPECS

# (rule id, effect, priority, sources) as in the contract's table, with answer
# format 2's rules beside the rules of their topic.
CONTRACT = [
    ("ketamine_hypersensitivity", "contraindication", "high", ("S0", "G2")),
    ("psychosis_active", "contraindication", "urgent", ("S0", "S1")),
    ("psychosis_history", "contraindication", "high", ("S0", "S1", "S2")),
    ("hypertensive_crisis", "contraindication", "urgent", ("G1",)),
    ("uncontrolled_hypertension", "contraindication", "high", ("S0", "S2", "G1")),
    ("elevated_blood_pressure", "in_clinic", "routine", ("G1", "G2")),
    ("unstable_heart_disease", "contraindication", "high", ("S0", "S1")),
    ("vascular_malformation", "contraindication", "high", ("S0", "G2")),
    ("pregnancy", "contraindication", "high", ("S0", "S1")),
    ("breastfeeding", "review", "routine", ("G2",)),
    ("severe_dissociation", "contraindication", "high", ("S1",)),
    ("dissociative_disorder", "review", "routine", ("S1",)),
    ("active_substance_use", "contraindication", "high", ("S1", "S3")),
    ("substance_use_review", "review", "routine", ("S3", "G3")),
    ("sustained_recovery", "flag", "routine", ("S3",)),
    ("ketamine_misuse", "review", "high", ("S3", "G2")),
    ("mania_history", "review", "routine", ("G4",)),
    ("suicide_risk_high", "review", "urgent", ("S1", "G3")),
    ("suicidal_ideation", "in_clinic", "high", ("S1", "G3")),
    ("suicide_attempt_history", "in_clinic", "high", ("G5",)),
    ("serotonergic_or_pressor_interaction", "review", "high", ("G6",)),
    ("respiratory_depression_risk", "review", "high", ("G6",)),
    ("reduced_efficacy_medication", "flag", "routine", ("G7",)),
    ("antipsychotic_without_psychosis_answer", "review", "routine", ("S0", "S1")),
    ("unstable_medical_condition", "in_clinic", "routine", ("S1",)),
    ("unsafe_home", "in_clinic", "routine", ("S1",)),
    ("no_support_person", "in_clinic", "routine", ("S1", "P1")),
    ("underage", "contraindication", "high", ("program policy",)),
    ("no_indication", "review", "routine", ("S0",)),
    ("first_line_not_tried", "review", "routine", ("S1", "S3")),
    ("tachycardia", "review", "routine", ("G8",)),
    ("hypertension_on_treatment", "flag", "routine", ("G1", "G2")),
    ("panic_risk", "flag", "routine", ("S4",)),
    ("aggression_monitoring", "flag", "routine", ("S0",)),
    ("other_relevant_condition", "review", "routine", ("G2", "P2")),
    ("incomplete_answers", "review", "routine", ("safety principle",)),
]


def test_it_lists_exactly_the_contract_rules_with_effect_priority_and_sources():
    assert [(r.id, r.effect, r.priority, r.sources) for r in RULES] == CONTRACT


def test_it_cites_only_known_sources():
    assert {key for rule in RULES for key in rule.sources} <= set(SOURCES)


def test_it_describes_every_rule_with_this_rule_set_thresholds():
    values = DEFAULT_THRESHOLDS.values()
    for rule in RULES:
        text = rule.describe(values)
        assert text and "{" not in text, rule.id
        for name in rule.thresholds:
            assert str(values[name]) in text, (rule.id, name)


def test_it_names_only_editable_thresholds_in_rules():
    names = {spec.name for spec in THRESHOLD_SPECS}

    assert {name for rule in RULES for name in rule.thresholds} <= names


def test_it_describes_every_rule_to_patients_in_plain_words():
    for rule in RULES:
        assert rule.plain.startswith(("You", "Your", "Some")), rule.id
        assert "_" not in rule.plain, rule.id  # rule ids of two words or more never show
