"""Reads of the audit trail."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet

from config.dates import within_days
from screening.audit.models import AuditEntry


@dataclass
class AuditFilters:
    case_number: str = ""
    actor_email: str = ""
    action: str = ""
    date_from: date | None = None
    date_to: date | None = None


def audit_entries(filters: AuditFilters) -> QuerySet[AuditEntry]:
    """Audit entries, newest first; a case number finds its draft's entries too."""
    entries = AuditEntry.objects.select_related("actor", "case__submission", "draft__submission")
    if filters.case_number:
        number = filters.case_number.strip()
        entries = entries.filter(
            Q(case__submission__case_number=number.upper())
            | Q(draft__submission__case_number=number.upper())
        )
    if filters.actor_email:
        entries = entries.filter(actor_email__iexact=filters.actor_email.strip())
    if filters.action:
        entries = entries.filter(action=filters.action)
    entries = entries.filter(within_days("at", filters.date_from, filters.date_to))
    return entries
