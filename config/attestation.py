"""What a person attests when they sign a record, discharge a patient or decline a case: one
wording, as a required checkbox whose refusal says what is missing."""

from __future__ import annotations

from typing import Final

from django import forms

ATTESTATION: Final = "I attest that this record is accurate and complete"
NOT_ATTESTED: Final = "Tick the box to attest that this record is accurate and complete."


def attestation_field(*, required: bool = True, help_text: str = "") -> forms.BooleanField:
    return forms.BooleanField(
        label=ATTESTATION,
        required=required,
        help_text=help_text,
        error_messages={"required": NOT_ATTESTED},
    )
