"""Editable thresholds of clinical-rules.md section 7: defaults, ranges, orderings, floors.

Safety floors: some ranges are narrower than the contract's, so that no rule
set can make at-home possible for a patient shown crisis resources or one the
contract holds back: PHQ-9 item 9 ideation is fixed at 1, the at-home blood
pressure limit cannot exceed 140/90, one antidepressant trial at least is
required, and the rules of `catalog.ALWAYS_ON` cannot be switched off. A
`Thresholds` outside them cannot even be built.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Final

from .catalog import RULES_BY_ID, SWITCHABLE_RULES
from .errors import FieldError, InvalidThresholds

DEFAULT_RULESET: Final = "default-1"


@dataclass(frozen=True, slots=True)
class ThresholdSpec:
    name: str
    default: int
    low: int
    high: int
    label: str
    unit: str = ""
    # Why the range stops where it does, when a safety floor narrowed it.
    floor: str = ""

    @property
    def fixed(self) -> bool:
        return self.low == self.high


THRESHOLD_SPECS: Final = (
    ThresholdSpec("bp_crisis_systolic", 180, 160, 200, "Hypertensive crisis, systolic", "mmHg"),
    ThresholdSpec("bp_crisis_diastolic", 120, 100, 130, "Hypertensive crisis, diastolic", "mmHg"),
    ThresholdSpec(
        "bp_uncontrolled_systolic", 160, 140, 180, "Uncontrolled hypertension, systolic", "mmHg"
    ),
    ThresholdSpec(
        "bp_uncontrolled_diastolic", 100, 90, 110, "Uncontrolled hypertension, diastolic", "mmHg"
    ),
    ThresholdSpec(
        "bp_elevated_systolic",
        140,
        120,
        140,
        "Elevated blood pressure, systolic",
        "mmHg",
        floor="the at-home limit cannot exceed 140/90 mmHg",
    ),
    ThresholdSpec(
        "bp_elevated_diastolic",
        90,
        80,
        90,
        "Elevated blood pressure, diastolic",
        "mmHg",
        floor="the at-home limit cannot exceed 140/90 mmHg",
    ),
    ThresholdSpec("dast10_active", 6, 3, 9, "DAST-10 score for active drug use"),
    ThresholdSpec("dast10_review", 3, 1, 6, "DAST-10 score for a substance use review"),
    ThresholdSpec("audit_c_active", 8, 5, 12, "AUDIT-C score for active alcohol use"),
    ThresholdSpec(
        "audit_c_review_female", 3, 2, 8, "AUDIT-C score for a review, female sex at birth"
    ),
    ThresholdSpec("audit_c_review_other", 4, 2, 8, "AUDIT-C score for a review, others"),
    ThresholdSpec(
        "phq9_item9_ideation",
        1,
        1,
        1,
        "PHQ-9 item 9 score for suicidal ideation",
        floor="any thought of being better off dead keeps a patient from at-home",
    ),
    ThresholdSpec("phq9_indication", 10, 5, 20, "PHQ-9 score that indicates treatment"),
    ThresholdSpec("gad7_indication", 10, 5, 15, "GAD-7 score that indicates treatment"),
    ThresholdSpec("gad7_panic", 15, 10, 21, "GAD-7 score for panic risk"),
    ThresholdSpec("min_age", 18, 18, 25, "Minimum age", "years"),
    ThresholdSpec(
        "min_antidepressant_trials",
        2,
        1,
        4,
        "Antidepressant trials required first",
        floor="ketamine is never a first treatment",
    ),
)
THRESHOLD_SPECS_BY_NAME: Final = {spec.name: spec for spec in THRESHOLD_SPECS}

# Each pair must stay strictly increasing: (lower, higher).
ORDERINGS: Final = (
    ("bp_elevated_systolic", "bp_uncontrolled_systolic"),
    ("bp_uncontrolled_systolic", "bp_crisis_systolic"),
    ("bp_elevated_diastolic", "bp_uncontrolled_diastolic"),
    ("bp_uncontrolled_diastolic", "bp_crisis_diastolic"),
    ("dast10_review", "dast10_active"),
    ("audit_c_review_female", "audit_c_active"),
    ("audit_c_review_other", "audit_c_active"),
)


@dataclass(frozen=True, slots=True)
class Thresholds:
    """A rule set's configuration: its name, threshold values and switched-off rules."""

    bp_crisis_systolic: int = 180
    bp_crisis_diastolic: int = 120
    bp_uncontrolled_systolic: int = 160
    bp_uncontrolled_diastolic: int = 100
    bp_elevated_systolic: int = 140
    bp_elevated_diastolic: int = 90
    dast10_active: int = 6
    dast10_review: int = 3
    audit_c_active: int = 8
    audit_c_review_female: int = 3
    audit_c_review_other: int = 4
    phq9_item9_ideation: int = 1
    phq9_indication: int = 10
    gad7_indication: int = 10
    gad7_panic: int = 15
    min_age: int = 18
    min_antidepressant_trials: int = 2
    ruleset: str = DEFAULT_RULESET
    disabled_rules: frozenset[str] = field(default_factory=frozenset)

    def values(self) -> dict[str, int]:
        """The threshold values by name, in the order of section 7."""
        return {spec.name: getattr(self, spec.name) for spec in THRESHOLD_SPECS}

    def as_dict(self) -> dict[str, object]:
        """The JSON form read back by `thresholds_from_mapping`."""
        return {**self.values(), "disabled_rules": sorted(self.disabled_rules)}

    def with_ruleset(self, ruleset: str) -> Thresholds:
        return replace(self, ruleset=ruleset)

    def __post_init__(self) -> None:
        """The safety floors hold for every rule set, however it was built."""
        errors = [
            FieldError(spec.name, message)
            for spec in THRESHOLD_SPECS
            if (message := _threshold_error(spec.name, getattr(self, spec.name)))
        ]
        errors += [
            FieldError("disabled_rules", f'"{rule}" cannot be switched off')
            for rule in sorted(self.disabled_rules - SWITCHABLE_RULES)
        ]
        if errors:
            raise InvalidThresholds(errors)


