"""The treatment settings in words: for the clinical lead's sign-off, and as Markdown for
docs/clinical-rules.md.

A test renders them again and compares them with the document, so it can never
drift from what the checks do.
"""

from __future__ import annotations

from .limits import Limits
from .settings import LIMIT_SPECS
from .sources import TREATMENT_SOURCES


def limits_table() -> str:
    lines = [
        "| name | meaning | default | allowed range | safety floor | used by | source |",
        "|---|---|---|---|---|---|---|",
    ]
    for spec in LIMIT_SPECS:
        unit = f" {spec.unit}" if spec.unit else ""
        lines.append(
            f"| `{spec.name}` | {spec.label} | {spec.default}{unit} | {spec.low}..{spec.high} | "
            f"{spec.floor} | {spec.used_by} | {spec.source} |"
        )
    return "\n".join(lines)


def treatment_sources_list() -> str:
    return "\n".join(f"- **{key}**: {text}" for key, text in TREATMENT_SOURCES.items())


def describe_limits(limits: Limits) -> list[str]:
    """The treatment settings in plain words, for the clinical lead's sign-off."""
    v = limits
    benign = " and ".join(sorted(v.benign_classes)) or "none"
    return [
        f"Pre-dose check: hold when the mean blood pressure is at or above "
        f"{v.checkin_bp_elevated_systolic}/{v.checkin_bp_elevated_diastolic} mmHg or below "
        f"{v.bp_low_systolic}/{v.bp_low_diastolic} mmHg, or the mean heart rate is above "
        f"{v.heart_rate_max} or below {v.heart_rate_min} bpm; call when any reading is at or "
        f"above {v.checkin_bp_crisis_systolic}/{v.checkin_bp_crisis_diastolic} mmHg",
        f"Pre-dose check: a new medicine since the last session holds, except these classes: "
        f"{benign}; a mood of {v.mood_flag_at_or_below} or less, or {v.mood_drop_flag} points "
        "below the last check-in, is flagged to clinicians",
        f"Readings at home: at {v.first_observation_minutes} and {v.min_monitoring_minutes} "
        f"minutes after the dose; a raised first reading is read again after "
        f"{v.repeat_reading_minutes} minutes; a heart rate at or above {v.heart_rate_urgent} "
        f"bpm is urgent; a reading not sent {v.missed_reading_grace_minutes} minutes after it "
        f"is due opens an urgent task, escalated after {v.missed_reading_escalate_minutes} "
        "minutes without an answer",
        f"Observations: first at {v.first_observation_minutes} minutes after the dose, then at "
        f"least every {v.observation_interval_minutes} minutes; overdue "
        f"{v.observation_grace_minutes} minutes after they fall due",
        f"Urgent alert: SpO2 below {v.spo2_floor}%, MOAA/S at or below "
        f"{v.moaas_alert_at_or_below}, a blood pressure at or above "
        f"{v.checkin_bp_crisis_systolic}/{v.checkin_bp_crisis_diastolic} mmHg or below "
        f"{v.bp_low_systolic}/{v.bp_low_diastolic} mmHg, or a heart rate at or above "
        f"{v.heart_rate_urgent} or below {v.heart_rate_min} bpm",
        f"Settled (ready to leave the clinic; the last reading at home): at least "
        f"{v.min_monitoring_minutes} minutes after the dose; blood pressure below "
        f"{v.checkin_bp_elevated_systolic}/{v.checkin_bp_elevated_diastolic} mmHg and not "
        f"below {v.bp_low_systolic}/{v.bp_low_diastolic} mmHg; heart rate from "
        f"{v.heart_rate_min} to below {v.heart_rate_max} bpm; in the clinic also MOAA/S 5, no "
        f"dissociation, SpO2 at or above {v.spo2_floor}% and the escort present",
    ]
