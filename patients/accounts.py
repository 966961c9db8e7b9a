"""Accounts: only verified addresses count, emails link to SITE_URL, timing tells nothing.

- Sign-up: an address is taken only when verified by, or the sign-in address of, an
  account; an unconfirmed extra address of someone else never keeps its owner out.
  Taken or not, sign-up does the same work (a password hash), so its timing does not
  tell whether an account exists.
- Password reset: links go only to verified addresses; a link lasts an hour and a newer
  one voids the older ones.
- Changing one's address: the new one waits, unverified, until its owner confirms it;
  an address another account holds gets no mail at all.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from allauth.account.adapter import DefaultAccountAdapter, get_adapter
from allauth.account.forms import AddEmailForm
from allauth.account.forms import (
    ResetPasswordForm as BaseResetPasswordForm,
)
from allauth.account.forms import (
    SignupForm as BaseSignupForm,
)
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation

from patients.addresses import validate_address
from patients.language import supported
from patients.models import Patient, User


def site_url(path: str) -> str:
    """An absolute link for an email: from SITE_URL, never from the request's Host."""
    return settings.SITE_URL + path


class _ClinicSite:
    """What email templates call the current site: the clinic, at SITE_URL."""

    def __init__(self) -> None:
        self.name = settings.CLINIC_NAME
        self.domain = settings.SITE_URL.split("://", 1)[-1]


def holds_address(email: str, exclude: User | None = None) -> bool:
    """An account holds `email`: verified by it, or its sign-in address."""
    verified = EmailAddress.objects.filter(email__iexact=email, verified=True)
    accounts = User.objects.filter(email__iexact=email)
    if exclude is not None:
        verified, accounts = verified.exclude(user=exclude), accounts.exclude(pk=exclude.pk)
    return verified.exists() or accounts.exists()


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]
    def clean_email(self, email: str) -> str:
        validate_address(email)
        return str(super().clean_email(email))

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """In the account's language when a patient holds the address, else the page's."""
        patient = Patient.objects.filter(user__email__iexact=email).first()
        language = patient.language if patient is not None else translation.get_language()
        with translation.override(supported(language)):
            super().send_mail(template_prefix, email, {**context, "current_site": _ClinicSite()})

    def get_reset_password_from_key_url(self, key: str) -> str:
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return site_url(path.replace("UID-KEY", quote(key)))

    def get_email_confirmation_url(
        self, request: HttpRequest | None, emailconfirmation: Any
    ) -> str:
        return site_url(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def send_account_already_exists_mail(self, email: str) -> None:
        context = {
            "signup_url": site_url(reverse("account_signup")),
            "password_reset_url": site_url(reverse("account_reset_password")),
        }
        self.send_mail("account/email/account_already_exists", email, context)


class SignupForm(BaseSignupForm):  # type: ignore[misc]
    def validate_unique_email(self, value: str) -> str:
        self.account_already_exists = holds_address(value)
        return str(get_adapter().validate_unique_email(value))

    def try_save(self, request: HttpRequest) -> Any:
        if self.account_already_exists:
            # The same work as making an account, so that timing does not tell.
            make_password(self.cleaned_data.get("password1"))
        else:
            _release_unconfirmed_addresses(self.cleaned_data["email"])
        return super().try_save(request)


def _release_unconfirmed_addresses(email: str) -> None:
    """Unverified claims on the address by other accounts give way to its real owner."""
    EmailAddress.objects.filter(email__iexact=email, verified=False).delete()


class ResetPasswordForm(BaseResetPasswordForm):  # type: ignore[misc]
    def clean_email(self) -> str:
        email: str = super().clean_email()
        self.users = [
            address.user
            for address in EmailAddress.objects.filter(
                email__iexact=email, verified=True, user__is_active=True
            ).select_related("user")
        ]
        return email


class ChangeEmailForm(AddEmailForm):  # type: ignore[misc]
    """A new address for one's account; no mail goes to an address another account holds."""

    def save(self, request: HttpRequest) -> EmailAddress:
        email = self.cleaned_data["email"]
        if holds_address(email, exclude=self.user):
            # Look exactly like a change under way, but send nothing there.
            messages.info(request, f"Confirmation email sent to {email}.")
            return EmailAddress(user=self.user, email=email)
        with transaction.atomic():
            return super().save(request)
