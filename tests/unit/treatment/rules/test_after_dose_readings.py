"""At home after the dose: a raised reading at 40 minutes is expected; at 2 hours it is not."""

from datetime import UTC, datetime, timedelta

import pytest

from treatment.rules import (
    DEFAULT_LIMITS,
    HomeReading,
    Level,
    Severity,
    SideEffect,
    Slot,
    after_dose_reading,
    is_adverse_event,
    limits_from_mapping,
    slot_times,
)


def awake(systolic, diastolic, heart_rate=80):
    """A reading whose support person finds the patient easy to wake and breathing normally."""
    return HomeReading(systolic, diastolic, heart_rate, "yes", "yes")


def level(slot, systolic, diastolic, heart_rate=80, limits=DEFAULT_LIMITS):
    return after_dose_reading(slot, awake(systolic, diastolic, heart_rate), limits).level


@pytest.mark.parametrize("slot", list(Slot))
def test_a_settled_reading_is_settled_at_either_time(slot):
    assert level(slot, 132, 84) is Level.SETTLED


def test_a_raised_reading_at_40_minutes_is_expected_and_not_urgent():
    result = after_dose_reading(Slot.FIRST, awake(150, 92, 88), DEFAULT_LIMITS)

    assert result.level is Level.RAISED
    assert not result.level.urgent
    assert "common in the first hour" in result.plain


@pytest.mark.parametrize(
    ("systolic", "diastolic", "heart_rate"),
    [(140, 80, 80), (130, 90, 80), (130, 80, 101)],
)
def test_a_reading_still_raised_at_2_hours_is_urgent(systolic, diastolic, heart_rate):
    result = after_dose_reading(Slot.LAST, awake(systolic, diastolic, heart_rate), DEFAULT_LIMITS)

    assert result.level is Level.STILL_RAISED
    assert result.level.urgent
    assert "call you soon" in result.plain and "911" in result.plain


@pytest.mark.parametrize("slot", list(Slot))
@pytest.mark.parametrize(("systolic", "diastolic"), [(180, 100), (150, 120)])
def test_a_crisis_level_reading_is_urgent_at_any_time(slot, systolic, diastolic):
    result = after_dose_reading(slot, awake(systolic, diastolic), DEFAULT_LIMITS)

    assert result.level is Level.CRISIS
    assert "Call 911 now" in result.plain
    assert f"{systolic}/{diastolic}" in result.text


def test_just_below_the_limits_is_settled_at_2_hours():
    assert level(Slot.LAST, 139, 89, 99) is Level.SETTLED


def test_the_limits_come_from_the_rule_set():
    strict = limits_from_mapping({"checkin_bp_elevated_systolic": 130})

    assert level(Slot.LAST, 135, 80, limits=strict) is Level.STILL_RAISED
    assert level(Slot.LAST, 135, 80) is Level.SETTLED


def test_the_readings_are_due_at_the_first_observation_and_the_minimum_monitoring_time():
    dosed = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)

    first = slot_times(dosed, Slot.FIRST, DEFAULT_LIMITS)
    last = slot_times(dosed, Slot.LAST, DEFAULT_LIMITS)

    assert first.due_at == dosed + timedelta(minutes=40)
    assert last.due_at == dosed + timedelta(minutes=120)
    assert first.opens_at == first.due_at - timedelta(minutes=5)
    assert last.overdue_at == last.due_at + timedelta(minutes=5)
    assert last.missed_at == last.due_at + timedelta(minutes=10)


@pytest.mark.parametrize(
    ("severity", "adverse"),
    [(Severity.MILD, False), (Severity.MODERATE, False), (Severity.SEVERE, True)],
)
def test_only_a_severe_side_effect_is_an_adverse_event(severity, adverse):
    assert is_adverse_event(severity, SideEffect.NAUSEA) is adverse
