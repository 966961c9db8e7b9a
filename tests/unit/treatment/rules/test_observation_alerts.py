"""Observation alerts: SpO2 below the floor, deep sedation, a crisis-level blood pressure."""

from datetime import UTC, datetime

import pytest

from treatment.rules import DEFAULT_LIMITS, Dissociation, Observation, observation_alerts

T = datetime(2026, 3, 10, 10, 0, tzinfo=UTC)


def reading(**changes):
    values = {
        "taken_at": T,
        "systolic": 130,
        "diastolic": 80,
        "heart_rate": 80,
        "spo2": 96,
        "moaas": 5,
        "dissociation": Dissociation.NONE,
    }
    return Observation(**(values | changes))


def codes(**changes):
    return [alert.code for alert in observation_alerts(reading(**changes), DEFAULT_LIMITS)]


def test_a_settled_reading_raises_no_alert():
    assert codes() == []


@pytest.mark.parametrize(("spo2", "expected"), [(89, ["spo2_low"]), (90, []), (91, [])])
def test_spo2_alerts_only_below_the_floor(spo2, expected):
    assert codes(spo2=spo2) == expected


@pytest.mark.parametrize(
    ("moaas", "expected"), [(0, ["deep_sedation"]), (2, ["deep_sedation"]), (3, []), (4, [])]
)
def test_sedation_alerts_at_moaas_2_or_less(moaas, expected):
    assert codes(moaas=moaas) == expected


@pytest.mark.parametrize(
    ("systolic", "diastolic", "expected"),
    [(179, 119, []), (180, 90, ["bp_crisis"]), (150, 120, ["bp_crisis"])],
)
def test_a_crisis_level_blood_pressure_alerts(systolic, diastolic, expected):
    assert codes(systolic=systolic, diastolic=diastolic) == expected


def test_several_alerts_at_once():
    assert codes(spo2=85, moaas=1, systolic=185) == ["spo2_low", "deep_sedation", "bp_crisis"]
