"""Governance of a draft: who is told it is ready, what blocks publishing, and the words a
clinical lead reads (routes and rules as the queue names them, never engine ids)."""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Permission
from django.db.models import F, Q

from config.email import send_clinic_mail
from patients.models import User
from screening.results.models import ROUTE_LABELS
from screening.rules import RULES_BY_ID
from screening.rulesets.models import RuleSet
from screening.rulesets.selectors import thresholds_of

# Catalogue descriptions note which answer format a rule needs: engine detail, not for a lead.
_FORMAT_NOTE = re.compile(r"\s*\(answer format \d+\)")


def plain(text: str) -> str:
    """A rule's description without the answer-format notes of the catalogue."""
    return _FORMAT_NOTE.sub("", text)


def route_words(route: str) -> str:
    return ROUTE_LABELS.get(route, route.replace("_", " "))


def rule_words(rule_id: str, values: dict[str, int]) -> str:
    rule = RULES_BY_ID.get(rule_id)
    return plain(rule.describe(values)) if rule else rule_id.replace("_", " ")


def rules_words(rule_ids: list[str] | None, values: dict[str, int]) -> str:
    if rule_ids is None:
        return ""
    return "; ".join(rule_words(rule_id, values) for rule_id in rule_ids) or "no rule"


def clinical_leads() -> list[str]:
    """The active users who may sign off a rule set (group or direct permission)."""
    from screening.rulesets.services import SIGN_OFF_PERMISSION

    permission = Permission.objects.filter(
        codename=SIGN_OFF_PERMISSION, content_type__app_label="screening"
    ).first()
    if permission is None:
        return []
    users = User.objects.filter(is_active=True).filter(
        Q(user_permissions=permission) | Q(groups__permissions=permission)
    )
    return sorted(set(users.values_list("email", flat=True)))


def awaiting_sign_off() -> list[RuleSet]:
    """Drafts ready for a lead: previewed as they stand, every golden case agreeing, no
    current sign-off."""
    from screening.rulesets.services import golden_disagreements

    drafts = (
        RuleSet.objects.filter(
            status=RuleSet.Status.DRAFT, preview_status="done", preview_token=F("edit_token")
        )
        .exclude(signed_off_token=F("edit_token"))
        .order_by("version")
    )
    return [draft for draft in drafts if not golden_disagreements(thresholds_of(draft))]


def ruleset_ready_notify(ruleset_id: int) -> int:
    """Email the clinical leads that a draft waits for their sign-off, when it does; returns
    how many were emailed. A link and the version only: no patient's data."""
    draft = next((d for d in awaiting_sign_off() if d.pk == ruleset_id), None)
    leads = clinical_leads() if draft else []
    if draft is not None and leads:
        send_clinic_mail(
            subject=f"Rule set {draft.name} is ready for your sign-off",
            body=(
                f"The draft rule set {draft.name} has an impact preview of the draft as it "
                f"stands and every golden case agrees with it. It needs a clinical lead to "
                f"read it in plain words and sign it off before it can be published.\n\n"
                f"{settings.SITE_URL}/rulesets/{draft.version}/"
            ),
            to=leads,
            reason="You are a clinical lead: you sign off rule sets.",
        )
    return len(leads)


def publish_refusal(draft: RuleSet, actor: Any) -> str | None:
    """Why `actor` cannot publish the draft now, in words; None when they can."""
    from screening.rulesets.services import RuleSetError, _publish_check

    try:
        _publish_check(draft, actor)
    except RuleSetError as error:
        return str(error)
    return None
