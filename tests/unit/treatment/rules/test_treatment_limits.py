"""The treatment settings: validated ranges, and no allowed value that makes a dose unsafe."""

import pytest

from screening.rules import InvalidThresholds
from tests.treatment import go_answers
from treatment.rules import (
    DEFAULT_LIMITS,
    LIMIT_SPECS,
    Dissociation,
    Observation,
    Outcome,
    Reading,
    check_pre_dose,
    discharge_readiness,
    limits_from_mapping,
    observation_alerts,
)
from treatment.rules.limits import Limits


def test_the_specs_and_the_limits_agree_on_names_and_defaults():
    assert list(DEFAULT_LIMITS.values()) == [spec.name for spec in LIMIT_SPECS]
    assert all(spec.low <= spec.default <= spec.high for spec in LIMIT_SPECS)
    assert DEFAULT_LIMITS.values() == {spec.name: spec.default for spec in LIMIT_SPECS}


def test_a_rule_set_stored_before_the_settings_gets_the_defaults():
    assert limits_from_mapping({}) == DEFAULT_LIMITS


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("spo2_floor", 89),
        ("min_monitoring_minutes", 119),
        ("observation_interval_minutes", 31),
        ("moaas_alert_at_or_below", 1),
        ("heart_rate_max", 101),
        ("checkin_bp_crisis_systolic", 181),
        ("first_observation_minutes", 41),
    ],
)
def test_it_refuses_values_past_the_safety_floor(name, value):
    with pytest.raises(InvalidThresholds) as refused:
        limits_from_mapping({name: value})

    assert refused.value.first.field == name
    assert "outside the allowed range" in refused.value.first.message


def test_it_refuses_unknown_names_wrong_types_and_broken_orderings():
    with pytest.raises(InvalidThresholds) as refused:
        limits_from_mapping({"nope": 1, "spo2_floor": "92"})
    assert [e.field for e in refused.value.errors] == ["nope", "spo2_floor"]

    with pytest.raises(InvalidThresholds) as refused:
        limits_from_mapping({"checkin_bp_elevated_systolic": 160})
    assert "outside the allowed range 120-140" in refused.value.first.message


def loosest() -> Limits:
    """Every setting at the end of its range that lets the most through."""
    loose = {spec.name: spec.high for spec in LIMIT_SPECS}
    loose |= {"spo2_floor": 90, "moaas_alert_at_or_below": 2, "min_monitoring_minutes": 120}
    return limits_from_mapping(loose)


def test_no_allowed_setting_lets_a_crisis_reading_or_a_fast_heart_go():
    limits = loosest()
    crisis = go_answers(readings=(Reading(180, 90, 70), Reading(120, 80, 70)))
    fast = go_answers(readings=(Reading(120, 80, 101), Reading(120, 80, 101)))

    assert check_pre_dose(crisis, limits).outcome is Outcome.CALL
    assert check_pre_dose(fast, limits).outcome is Outcome.HOLD


def test_no_allowed_setting_discharges_before_120_minutes_or_below_spo2_90():
    from datetime import UTC, datetime, timedelta

    t0 = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
    limits = loosest()

    def obs(minutes, spo2=97):
        return Observation(t0 + timedelta(minutes=minutes), 120, 80, 70, spo2, 5, Dissociation.NONE)

    def ready(now, observations):
        return discharge_readiness(
            dosed_at=t0,
            now=t0 + timedelta(minutes=now),
            observations=observations,
            escort_present=True,
            limits=limits,
        ).ready

    assert not ready(119, [obs(100)])
    assert not ready(125, [obs(120, spo2=89)])
    assert observation_alerts(obs(60, spo2=89), limits)
