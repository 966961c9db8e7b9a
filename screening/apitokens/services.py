"""Making, revoking and checking staff API tokens; each change is audited."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any, Final

from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone

from patients.models import User
from patients.roles import STAFF_ROLES, has_second_factor, role_of
from screening.apitokens.models import ApiToken
from screening.audit.models import AuditEntry
from screening.audit.services import audit_record, client_address

TOKEN_PREFIX: Final = "kts_"  # noqa: S105 (the visible start of every token)
SHOWN_CHARACTERS: Final = 12  # "kts_" and 8 more: enough to tell tokens apart, never to use one
# How often a token's "last used" is written: a busy integration does not write every request.
LAST_USED_EVERY: Final = timedelta(minutes=1)


class TokenRefused(ValueError):
    """A token cannot be made for this account."""


def digest_of(token: str) -> str:
    """Tokens are 256 random bits: a plain SHA-256 is as strong as a slow hash here."""
    return hashlib.sha256(token.encode()).hexdigest()


def may_hold_token(user: User | Any) -> bool:
    """A token answers only while its account could sign in: active, in one staff role, and
    with a second factor (removing it ends the account's sessions, and its tokens too)."""
    return bool(user.is_active) and role_of(user) in STAFF_ROLES and has_second_factor(user)


@transaction.atomic
def api_token_create(
    *,
    actor: User,
    user: User,
    name: str,
    valid_days: int | None,
    request: HttpRequest | None = None,
) -> tuple[ApiToken, str]:
    """A new token for a staff account; returns it with the token text, shown only now."""
    if not may_hold_token(user):
        raise TokenRefused(
            "API tokens are for active clinicians and admins with a second factor only."
        )
    if not name.strip():
        raise TokenRefused("Name the token after what will use it.")
    text = TOKEN_PREFIX + secrets.token_urlsafe(32)
    now = timezone.now()
    token = ApiToken.objects.create(
        name=name.strip(),
        user=user,
        prefix=text[:SHOWN_CHARACTERS],
        digest=digest_of(text),
        created_by=actor,
        created_at=now,
        expires_at=now + timedelta(days=valid_days) if valid_days else None,
    )
    audit_record(
        actor=actor,
        action=AuditEntry.Action.API_TOKEN_CREATED,
        detail=f"token #{token.pk} {token.prefix}… for {user.email}"[:200],
        request=request,
    )
    return token, text


@transaction.atomic
def api_token_revoke(
    *, actor: User, token: ApiToken, request: HttpRequest | None = None
) -> ApiToken:
    """Revoke a token at once; revoking twice changes nothing."""
    locked = ApiToken.objects.select_for_update().get(pk=token.pk)
    if locked.revoked_at is None:
        locked.revoked_at, locked.revoked_by = timezone.now(), actor
        locked.save(update_fields=["revoked_at", "revoked_by"])
        audit_record(
            actor=actor,
            action=AuditEntry.Action.API_TOKEN_REVOKED,
            detail=f"token #{locked.pk} {locked.prefix}…",
            request=request,
        )
    return locked


def api_token_authenticate(text: str, request: HttpRequest | None = None) -> ApiToken | None:
    """The active token with this text, its account still active staff; else None."""
    if not text.startswith(TOKEN_PREFIX) or len(text) > 200:
        return None
    now = timezone.now()
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=digest_of(text), revoked_at__isnull=True)
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        .first()
    )
    if token is None or not may_hold_token(token.user):
        return None
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_EVERY:
        token.last_used_at, token.last_used_ip = now, client_address(request)
        ApiToken.objects.filter(pk=token.pk).update(
            last_used_at=token.last_used_at, last_used_ip=token.last_used_ip
        )
    return token
