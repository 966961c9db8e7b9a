"""The audit log's filters."""

from __future__ import annotations

from django import forms

from screening.audit.models import AuditEntry
from screening.audit.selectors import AuditFilters


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
