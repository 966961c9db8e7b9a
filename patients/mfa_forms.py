"""allauth's second-factor forms with a code field that opens a phone's numeric keypad and
offers the code the phone received (MFA_FORMS in config/settings.py)."""

from __future__ import annotations

from typing import Any

from allauth.mfa.base.forms import AuthenticateForm, ReauthenticateForm
from allauth.mfa.totp.forms import ActivateTOTPForm
from django import forms

CODE_ATTRS = {
    "inputmode": "numeric",
    "autocomplete": "one-time-code",
    "placeholder": "6-digit code",
}


def numeric_code(form: forms.Form) -> None:
    """The code field: a numeric keypad, the one-time code offered; a recovery code (letters
    and digits) may still be typed, as the field accepts any text."""
    form.fields["code"].widget.attrs.update(CODE_ATTRS)


class NumericAuthenticateForm(AuthenticateForm):  # type: ignore[misc]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        numeric_code(self)


class NumericReauthenticateForm(ReauthenticateForm):  # type: ignore[misc]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        numeric_code(self)


class NumericActivateTOTPForm(ActivateTOTPForm):  # type: ignore[misc]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        numeric_code(self)
