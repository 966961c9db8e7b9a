"""The pre-dose check at its edges: low limits, fasting at home, new medicines, mood, the ride
home, PHQ-9 item 9, what may lift a hold, and the patient's first words."""

import pytest

from screening.rules import InvalidThresholds
from tests.treatment import go_answers
from treatment.rules import (
    DEFAULT_LIMITS,
    LIMIT_SPECS,
    Outcome,
    Reading,
    Setting,
    Waiver,
    check_pre_dose,
    limits_from_mapping,
    limits_within_intake,
    may_check_in_again,
    plain_headline,
    waiver_of,
)


def home(**changes):
    return check_pre_dose(go_answers(Setting.AT_HOME, **changes), DEFAULT_LIMITS)


def clinic(**changes):
    return check_pre_dose(go_answers(Setting.IN_CLINIC, **changes), DEFAULT_LIMITS)


def twice(systolic, diastolic, heart_rate=72):
    return (Reading(systolic, diastolic, heart_rate), Reading(systolic, diastolic, heart_rate))


@pytest.mark.parametrize("check", [home, clinic])
@pytest.mark.parametrize(
    ("readings", "code"),
    [
        (twice(89, 70), "bp_low"),
        (twice(90, 70), None),
        (twice(110, 59), "bp_low"),
        (twice(110, 60), None),
        (twice(110, 70, 49), "heart_rate_low"),
        (twice(110, 70, 50), None),
    ],
)
def test_low_limits_hold_before_the_dose(check, readings, code):
    result = check(readings=readings)

    assert result.outcome is (Outcome.HOLD if code else Outcome.GO)
    assert result.codes == ((code,) if code else ())


def test_the_issues_pre_dose_example_holds():
    result = home(readings=(Reading(84, 48, 38), Reading(84, 48, 38)))

    assert result.outcome is Outcome.HOLD
    assert set(result.codes) == {"bp_low", "heart_rate_low"}


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"ate_recently": "yes"}, "food"),
        ({"drank_recently": "yes"}, "drink"),
        ({"ate_recently": "unsure"}, "incomplete"),
        ({"drank_recently": None}, "incomplete"),
    ],
)
def test_fasting_is_asked_at_home_too(changes, code):
    result = home(**changes)

    assert result.outcome is Outcome.HOLD
    assert result.codes == (code,)


@pytest.mark.parametrize(
    "new_class",
    ["antipsychotic", "lithium", "antihypertensive", "bupropion", "tricyclic"],
)
def test_any_new_prescription_class_holds(new_class):
    result = home(new_medicines="yes", medicine_classes=frozenset({new_class}))

    assert result.outcome is Outcome.HOLD
    assert result.codes == ("new_medicine",)


def test_a_new_ssri_or_snri_goes_by_default_and_holds_when_the_rule_set_says_so():
    answers = go_answers(
        Setting.AT_HOME, new_medicines="yes", medicine_classes=frozenset({"ssri_snri"})
    )
    strict = limits_from_mapping({"new_ssri_snri_goes": 0})

    assert check_pre_dose(answers, DEFAULT_LIMITS).outcome is Outcome.GO
    assert check_pre_dose(answers, strict).codes == ("new_medicine",)


def test_a_medicine_named_in_free_text_holds_even_beside_a_benign_class():
    result = home(
        new_medicines="yes", medicine_classes=frozenset({"ssri_snri"}), other_medicine_named=True
    )

    assert result.codes == ("new_medicine",)


def test_no_setting_can_let_an_interacting_or_other_class_go():
    loosest = limits_from_mapping({"new_ssri_snri_goes": 1})
    for new_class in ("maoi", "benzodiazepine", "lamotrigine", "antipsychotic", "other"):
        answers = go_answers(
            Setting.AT_HOME, new_medicines="yes", medicine_classes=frozenset({new_class})
        )
        assert check_pre_dose(answers, loosest).outcome is Outcome.HOLD


@pytest.mark.parametrize(
    ("mood", "previous", "flags"),
    [
        (2, None, ("low_mood",)),
        (3, None, ()),
        (5, 9, ("mood_drop",)),
        (6, 9, ()),
        (1, 8, ("low_mood", "mood_drop")),
    ],
)
def test_mood_is_a_flag_never_a_hold(mood, previous, flags):
    result = home(mood=mood, previous_mood=previous)

    assert result.outcome is Outcome.GO
    assert tuple(flag.code for flag in result.flags) == flags
    assert [f["code"] for f in result.as_dict()["flags"]] == list(flags)


@pytest.mark.parametrize(
    ("ride", "held"), [("yes", False), ("no", True), ("unsure", True), (None, True)]
)
def test_the_clinic_asks_for_a_ride_home(ride, held):
    result = clinic(ride_home=ride)

    assert (result.outcome is Outcome.HOLD) is held
    if ride == "no":
        assert result.codes == ("no_ride_home",)


