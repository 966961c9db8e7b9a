"""Forms of rule-set drafts: every threshold with its range, the preview dates."""

from __future__ import annotations

from typing import Any

from django import forms

from screening.rules import RULES, InvalidThresholds, thresholds_from_mapping
from screening.rules.thresholds import THRESHOLD_SPECS, ThresholdSpec
from screening.rulesets.models import RuleSet
from treatment.rules import LIMIT_SPECS, LimitSpec, limits_from_mapping, limits_within_intake


def threshold_field(spec: ThresholdSpec) -> forms.IntegerField:
    unit = f" {spec.unit}" if spec.unit else ""
    rules = ", ".join(rule.id for rule in RULES if spec.name in rule.thresholds)
    allowed = (
        f"Fixed at {spec.low}{unit}"
        if spec.fixed
        else f"Default {spec.default}{unit}; allowed {spec.low}-{spec.high}{unit}"
    )
    floor = f" Safety floor: {spec.floor}." if spec.floor else ""
    return forms.IntegerField(
        label=spec.label,
        help_text=f"{allowed}.{floor} Used by: {rules}.",
        error_messages={"required": "Enter a value.", "invalid": "Enter a whole number."},
    )


def limit_field(spec: LimitSpec) -> forms.IntegerField:
    unit = f" {spec.unit}" if spec.unit else ""
    return forms.IntegerField(
        label=spec.label,
        required=False,  # left out: the draft keeps its value
        help_text=f"Treatment setting. Default {spec.default}{unit}; allowed "
        f"{spec.low}-{spec.high}{unit}. Used by: {spec.used_by}.",
        error_messages={"invalid": "Enter a whole number."},
    )


class RuleSetForm(forms.Form):
    """Every editable threshold with its default, allowed range and the rules that use it."""

    disabled_rules = forms.MultipleChoiceField(
        label="Rules switched off",
        required=False,
        choices=[(rule.id, rule.id.replace("_", " ")) for rule in RULES if rule.switchable],
        widget=forms.CheckboxSelectMultiple,
        help_text="Contraindications and in-clinic rules cannot be switched off, nor, as "
        "safety floors, incomplete answers, the suicide rules, ketamine misuse, mania, the "
        "substance use review, first-line treatment and the medication rules.",
    )
    note = forms.CharField(
        label="What changes and why", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(
        self, *args: Any, kept_treatment: dict[str, Any] | None = None, **kwargs: Any
    ) -> None:
        """`kept_treatment`: the draft's treatment settings, which fields left out keep."""
        super().__init__(*args, **kwargs)
        self.kept_treatment = kept_treatment or {}
        thresholds = {spec.name: threshold_field(spec) for spec in THRESHOLD_SPECS}
        limits = {spec.name: limit_field(spec) for spec in LIMIT_SPECS}
        self.fields = {**thresholds, **limits, **self.fields}

    @classmethod
    def initial_from(cls, ruleset: RuleSet) -> dict[str, Any]:
        return {
            **limits_from_mapping(ruleset.treatment).values(),
            **ruleset.thresholds,
            "disabled_rules": ruleset.disabled_rules,
            "note": ruleset.note,
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        try:
            thresholds_from_mapping(
                {**self.thresholds(), "disabled_rules": data.get("disabled_rules", [])}
            )
            limits = limits_from_mapping({**self.kept_treatment, **self.treatment()})
            _, beyond = limits_within_intake(
                limits,
                systolic=self.cleaned_data["bp_elevated_systolic"],
                diastolic=self.cleaned_data["bp_elevated_diastolic"],
                set_now=self.set_now(),
            )
            if beyond:
                raise InvalidThresholds(beyond)
        except InvalidThresholds as invalid:
            for error in invalid.errors:
                self.add_error(error.field if error.field in self.fields else None, error.message)
        return data

    def thresholds(self) -> dict[str, int]:
        return {spec.name: self.cleaned_data[spec.name] for spec in THRESHOLD_SPECS}

    def set_now(self) -> frozenset[str]:
        """The treatment settings this edit changes (the others keep the draft's values)."""
        kept = limits_from_mapping(self.kept_treatment).values()
        return frozenset(name for name, value in self.treatment().items() if kept[name] != value)

    def treatment(self) -> dict[str, int]:
        """The treatment settings given; those left out keep the draft's values."""
        return {
            spec.name: self.cleaned_data[spec.name]
            for spec in LIMIT_SPECS
            if self.cleaned_data.get(spec.name) is not None
        }


class PreviewForm(forms.Form):
    date_from = forms.DateField(
        label="Submitted from", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label="to", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


ATTESTATION = "I attest that I reviewed this rule set and its impact preview"


class PublishForm(forms.Form):
    """Publishing states what the publisher attests; the box must be ticked."""

    attest = forms.BooleanField(
        label=ATTESTATION,
        error_messages={"required": "Tick the box to attest that you reviewed it, or go back."},
    )
