"""The pre-dose check: go only when every answer is given and in range."""

import pytest

from screening.rules.answers import Cssrs
from tests.treatment import NO_CSSRS, go_answers
from treatment.rules import DEFAULT_LIMITS, Outcome, Reading, Setting, check_pre_dose


def check(**changes):
    return check_pre_dose(go_answers(**changes), DEFAULT_LIMITS)


def check_home(**changes):
    return check_pre_dose(go_answers(Setting.AT_HOME, **changes), DEFAULT_LIMITS)


def test_it_says_go_when_every_answer_is_in_range():
    result = check()

    assert result.outcome is Outcome.GO
    assert result.reasons == ()
    assert result.baseline == (123, 77)
    assert not result.ideation


def test_it_says_go_at_home_with_support_and_at_the_address():
    assert check_home().outcome is Outcome.GO


@pytest.mark.parametrize(
    ("readings", "outcome"),
    [
        ((Reading(140, 80, 70), Reading(139, 80, 70)), Outcome.HOLD),  # mean 139.5 reads 140
        ((Reading(139, 80, 70), Reading(138, 80, 70)), Outcome.GO),
        ((Reading(130, 90, 70), Reading(130, 89, 70)), Outcome.HOLD),  # mean 89.5 reads 90
        ((Reading(130, 89, 70), Reading(130, 88, 70)), Outcome.GO),
    ],
)
def test_it_holds_at_the_elevated_blood_pressure_and_not_below(readings, outcome):
    assert check(readings=readings).outcome is outcome


def test_it_calls_on_one_crisis_level_reading_even_when_the_mean_is_lower():
    result = check(readings=(Reading(180, 100, 70), Reading(130, 80, 70)))

    assert result.outcome is Outcome.CALL
    assert result.codes == ("bp_crisis",)


@pytest.mark.parametrize(("heart_rate", "outcome"), [(100, Outcome.GO), (101, Outcome.HOLD)])
def test_it_holds_on_a_heart_rate_above_the_limit(heart_rate, outcome):
    readings = (Reading(120, 70, heart_rate), Reading(120, 70, heart_rate))

    assert check(readings=readings).outcome is outcome


def test_it_holds_with_fewer_than_two_readings():
    result = check(readings=(Reading(120, 70, 70),))

    assert result.outcome is Outcome.HOLD
    assert "readings" in result.reasons[0].text


@pytest.mark.parametrize(
    "changes",
    [
        {"alcohol_24h": "unsure"},
        {"alcohol_24h": None},
        {"pregnant": "unsure"},
        {"pregnant": None},
        {"new_medicines": "unsure"},
        {"new_medicines": "yes", "medicine_classes": frozenset()},
        {"ate_recently": "unsure"},
        {"drank_recently": None},
        {"cssrs": None},
        {"cssrs": NO_CSSRS._replace(behavior_3_months=None)},
        {"cssrs": Cssrs(wish_dead=False, suicidal_thoughts=True)},  # follow-ups unanswered
    ],
)
def test_a_missing_or_unsure_answer_never_gives_go(changes):
    result = check(**changes)

    assert result.outcome is not Outcome.GO
    assert "incomplete" in result.codes


@pytest.mark.parametrize(
    "changes",
    [
        {"mood": None},
        {"support_person": "unsure"},
        {"at_address": None},
    ],
)
def test_a_missing_or_unsure_answer_at_home_never_gives_go(changes):
    assert check_home(**changes).outcome is Outcome.HOLD


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"alcohol_24h": "yes"}, "alcohol"),
        ({"pregnant": "yes"}, "pregnancy"),
        ({"ate_recently": "yes"}, "food"),
        ({"drank_recently": "yes"}, "drink"),
        (
            {"new_medicines": "yes", "medicine_classes": frozenset({"benzodiazepine"})},
            "interacting_medicine",
        ),
        (
            {"new_medicines": "yes", "medicine_classes": frozenset({"other"})},
            "interacting_medicine",
        ),
    ],
)
def test_it_holds_on_each_answer_out_of_range(changes, code):
    result = check(**changes)

    assert result.outcome is Outcome.HOLD
    assert result.codes == (code,)


@pytest.mark.parametrize(
    ("changes", "code"),
    [({"support_person": "no"}, "no_support_person"), ({"at_address": "no"}, "not_at_address")],
)
def test_it_holds_at_home_without_support_or_away_from_the_address(changes, code):
    assert check_home(**changes).codes == (code,)


def test_a_new_medicine_that_does_not_interact_still_gives_go():
    result = check(new_medicines="yes", medicine_classes=frozenset({"ssri_snri"}))

    assert result.outcome is Outcome.GO


def test_pregnancy_is_not_asked_when_not_relevant():
    assert check(pregnancy_relevant=False, pregnant=None).outcome is Outcome.GO


def test_food_and_drink_are_asked_at_home_too():
    assert check_home(ate_recently=None, drank_recently=None).outcome is Outcome.HOLD


@pytest.mark.parametrize("item", ["intent", "plan", "behavior_3_months"])
def test_it_calls_on_intent_a_plan_or_recent_behaviour(item):
    cssrs = NO_CSSRS._replace(suicidal_thoughts=True, **{item: True})

    result = check(cssrs=cssrs)

    assert result.outcome is Outcome.CALL
    assert "suicide_risk_high" in result.codes
    assert result.ideation


@pytest.mark.parametrize("item", ["wish_dead", "suicidal_thoughts"])
def test_ideation_holds_and_is_flagged_for_a_task(item):
    result = check(cssrs=NO_CSSRS._replace(**{item: True}))

    assert result.outcome is Outcome.HOLD
    assert result.codes == ("suicidal_ideation",)
    assert result.ideation


def test_the_strongest_reason_decides_and_comes_first():
    result = check(alcohol_24h="yes", readings=(Reading(190, 100, 70), Reading(185, 100, 70)))

    assert result.outcome is Outcome.CALL
    assert result.codes == ("bp_crisis", "alcohol")


def test_every_reason_has_plain_words_for_the_patient():
    result = check_home(
        alcohol_24h="yes",
        support_person="no",
        mood=None,
        cssrs=NO_CSSRS._replace(wish_dead=True),
    )

    for reason in result.reasons:
        assert reason.plain
        assert "_" not in reason.plain
