"""Standard severity bands of the instruments' totals, for display (see instruments.md)."""

from __future__ import annotations

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
