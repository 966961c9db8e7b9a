"""Forms of the review workspace: queue filters, the decision, a contact."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from config.attestation import NOT_ATTESTED, attestation_field
from patients.intake.steps import STEPS
from screening.results.models import ROUTE_LABELS
from screening.review.models import Case, CaseDecision
from screening.review.selectors import TAB_NAMES, QueueFilters
from screening.review.services import DecisionInvalidError, allowed_outcomes, decision_check
from screening.rules import RULES, Priority, Route
from screening.rules.labels import short_label


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
        choices=[("", "Any rule")] + [(r.id, short_label(r.id)) for r in RULES],
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
    attest = attestation_field(required=False, help_text="Required to decline a case.")
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
        if data.get("outcome") == CaseDecision.Outcome.DECLINE and not data.get("attest"):
            self.add_error("attest", NOT_ATTESTED)
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
