"""Password-reset links: valid for PASSWORD_RESET_TIMEOUT, and only the newest one."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.db.models import F

from patients.models import User


class ResetTokenGenerator(PasswordResetTokenGenerator):
    """Each new link bumps the account's reset generation, which voids the older links.

    A token also changes with the password, the last sign-in and the account's
    addresses (so a used link, or one sent before an address changed, is dead).
    """

    def make_token(self, user: User) -> str:
        User.objects.filter(pk=user.pk).update(
            password_reset_generation=F("password_reset_generation") + 1
        )
        user.refresh_from_db(fields=["password_reset_generation"])
        return super().make_token(user)

    def _make_hash_value(self, user: User, timestamp: int) -> str:
        addresses = sorted(
            {
                user.email,
                *EmailAddress.objects.filter(user_id=user.pk).values_list("email", flat=True),
            }
        )
        base = super()._make_hash_value(user, timestamp)
        return f"{base}|{'|'.join(addresses)}|reset:{user.password_reset_generation}"
