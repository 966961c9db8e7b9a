"""Ready to leave: 120 minutes, a settled last reading, MOAA/S 5, no dissociation, escort."""

from datetime import UTC, datetime, timedelta

import pytest

from treatment.rules import (
    DEFAULT_LIMITS,
    Dissociation,
    Observation,
    discharge_readiness,
    next_observation,
)

T0 = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


def at(minutes, **changes):
    values = {
        "taken_at": T0 + timedelta(minutes=minutes),
        "systolic": 130,
        "diastolic": 80,
        "heart_rate": 80,
        "spo2": 97,
        "moaas": 5,
        "dissociation": Dissociation.NONE,
    }
    return Observation(**(values | changes))


def readiness(now_minutes, observations, escort=True, limits=DEFAULT_LIMITS):
    return discharge_readiness(
        dosed_at=T0,
        now=T0 + timedelta(minutes=now_minutes),
        observations=observations,
        escort_present=escort,
        limits=limits,
    )


SETTLED = [at(40), at(70), at(100), at(118)]


def test_not_ready_at_119_minutes():
    result = readiness(119, SETTLED)

    assert not result.ready
    assert result.unmet == ("monitoring until 11:00 (120 min)",)


def test_ready_at_120_minutes_since_when_it_became_ready():
    result = readiness(120, SETTLED)

    assert result.ready
    assert result.ready_since == T0 + timedelta(minutes=120)
    assert result.earliest == T0 + timedelta(minutes=120)


@pytest.mark.parametrize(("moaas", "ready"), [(4, False), (5, True)])
def test_moaas_must_be_5(moaas, ready):
    assert readiness(125, [*SETTLED, at(122, moaas=moaas)]).ready is ready


@pytest.mark.parametrize(("spo2", "ready"), [(89, False), (90, True)])
def test_spo2_at_the_floor_is_enough(spo2, ready):
    assert readiness(125, [*SETTLED, at(122, spo2=spo2)]).ready is ready


@pytest.mark.parametrize("level", [Dissociation.MILD, Dissociation.MODERATE, Dissociation.SEVERE])
def test_any_dissociation_keeps_the_patient(level):
    result = readiness(125, [*SETTLED, at(122, dissociation=level)])

    assert not result.ready
    assert result.unmet == (f"dissociation is {level.value}",)


def test_the_escort_must_be_present():
    assert not readiness(125, SETTLED, escort=None).ready
    assert not readiness(125, SETTLED, escort=False).ready


@pytest.mark.parametrize(
    ("systolic", "diastolic", "heart_rate", "ready"),
    [
        (139, 89, 99, True),  # below the elevated limits
        (140, 80, 80, False),  # at the systolic limit
        (130, 90, 80, False),  # at the diastolic limit
        (142, 94, 80, False),  # within 10/10 of the baseline no longer discharges
        (90, 60, 50, True),  # at the low limits
        (89, 70, 80, False),  # hypotension
        (110, 59, 80, False),
        (120, 75, 49, False),  # bradycardia
        (120, 75, 100, False),  # a raised heart rate
    ],
)
def test_settled_as_a_reading_at_home_is_at_2_hours(systolic, diastolic, heart_rate, ready):
    """One rule for both settings, the safer (home's): no margin over the baseline."""
    observations = [
        *SETTLED,
        at(122, systolic=systolic, diastolic=diastolic, heart_rate=heart_rate),
    ]

    assert readiness(125, observations).ready is ready


def test_the_last_observation_must_be_recent():
    result = readiness(160, SETTLED)  # last at 118, now 160: older than 30 minutes

    assert not result.ready
    assert "the last observation is older than one interval" in result.unmet


def test_no_observation_is_never_ready():
    assert not readiness(130, []).ready


def test_ready_since_starts_after_the_last_unsettled_reading():
    observations = [at(40), at(70), at(100, moaas=4), at(125), at(140)]

    result = readiness(145, observations)

    assert result.ready_since == T0 + timedelta(minutes=125)


def test_ready_since_is_never_before_the_minimum_time():
    assert readiness(130, [*SETTLED, at(128)]).ready_since == T0 + timedelta(minutes=120)


def test_the_first_observation_is_due_at_40_minutes_then_every_30():
    first = next_observation(T0, [], DEFAULT_LIMITS)
    assert first.due_at == T0 + timedelta(minutes=40)
    assert first.overdue_at == T0 + timedelta(minutes=45)
    assert not first.is_overdue(T0 + timedelta(minutes=45))
    assert first.is_overdue(T0 + timedelta(minutes=45, seconds=1))

    later = next_observation(T0, [at(43)], DEFAULT_LIMITS)
    assert later.due_at == T0 + timedelta(minutes=73)
