"""Scores of clinical-rules.md section 2, computed from validated answers."""

from __future__ import annotations

from typing import NamedTuple

from .answers import Answers, BloodPressure

# DAST-10 item 3 ("always able to stop using drugs when you want to") is
# reverse-scored: it scores 1 when answered no.
DAST10_REVERSED_ITEM = 3


class Scores(NamedTuple):
    """Totals of the instruments, mean blood pressure and BMI; None when not answered."""

    phq9: int | None = None
    phq9_item9: int | None = None
    gad7: int | None = None
    audit_c: int | None = None
    dast10: int | None = None
    bp_systolic: int | None = None
    bp_diastolic: int | None = None
    bmi: float | None = None

    def as_dict(self) -> dict[str, int | float | None]:
        return self._asdict()


def rounded_mean(values: tuple[int, ...]) -> int:
    """Mean to the nearest whole number, halves rounded up (the safer reading of BP)."""
    count = len(values)
    return (2 * sum(values) + count) // (2 * count)


def dast10_total(answers: tuple[bool, ...]) -> int:
    reversed_index = DAST10_REVERSED_ITEM - 1
    total = sum(answers) - answers[reversed_index]
    return total + (not answers[reversed_index])


def mean_blood_pressure(readings: tuple[BloodPressure, ...]) -> tuple[int, int]:
    if len(readings) == 1:
        return readings[0][:2]
    systolic, diastolic, _ = zip(*readings, strict=True)
    return rounded_mean(systolic), rounded_mean(diastolic)


def mean_heart_rate(readings: tuple[BloodPressure, ...]) -> int | None:
    """The mean of the heart rates given with the readings, halves up; None when none."""
    rates = tuple(reading.heart_rate for reading in readings if reading.heart_rate is not None)
    return rounded_mean(rates) if rates else None


def compute_scores(answers: Answers) -> Scores:
    phq9, gad7, audit_c, dast10 = answers.phq9, answers.gad7, answers.audit_c, answers.dast10
    readings = answers.bp_readings
    systolic = diastolic = None
    if readings:
        systolic, diastolic = mean_blood_pressure(readings)
    height, weight = answers.height_cm, answers.weight_kg
    bmi = None
    if height is not None and weight is not None:
        bmi = round(weight / (height / 100) ** 2, 1)
    return Scores(
        sum(phq9) if phq9 is not None else None,
        phq9[8] if phq9 is not None else None,
        sum(gad7) if gad7 is not None else None,
        sum(audit_c) if audit_c is not None else None,
        dast10_total(dast10) if dast10 is not None else None,
        systolic,
        diastolic,
        bmi,
    )
