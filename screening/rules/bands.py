"""Standard bands of the instruments' totals and of vital signs, for display (instruments.md)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

# (lowest total of the band, its name), ascending.
PHQ9_BANDS: Final = (
    (0, "minimal"),
    (5, "mild"),
    (10, "moderate"),
    (15, "moderately severe"),
    (20, "severe"),
)
GAD7_BANDS: Final = ((0, "minimal"), (5, "mild"), (10, "moderate"), (15, "severe"))
DAST10_BANDS: Final = ((0, "none"), (1, "low"), (3, "moderate"), (6, "substantial"), (9, "severe"))
AUDIT_C_HIGH: Final = 8
AUDIT_C_POSITIVE: Final = {"female": 3}
AUDIT_C_POSITIVE_OTHERS: Final = 4


def band(total: int, bands: tuple[tuple[int, str], ...]) -> str:
    return next(name for lowest, name in reversed(bands) if total >= lowest)


def phq9_band(total: int) -> str:
    return band(total, PHQ9_BANDS)


def gad7_band(total: int) -> str:
    return band(total, GAD7_BANDS)


def dast10_band(total: int) -> str:
    return band(total, DAST10_BANDS)


def audit_c_band(total: int, sex_at_birth: str | None) -> str:
    """Positive screen at 3 (female sex at birth) or 4 (others); 8-12 is often called high."""
    if total >= AUDIT_C_HIGH:
        return "positive, high (8-12)"
    cut_off = AUDIT_C_POSITIVE.get(sex_at_birth or "", AUDIT_C_POSITIVE_OTHERS)
    return "positive" if total >= cut_off else "negative"


def cssrs_risk_level(cssrs: Mapping[str, object]) -> str:
    """The C-SSRS screener's risk level (instruments.md 6.3): high, moderate, low or none.

    High: intent or a plan in the past month, or suicidal behaviour in the past 3
    months. Moderate: thinking about a method without either, or suicidal behaviour
    more than 3 months ago. Low: a wish to be dead or suicidal thoughts only.
    """

    def yes(item: str) -> bool:
        return cssrs.get(item) is True

    if yes("intent") or yes("plan") or yes("behavior_3_months"):
        return "high"
    if yes("method") or yes("behavior_lifetime"):
        return "moderate"
    if yes("wish_dead") or yes("suicidal_thoughts"):
        return "low"
    return "none"


# ACC/AHA 2017 blood pressure categories: (lowest systolic, lowest diastolic, name), highest first.
BP_CATEGORIES: Final = (
    (181, 121, "hypertensive crisis"),
    (140, 90, "stage 2 hypertension"),
    (130, 80, "stage 1 hypertension"),
)


def bp_category(systolic: int, diastolic: int) -> str:
    """A reading's ACC/AHA 2017 category; crisis is above 180/120."""
    for lowest_systolic, lowest_diastolic, name in BP_CATEGORIES:
        if systolic >= lowest_systolic or diastolic >= lowest_diastolic:
            return name
    return "elevated" if systolic >= 120 else "normal"


def heart_rate_band(beats_per_minute: int) -> str:
    """A resting heart rate: slow below 60, fast above 100."""
    if beats_per_minute > 100:
        return "fast (tachycardia)"
    return "slow" if beats_per_minute < 60 else "normal"
