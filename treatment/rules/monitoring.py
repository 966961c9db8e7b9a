"""After the dose: timed observations, urgent alerts and when the patient may leave.

Times are plain datetimes; t0 is when the dose was given. The app, not memory,
says when the next observation is due and when the patient is ready to leave.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import NamedTuple

from .limits import Limits
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
    if (
        observation.systolic >= limits.checkin_bp_crisis_systolic
        or observation.diastolic >= limits.checkin_bp_crisis_diastolic
    ):
        alerts.append(
            Alert(
                "bp_crisis",
                f"blood pressure {observation.systolic}/{observation.diastolic} mmHg is at or "
                f"above {limits.checkin_bp_crisis_systolic}/{limits.checkin_bp_crisis_diastolic}",
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


def _settled(o: Observation, baseline: Baseline | None, limits: Limits) -> list[str]:
    """What in one observation keeps the patient, in words; empty when nothing does."""
    unmet = []
    below_elevated = (
        o.systolic < limits.checkin_bp_elevated_systolic
        and o.diastolic < limits.checkin_bp_elevated_diastolic
    )
    near_baseline = baseline is not None and (
        o.systolic <= baseline.systolic + limits.baseline_margin_systolic
        and o.diastolic <= baseline.diastolic + limits.baseline_margin_diastolic
    )
    if not (below_elevated or near_baseline):
        unmet.append(
            f"blood pressure {o.systolic}/{o.diastolic} is neither below "
            f"{limits.checkin_bp_elevated_systolic}/{limits.checkin_bp_elevated_diastolic} nor "
            "within the margin of the pre-dose baseline"
        )
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
    baseline: Baseline | None,
    escort_present: bool | None,
    limits: Limits,
) -> Readiness:
    """Ready to leave when every condition holds now.

    At least the minimum monitoring time since t0; the last observation recent
    (within one interval), its blood pressure below the elevated limits or near
    the pre-dose baseline, MOAA/S 5, no dissociation, SpO2 at or above the floor;
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
        unmet += _settled(last, baseline, limits)
    if escort_present is not True:
        unmet.append("escort not confirmed present")
    if unmet:
        return Readiness(False, tuple(unmet), None, earliest)
    start = after_dose[-1].taken_at
    for previous, current in zip(after_dose[-2::-1], after_dose[::-1], strict=False):
        if _settled(previous, baseline, limits) or current.taken_at - previous.taken_at > interval:
            break
        start = previous.taken_at
    return Readiness(True, (), max(start, earliest), earliest)
