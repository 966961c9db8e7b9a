"""Writing the audit trail."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from allauth.account.adapter import get_adapter as get_account_adapter
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from patients.models import IntakeDraft, User
from screening.audit.models import AuditEntry

if TYPE_CHECKING:  # the review writes audit entries about its cases; audit does not import it
    from screening.review.models import Case


def client_address(request: HttpRequest | None) -> str | None:
    """The client's address as sign-in throttling sees it (trusted proxies accounted for)."""
    if request is None:
        return None
    try:
        address: str = get_account_adapter(request).get_client_ip(request)
    except PermissionDenied:  # no usable address
        return None
    return address


def audit_record(
    *,
    actor: User | Any,
    action: str,
    case: Case | None = None,
    draft: IntakeDraft | None = None,
    detail: str = "",
    request: HttpRequest | None = None,
) -> AuditEntry:
    signed_in = getattr(actor, "is_authenticated", False)
    return AuditEntry.objects.create(
        actor=actor if signed_in else None,
        actor_email=actor.email if signed_in else "",
        action=action,
        case=case,
        draft=draft,
        detail=detail,
        ip_address=client_address(request),
    )