@pytest.mark.parametrize(
    ("item9", "outcome"), [(0, Outcome.GO), (1, Outcome.HOLD), (2, Outcome.CALL), (3, Outcome.CALL)]
)
def test_phq9_item_9_asked_with_the_check_in(item9, outcome):
    result = home(phq9_item9=item9)

    assert result.outcome is outcome
    assert result.ideation is (item9 > 0)


@pytest.mark.parametrize("answer", ["no", "unsure", None])
@pytest.mark.parametrize("field", ["support_person", "at_address"])
def test_support_and_address_holds_are_lifted_only_by_a_new_check_in(field, answer):
    result = home(**{field: answer})

    assert result.outcome is Outcome.HOLD
    assert "incomplete" not in result.codes
    assert waiver_of(result.outcome, result.codes, "at_home") is Waiver.NEW_CHECK_IN
    assert may_check_in_again(result.outcome, result.codes, "at_home")


def test_a_support_hold_with_another_hold_is_not_rechecked_away():
    result = home(support_person="no", alcohol_24h="yes")

    assert waiver_of(result.outcome, result.codes, "at_home") is Waiver.NEW_CHECK_IN
    assert not may_check_in_again(result.outcome, result.codes, "at_home")


@pytest.mark.parametrize("answer", ["yes", "unsure", None])
def test_a_possible_pregnancy_at_home_needs_a_negative_test(answer):
    result = home(pregnant=answer)

    assert result.codes == ("pregnancy",)
    assert waiver_of(result.outcome, result.codes, "at_home") is Waiver.NEGATIVE_TEST


def test_in_the_clinic_a_hold_is_overridden_with_a_reason_as_before():
    result = clinic(pregnant="yes")

    assert waiver_of(result.outcome, result.codes, "in_clinic") is Waiver.REASON
    assert waiver_of("call", ["bp_crisis"], "in_clinic") is Waiver.NONE


def test_a_blood_pressure_call_leads_with_the_blood_pressure_not_the_suicide_wording():
    result = home(readings=twice(185, 100))
    headline = plain_headline(result.outcome, result.codes, "at_home")

    assert result.outcome is Outcome.CALL
    assert "blood pressure is very high" in headline
    assert "harming yourself" not in headline and "988" not in headline


def test_a_suicide_call_keeps_the_crisis_wording_first():
    result = home(phq9_item9=3, readings=twice(185, 100))

    assert "988" in plain_headline(result.outcome, result.codes, "at_home")


def test_an_ideation_hold_promises_no_today():
    from tests.treatment import NO_CSSRS

    result = home(cssrs=NO_CSSRS._replace(wish_dead=True))

    assert all("today" not in reason.plain for reason in result.reasons)
    assert "today" not in plain_headline(result.outcome, result.codes, "at_home")


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("checkin_bp_elevated_systolic", 141),
        ("checkin_bp_elevated_diastolic", 91),
        ("bp_low_systolic", 89),
        ("bp_low_diastolic", 59),
        ("heart_rate_min", 49),
        ("heart_rate_urgent", 131),
        ("repeat_reading_minutes", 31),
        ("repeat_reading_minutes", 14),
        ("missed_reading_grace_minutes", 11),
        ("missed_reading_escalate_minutes", 31),
        ("mood_flag_at_or_below", 1),
        ("mood_drop_flag", 5),
    ],
)
def test_no_edit_passes_a_floor(name, value):
    with pytest.raises(InvalidThresholds) as refused:
        limits_from_mapping({name: value})

    assert refused.value.first.field == name


def test_the_pre_dose_hold_never_lies_above_the_intakes_at_home_limit():
    limits = limits_from_mapping({"checkin_bp_elevated_systolic": 140})
    set_now = frozenset({"checkin_bp_elevated_systolic"})

    _, errors = limits_within_intake(limits, systolic=130, diastolic=90, set_now=set_now)
    lowered, none = limits_within_intake(limits, systolic=130, diastolic=85)

    assert [e.field for e in errors] == ["checkin_bp_elevated_systolic"]
    assert none == []
    assert (lowered.checkin_bp_elevated_systolic, lowered.checkin_bp_elevated_diastolic) == (
        130,
        85,
    )
    assert limits_within_intake(limits, systolic=140, diastolic=90, set_now=set_now) == (
        limits,
        [],
    )
    assert max(s.high for s in LIMIT_SPECS if s.name == "checkin_bp_elevated_systolic") == 140


def test_the_issues_example_of_157_97_never_goes_at_home_under_any_setting():
    loosest = limits_from_mapping(
        {"checkin_bp_elevated_systolic": 140, "checkin_bp_elevated_diastolic": 90}
    )
    answers = go_answers(Setting.AT_HOME, readings=twice(157, 97))

    assert check_pre_dose(answers, loosest).outcome is Outcome.HOLD
