"""Where an at-home session stands for the patient and clinicians: the check-in window, the
gate, the readings due and missed, and the end of the session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.utils import timezone

from treatment.checks.models import PreDoseCheck
from treatment.checks.selectors import gate_of, latest_check, latest_readiness
from treatment.courses.models import TreatmentCourse, TreatmentSession
from treatment.home.models import AfterDoseReading, HomeDose, ReportedSideEffect
from treatment.rules import (
    Level,
    Limits,
    SideEffect,
    Slot,
    SlotTimes,
    Taken,
    due_slots,
    limits_as_kept,
    session_complete,
)
from treatment.rules.therapy import Gate
from treatment.rules.waivers import may_check_in_again
from treatment.therapy.models import ReadinessAssessment

CHECK_IN_OPENS_HOURS = 24


def check_in_window(day: date) -> tuple[datetime, datetime]:
    """From 24 hours before the session's day begins until that day ends (local time)."""
    start = timezone.make_aware(datetime.combine(day, time(0)))
    return start - timedelta(hours=CHECK_IN_OPENS_HOURS), start + timedelta(days=1)


@dataclass
class SlotStatus:
    slot: Slot
    times: SlotTimes
    reading: AfterDoseReading | None
    now: datetime | None = None

    @property
    def missed(self) -> bool:
        """Not sent by its missed time (the session page's now): the clinic has been told."""
        return self.now is not None and self.is_missed(self.now)

    def is_open(self, now: datetime) -> bool:
        return self.reading is None and now >= self.times.opens_at

    def is_overdue(self, now: datetime) -> bool:
        return self.reading is None and now > self.times.overdue_at

    def is_missed(self, now: datetime) -> bool:
        return self.reading is None and now > self.times.missed_at


def taken_of(readings: list[AfterDoseReading]) -> dict[Slot, Taken]:
    return {Slot(r.slot): Taken(r.taken_at, Level(r.level)) for r in readings}


@dataclass
class HomeStatus:
    """Where an at-home session stands for the patient and the board, from loaded rows."""

    session: TreatmentSession
    check: PreDoseCheck | None
    dose: HomeDose | None
    readings: list[AfterDoseReading]
    now: datetime
    readiness: ReadinessAssessment | None = None

    @property
    def gate(self) -> Gate:
        return gate_of(self.check, self.readiness)

    @property
    def readiness_held(self) -> bool:
        """The therapist said "not ready" and no clinician has overridden it."""
        return self.readiness is not None and self.readiness.holds

    @property
    def window(self) -> tuple[datetime, datetime]:
        return check_in_window(self.session.scheduled_for)

    @property
    def course_open(self) -> bool:
        return self.session.course.status == TreatmentCourse.Status.OPEN

    @property
    def window_open(self) -> bool:
        opens, closes = self.window
        return opens <= self.now < closes

    @property
    def go_until(self) -> datetime | None:
        """Until when a go (or an overridden hold) lets the patient start the dose."""
        if self.check is None or not self.gate.may_dose:
            return None
        since = self.check.overridden_at or self.check.checked_at
        return since + timedelta(minutes=settings.HOME_CHECK_IN_VALID_MINUTES)

    @property
    def go_expired(self) -> bool:
        until = self.go_until
        return until is not None and self.now > until

    @property
    def may_check_in_again(self) -> bool:
        """A hold only for the support person or the address: never overridden, the patient
        checks in again once they are right."""
        check = self.check
        return (
            check is not None
            and check.overridden_at is None
            and may_check_in_again(check.outcome, check.codes, check.setting)
        )

    @property
    def can_check_in(self) -> bool:
        """Open window, no dose yet, and no check, a go that has run out, or a hold that only
        a new check-in lifts.

        After any other hold or a call the patient does not check again: a clinician
        decides. While the therapist's "not ready" stands there is nothing to check in for.
        """
        return (
            self.course_open
            and self.window_open
            and self.dose is None
            and not self.readiness_held
            and (self.check is None or self.go_expired or self.may_check_in_again)
        )

    @property
    def can_start(self) -> bool:
        return (
            self.course_open
            and self.dose is None
            and self.go_until is not None
            and not self.go_expired
            and timezone.localdate(self.now) == self.session.scheduled_for
        )

    @property
    def limits(self) -> Limits:
        """The limits the dose's check was made with, as it kept them."""
        return limits_as_kept(self.dose.pre_dose_check.limits if self.dose else {})

    @property
    def slots(self) -> list[SlotStatus]:
        """The readings this session asks for: 40 minutes, a repeat after a raised first
        one, 2 hours."""
        if self.dose is None:
            return []
        by_slot = {Slot(reading.slot): reading for reading in self.readings}
        return [
            SlotStatus(slot, times, by_slot.get(slot), self.now)
            for slot, times in due_slots(self.dose.dosed_at, taken_of(self.readings), self.limits)
        ]

    @property
    def next_slot(self) -> SlotStatus | None:
        return next((s for s in self.slots if s.reading is None), None)

    @property
    def reading_overdue(self) -> bool:
        return any(s.is_overdue(self.now) for s in self.slots)

    @property
    def in_readings(self) -> bool:
        """The dose is taken and readings are still to come: the page shows nothing else."""
        return self.dose is not None and self.next_slot is not None

    @property
    def complete(self) -> bool:
        """Every reading in and the last one settled: the session is over."""
        return self.dose is not None and session_complete(
            self.dose.dosed_at, taken_of(self.readings), self.limits
        )

    @property
    def state(self) -> str:
        if self.dose is not None:
            return "dosing" if self.next_slot is not None else "done"
        return self.gate.state


def home_status(session: TreatmentSession, now: datetime) -> HomeStatus:
    """One at-home session's status (a few queries: for its own pages)."""
    dose = (
        HomeDose.objects.select_related("pre_dose_check")
        .filter(session=session)
        .prefetch_related("readings")
        .first()
    )
    return HomeStatus(
        session,
        latest_check(session),
        dose,
        list(dose.readings.all()) if dose else [],
        now,
        latest_readiness(session),
    )


def last_side_effects(session: TreatmentSession) -> dict[SideEffect, ReportedSideEffect]:
    """Each side effect's latest report in a session: once reported, it stays shown so."""
    return {
        SideEffect(row.effect): row
        for row in ReportedSideEffect.objects.filter(session=session).order_by("reported_at", "pk")
    }
