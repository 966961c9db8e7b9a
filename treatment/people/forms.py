"""The Patients page's search: posted and kept in the session, never in the address."""

from __future__ import annotations

from django import forms


class PatientSearchForm(forms.Form):
    search = forms.CharField(
        label="Name, date of birth, phone or case number",
        required=False,
        max_length=100,
        help_text="“Morgan Lee”, “Lee, Morgan”, part of a name, 04/02/1980, a phone number "
        "or a case number.",
    )
