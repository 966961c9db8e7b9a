"""Second-factor secrets are stored encrypted (Fernet), never in the clear."""

from __future__ import annotations

from functools import cache

from allauth.mfa.adapter import DefaultMFAAdapter
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PREFIX = "fernet:"


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except ValueError:
        raise ImproperlyConfigured(
            "MFA_ENCRYPTION_KEY must hold Fernet keys (32 url-safe base64-encoded bytes)"
        ) from None


def encrypt_secret(text: str) -> str:
    """Encrypt with the first key; the prefix tells encrypted values apart."""
    token = _fernet(tuple(settings.MFA_ENCRYPTION_KEYS)).encrypt(text.encode()).decode()
    return PREFIX + token


def decrypt_secret(stored: str) -> str:
    if not stored.startswith(PREFIX):
        raise ValueError("A second-factor secret is stored unencrypted")
    try:
        return _fernet(tuple(settings.MFA_ENCRYPTION_KEYS)).decrypt(stored[len(PREFIX) :]).decode()
    except InvalidToken:
        raise ValueError(
            "A second-factor secret does not decrypt with MFA_ENCRYPTION_KEY"
        ) from None


class EncryptingMFAAdapter(DefaultMFAAdapter):  # type: ignore[misc]
    def encrypt(self, text: str) -> str:
        return encrypt_secret(text)

    def decrypt(self, encrypted_text: str) -> str:
        return decrypt_secret(encrypted_text)
