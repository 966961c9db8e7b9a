"""Forms of the review workspace: queue filters and the decision."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from patients.intake.steps import STEPS
from screening.models import ROUTE_LABELS, AuditEntry, Case, CaseDecision, RuleSet
from screening.review import DecisionInvalidError, allowed_outcomes, decision_check
from screening.rules import RULES, InvalidThresholds, Priority, Route, thresholds_from_mapping
from screening.rules.thresholds import THRESHOLD_SPECS, ThresholdSpec
from screening.selectors import TAB_NAMES, AuditFilters, QueueFilters
from treatment.rules import LIMIT_SPECS, LimitSpec, limits_from_mapping


class QueueFilterForm(forms.Form):
    tab = forms.ChoiceField(choices=[(t, t) for t in TAB_NAMES], required=False)
    route = forms.ChoiceField(
        choices=[("", "Any route")] + [(r.value, ROUTE_LABELS[r.value]) for r in Route],
        required=False,
    )
    priority = forms.ChoiceField(
        choices=[("", "Any priority")] + [(p.value, p.value.capitalize()) for p in Priority],
        required=False,
    )
    rule = forms.ChoiceField(
        label="Fired rule",
        choices=[("", "Any rule")] + [(r.id, r.id.replace("_", " ")) for r in RULES],
        required=False,
    )
    date_from = forms.DateField(
        label="Submitted from", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label="to", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    search = forms.CharField(label="Patient name or case number", required=False, max_length=100)

    def filters(self) -> QueueFilters:
        data = self.cleaned_data if self.is_valid() else {}
        return QueueFilters(
            tab=data.get("tab") or "waiting",
            route=data.get("route", ""),
            priority=data.get("priority", ""),
            rule=data.get("rule", ""),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            search=data.get("search", ""),
        )


class AuditFilterForm(forms.Form):
    case_number = forms.CharField(label="Case number", required=False, max_length=8)
    actor_email = forms.EmailField(label="User's email", required=False)
    action = forms.ChoiceField(
        label="Event", choices=[("", "Any event"), *AuditEntry.Action.choices], required=False
    )
    date_from = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label="to", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def filters(self) -> AuditFilters:
        """The valid filters; a field in error filters nothing and shows its message."""
        if not self.is_bound:
            return AuditFilters()
        self.is_valid()  # cleaned_data then holds every field that is valid
        data = self.cleaned_data
        return AuditFilters(
            case_number=data.get("case_number", ""),
            actor_email=data.get("actor_email", ""),
            action=data.get("action", ""),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )


class ContactForm(forms.Form):
    note = forms.CharField(
        label="What you did or agreed with the patient",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Write what you did or agreed with the patient."},
        help_text="Kept with the intake and in the audit log; the patient does not see it.",
    )


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Decision",
        choices=CaseDecision.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a decision."},
    )
    reason = forms.CharField(
        label="Reason",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Required to decline, and for any decision that differs from the screening "
        "route. The patient does not see it.",
    )
    info_needed = forms.CharField(
        label="What the patient needs to provide",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For a request for more information. The patient sees this text.",
    )
    reopened_steps = forms.MultipleChoiceField(
        label="Sections to reopen",
        required=False,
        choices=[(step.slug, step.title) for step in STEPS],
        widget=forms.CheckboxSelectMultiple,
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.case = case
        self.contraindicated = case.submission.screening.contraindicated
        self.fields["version"].initial = case.version
        # Only the outcomes this case allows are offered at all.
        allowed = allowed_outcomes(contraindicated=self.contraindicated)
        outcome = cast(forms.ChoiceField, self.fields["outcome"])
        outcome.choices = [(v, label) for v, label in CaseDecision.Outcome.choices if v in allowed]
        if self.contraindicated:
            outcome.help_text = (
                "A contraindication fired, so the at-home program cannot be confirmed."
            )
            outcome.error_messages["invalid_choice"] = (
                "A contraindication fired: the at-home program cannot be confirmed."
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        try:
            decision_check(
                engine_route=self.case.submission.screening.route,
                outcome=data["outcome"],
                reason=data.get("reason", ""),
                info_needed=data.get("info_needed", ""),
                reopened_steps=data.get("reopened_steps", []),
                contraindicated=self.contraindicated,
            )
        except DecisionInvalidError as invalid:
            self.add_error(invalid.field, str(invalid))
        return data


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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
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
            limits_from_mapping(self.treatment())
        except InvalidThresholds as invalid:
            for error in invalid.errors:
                self.add_error(error.field if error.field in self.fields else None, error.message)
        return data

    def thresholds(self) -> dict[str, int]:
        return {spec.name: self.cleaned_data[spec.name] for spec in THRESHOLD_SPECS}

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