def _threshold_error(name: str, value: object) -> str | None:
    spec = THRESHOLD_SPECS_BY_NAME[name]
    if type(value) is not int:
        return f"expected a whole number, got {value!r}"
    if not spec.low <= value <= spec.high:
        unit = f" {spec.unit}" if spec.unit else ""
        allowed = (
            f"is not allowed: it is fixed at {spec.low}{unit}"
            if spec.fixed
            else f"is outside the allowed range {spec.low}-{spec.high}{unit}"
        )
        floor = f" (safety floor: {spec.floor})" if spec.floor else ""
        return f"{value} {allowed}{floor}"
    return None


def _disabled_rules_error(value: object) -> str | None:
    if type(value) is not list or any(type(rule) is not str for rule in value):
        return "expected a list of rule ids"
    for rule in value:
        if rule not in RULES_BY_ID:
            return f'"{rule}" is not a rule id'
        if rule not in SWITCHABLE_RULES:
            return f'"{rule}" cannot be switched off'
    return None


DEFAULT_THRESHOLDS: Final = Thresholds()


def thresholds_from_mapping(
    values: Mapping[str, object], *, ruleset: str = DEFAULT_RULESET
) -> Thresholds:
    """Validate any subset of the editable thresholds; the rest keep their defaults.

    `disabled_rules` may list switchable rules to turn off. Raises
    InvalidThresholds naming each field out of range or out of order.
    """
    errors: list[FieldError] = []
    for name, value in values.items():
        if name == "disabled_rules":
            message = _disabled_rules_error(value)
        elif name in THRESHOLD_SPECS_BY_NAME:
            message = _threshold_error(name, value)
        else:
            message = "is not an editable threshold"
        if message:
            errors.append(FieldError(name, message))
    if errors:
        raise InvalidThresholds(errors)

    merged = {**DEFAULT_THRESHOLDS.values(), **values}
    for lower, higher in ORDERINGS:
        if merged[lower] >= merged[higher]:  # type: ignore[operator]
            # Name the field that was edited, so a form can show the error beside it.
            at_fault = higher if higher in values and lower not in values else lower
            errors.append(
                FieldError(
                    at_fault,
                    f"{lower} ({merged[lower]}) must be below {higher} ({merged[higher]})",
                )
            )
    if errors:
        raise InvalidThresholds(errors)

    disabled_rules = values.get("disabled_rules", [])
    disabled = frozenset(disabled_rules if isinstance(disabled_rules, list) else ())
    numbers = {k: v for k, v in values.items() if k != "disabled_rules"}
    return Thresholds(**numbers, ruleset=ruleset, disabled_rules=disabled)  # type: ignore[arg-type]
