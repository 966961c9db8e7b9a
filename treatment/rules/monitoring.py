"""After the dose: timed observations, urgent alerts and when the patient may leave.

Times are plain datetimes; t0 is when the dose was given. The app, not memory,
says when the next observation is due and when the patient is ready to leave.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import NamedTuple

from .limits import Limits, settled_vitals
from .vocab import MOAAS_AWAKE, Dissociation


class Observation(NamedTuple):
    taken_at: datetime
    systolic: int
    diastolic: int
    heart_rate: int
    spo2: int
    moaas: int  # 0-5
    dissociation: Dissociation


class Alert(NamedTuple):
    code: str
    text: str


def observation_alerts(observation: Observation, limits: Limits) -> tuple[Alert, ...]:
    """Readings that open an urgent alert on the today board."""
    alerts = []
    if observation.spo2 < limits.spo2_floor:
        alerts.append(Alert("spo2_low", f"SpO2 {observation.spo2}% is below {limits.spo2_floor}%"))
    if observation.moaas <= limits.moaas_alert_at_or_below:
        alerts.append(
            Alert(
                "deep_sedation",
                f"MOAA/S {observation.moaas} is at or below {limits.moaas_alert_at_or_below}",
            )
        )
    s, d, hr = observation.systolic, observation.diastolic, observation.heart_rate
    if limits.crisis(s, d):
        alerts.append(
            Alert(
                "bp_crisis",
                f"blood pressure {s}/{d} mmHg is at or above "
                f"{limits.checkin_bp_crisis_systolic}/{limits.checkin_bp_crisis_diastolic}",
            )
        )
    if limits.low(s, d):
        alerts.append(
            Alert(
                "bp_low",
                f"blood pressure {s}/{d} mmHg is below "
                f"{limits.bp_low_systolic}/{limits.bp_low_diastolic}",
            )
        )
    if hr < limits.heart_rate_min:
        alerts.append(
            Alert("heart_rate_low", f"heart rate {hr} bpm is below {limits.heart_rate_min}")
        )
    if hr >= limits.heart_rate_urgent:
        alerts.append(
            Alert(
                "heart_rate_high",
                f"heart rate {hr} bpm is at or above {limits.heart_rate_urgent}",
            )
        )
    return tuple(alerts)


class NextObservation(NamedTuple):
    due_at: datetime
    overdue_at: datetime  # due_at plus the grace period

    def is_overdue(self, now: datetime) -> bool:
        return now > self.overdue_at


def next_observation(
    dosed_at: datetime, observations: Sequence[Observation], limits: Limits
) -> NextObservation:
    """The first at t0 + first_observation_minutes, then at most an interval after the last."""
    first = dosed_at + timedelta(minutes=limits.first_observation_minutes)
    taken = [o.taken_at for o in observations if o.taken_at >= dosed_at]
    due = max(taken) + timedelta(minutes=limits.observation_interval_minutes) if taken else first
    return NextObservation(due, due + timedelta(minutes=limits.observation_grace_minutes))


class Baseline(NamedTuple):
    systolic: int
    diastolic: int


class Readiness(NamedTuple):
    ready: bool
    unmet: tuple[str, ...]  # what still keeps the patient, in words
    ready_since: datetime | None  # since when, unbroken, the patient has been ready
    earliest: datetime  # t0 + the minimum monitoring time


def _settled(o: Observation, limits: Limits) -> list[str]:
    """What in one observation keeps the patient, in words; empty when nothing does.

    Blood pressure and heart rate are settled as a reading at home is at 2 hours
    (`settled_vitals`): one rule for both settings, the safer one. A margin over the
    pre-dose baseline no longer discharges a patient at or above the elevated limits.
    """
    unmet = settled_vitals(o.systolic, o.diastolic, o.heart_rate, limits)
    if o.moaas != MOAAS_AWAKE:
        unmet.append(f"MOAA/S is {o.moaas}, not {MOAAS_AWAKE}")
    if o.dissociation is not Dissociation.NONE:
        unmet.append(f"dissociation is {o.dissociation.value}")
    if o.spo2 < limits.spo2_floor:
        unmet.append(f"SpO2 {o.spo2}% is below {limits.spo2_floor}%")
    return unmet


def discharge_readiness(
    *,
    dosed_at: datetime,
    now: datetime,
    observations: Sequence[Observation],
    escort_present: bool | None,
    limits: Limits,
) -> Readiness:
    """Ready to leave when every condition holds now.

    At least the minimum monitoring time since t0; the last observation recent
    (within one interval) and settled (`_settled`: vitals as at home at 2 hours,
    MOAA/S 5, no dissociation, SpO2 at or above the floor); the escort present.
    the escort present. `ready_since` is the start of the unbroken run of
    settled observations ending now, no earlier than the minimum time.
    """
    earliest = dosed_at + timedelta(minutes=limits.min_monitoring_minutes)
    interval = timedelta(minutes=limits.observation_interval_minutes)
    unmet: list[str] = []
    if now < earliest:
        unmet.append(f"monitoring until {earliest:%H:%M} ({limits.min_monitoring_minutes} min)")
    after_dose = sorted(
        (o for o in observations if o.taken_at >= dosed_at), key=lambda o: o.taken_at
    )
    if not after_dose:
        unmet.append("no observation since the dose")
    else:
        last = after_dose[-1]
        if now - last.taken_at > interval:
            unmet.append("the last observation is older than one interval")
        unmet += _settled(last, limits)
    if escort_present is not True:
        unmet.append("escort not confirmed present")
    if unmet:
        return Readiness(False, tuple(unmet), None, earliest)
    start = after_dose[-1].taken_at
    for previous, current in zip(after_dose[-2::-1], after_dose[::-1], strict=False):
        if _settled(previous, limits) or current.taken_at - previous.taken_at > interval:
            break
        start = previous.taken_at
    return Readiness(True, (), max(start, earliest), earliest)


def ready_window(
    *,
    dosed_at: datetime,
    observations: Sequence[Observation],
    escort_present: bool | None,
    limits: Limits,
) -> tuple[datetime, datetime] | None:
    """When `discharge_readiness` says ready, as an interval of `now`: from the minimum
    monitoring time until the last observation is one interval old; None when no time is.

    Ready needs the time (`now` in the window) and facts that only a new write changes (the
    last observation settled, the escort present): the board stores the window with the
    record's state and orders on it, so no clock has to rewrite a row.
    """
    after_dose = sorted(
        (o for o in observations if o.taken_at >= dosed_at), key=lambda o: o.taken_at
    )
    if not after_dose or escort_present is not True or _settled(after_dose[-1], limits):
        return None
    opens = dosed_at + timedelta(minutes=limits.min_monitoring_minutes)
    closes = after_dose[-1].taken_at + timedelta(minutes=limits.observation_interval_minutes)
    return (opens, closes) if opens <= closes else None
