"""Bands shown to clinicians: C-SSRS risk level, blood pressure category, heart rate."""

import pytest

from screening.rules.bands import bp_category, cssrs_risk_level, heart_rate_band

NO = {
    "wish_dead": False,
    "suicidal_thoughts": False,
    "behavior_lifetime": False,
    "behavior_3_months": False,
}


@pytest.mark.parametrize(
    ("yes", "level"),
    [
        ((), "none"),
        (("wish_dead",), "low"),
        (("wish_dead", "suicidal_thoughts"), "low"),
        (("suicidal_thoughts", "method"), "moderate"),
        (("behavior_lifetime",), "moderate"),
        (("suicidal_thoughts", "method", "intent"), "high"),
        (("suicidal_thoughts", "plan"), "high"),
        (("behavior_lifetime", "behavior_3_months"), "high"),
    ],
)
def test_it_gives_the_columbia_screener_risk_level(yes, level):
    assert cssrs_risk_level(NO | dict.fromkeys(yes, True)) == level


@pytest.mark.parametrize(
    ("reading", "category"),
    [
        ((119, 79), "normal"),
        ((120, 79), "elevated"),
        ((130, 70), "stage 1 hypertension"),
        ((118, 80), "stage 1 hypertension"),
        ((140, 70), "stage 2 hypertension"),
        ((120, 90), "stage 2 hypertension"),
        ((180, 120), "stage 2 hypertension"),
        ((181, 90), "hypertensive crisis"),
        ((150, 121), "hypertensive crisis"),
    ],
)
def test_it_places_a_reading_in_its_acc_aha_category(reading, category):
    assert bp_category(*reading) == category


@pytest.mark.parametrize(
    ("rate", "band"), [(59, "slow"), (60, "normal"), (100, "normal"), (101, "fast (tachycardia)")]
)
def test_it_bands_a_resting_heart_rate(rate, band):
    assert heart_rate_band(rate) == band
