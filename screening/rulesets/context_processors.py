"""What the header shows a clinical lead: how many drafts wait for their sign-off."""

from __future__ import annotations

from django.http import HttpRequest

from patients.roles import Role, role_of


def signoff_waiting(request: HttpRequest) -> dict[str, int]:
    from screening.rulesets.services import can_sign_off
    from screening.rulesets.signoff import awaiting_sign_off

    user = getattr(request, "user", None)
    if user is None or role_of(user) not in (Role.CLINICIAN, Role.ADMIN) or not can_sign_off(user):
        return {}
    return {"signoff_waiting": len(awaiting_sign_off())}
