"""Each threshold rule just below, at and just above its threshold (default rule set)."""

import pytest

from screening.rules import evaluate
from tests.builders import answers, audit_c_total, bp, dast10_total, gad7_total, phq9_total


def fired(raw):
    return set(evaluate(raw).fired_ids)


BP_EDGES = [
    # (systolic, diastolic) below, at and above each line, and the rule that fires
    ((139, 78), None),
    ((140, 78), "elevated_blood_pressure"),
    ((141, 78), "elevated_blood_pressure"),
    ((122, 89), None),
    ((122, 90), "elevated_blood_pressure"),
    ((122, 91), "elevated_blood_pressure"),
    ((159, 78), "elevated_blood_pressure"),
    ((160, 78), "uncontrolled_hypertension"),
    ((161, 78), "uncontrolled_hypertension"),
    ((130, 99), "elevated_blood_pressure"),
    ((130, 100), "uncontrolled_hypertension"),
    ((130, 101), "uncontrolled_hypertension"),
    ((179, 78), "uncontrolled_hypertension"),
    ((180, 78), "hypertensive_crisis"),
    ((181, 78), "hypertensive_crisis"),
    ((140, 119), "uncontrolled_hypertension"),
    ((140, 120), "hypertensive_crisis"),
    ((140, 121), "hypertensive_crisis"),
]
BP_RULES = {"elevated_blood_pressure", "uncontrolled_hypertension", "hypertensive_crisis"}


@pytest.mark.parametrize(("reading", "expected"), BP_EDGES)
def test_it_fires_the_blood_pressure_rule_of_the_mean_reading(reading, expected):
    assert fired(answers(bp_readings=bp(reading))) & BP_RULES == ({expected} - {None})


def test_it_rounds_a_half_mmhg_mean_up_so_the_safer_rule_fires():
    # (140 + 139) / 2 = 139.5 rounds to 140: elevated.
    decision = evaluate(answers(bp_readings=bp((140, 80), (139, 80))))

    assert decision.scores.bp_systolic == 140
    assert "elevated_blood_pressure" in decision.fired_ids


@pytest.mark.parametrize(
    ("dast10", "audit_c", "expected"),
    [
        (2, 0, None),
        (3, 0, "substance_use_review"),
        (4, 0, "substance_use_review"),
        (5, 0, "substance_use_review"),
        (6, 0, "active_substance_use"),
        (7, 0, "active_substance_use"),
        (0, 7, "substance_use_review"),
        (0, 8, "active_substance_use"),
        (0, 9, "active_substance_use"),
    ],
)
def test_it_scores_dast10_and_audit_c_against_substance_thresholds(dast10, audit_c, expected):
    raw = answers(dast10=dast10_total(dast10), audit_c=audit_c_total(audit_c))
    substance_rules = {"active_substance_use", "substance_use_review", "sustained_recovery"}

    assert fired(raw) & substance_rules == ({expected} - {None})


@pytest.mark.parametrize(
    ("sex", "audit_c", "review"),
    [
        ("female", 2, False),
        ("female", 3, True),
        ("female", 4, True),
        ("male", 3, False),
        ("male", 4, True),
        ("male", 5, True),
        ("intersex", 3, False),
        ("intersex", 4, True),
    ],
)
def test_it_uses_the_audit_c_review_cut_off_of_the_sex_at_birth(sex, audit_c, review):
    raw = answers(sex_at_birth=sex, audit_c=audit_c_total(audit_c))

    assert ("substance_use_review" in fired(raw)) is review


def test_it_uses_the_lower_audit_c_cut_off_when_sex_at_birth_is_unanswered():
    raw = answers(sex_at_birth=..., audit_c=audit_c_total(3))

    assert "substance_use_review" in fired(raw)


@pytest.mark.parametrize(("item9", "expected"), [(0, False), (1, True), (2, True)])
def test_it_reads_phq9_item9_for_suicidal_ideation(item9, expected):
    raw = answers(phq9=phq9_total(16, item9=item9))

    assert ("suicidal_ideation" in fired(raw)) is expected


@pytest.mark.parametrize(
    ("phq9", "gad7", "expected"),
    [(9, 9, True), (10, 9, False), (9, 10, False), (11, 11, False), (0, 0, True)],
)
def test_it_reviews_when_neither_phq9_nor_gad7_reaches_the_indication(phq9, gad7, expected):
    raw = answers(phq9=phq9_total(phq9), gad7=gad7_total(gad7))

    assert ("no_indication" in fired(raw)) is expected


def test_it_judges_no_indication_only_when_both_instruments_are_answered():
    assert "no_indication" not in fired(answers(phq9=phq9_total(3), gad7=...))
    assert "no_indication" not in fired(answers(phq9=..., gad7=gad7_total(3)))


@pytest.mark.parametrize(("gad7", "expected"), [(14, False), (15, True), (16, True)])
def test_it_flags_panic_risk_from_gad7(gad7, expected):
    assert ("panic_risk" in fired(answers(gad7=gad7_total(gad7)))) is expected


@pytest.mark.parametrize(("age", "expected"), [(17, True), (18, False), (19, False), (0, True)])
def test_it_refuses_under_18(age, expected):
    assert ("underage" in fired(answers(age=age))) is expected


@pytest.mark.parametrize(("trials", "expected"), [(0, True), (1, True), (2, False), (3, False)])
def test_it_reviews_when_fewer_than_two_antidepressants_were_tried(trials, expected):
    raw = answers(antidepressant_trials=trials)

    assert ("first_line_not_tried" in fired(raw)) is expected
