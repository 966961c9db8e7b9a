"""What a clinician's page of an at-home session shows: each check-in with its answers, what
may lift a hold, whom to call, the dose, readings and side effects."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from treatment import clock
from treatment.checks.forms import OverrideForm
from treatment.checks.selectors import STATE_LABELS
from treatment.courses.models import TreatmentSession
from treatment.courses.selectors import contacts_of, pregnancy_relevant
from treatment.courses.session_context import _therapy_context
from treatment.home.forms import answers_in_words
from treatment.home.selectors import home_status
from treatment.rules import waiver_of


def _home_session_context(session: TreatmentSession, **forms: Any) -> dict[str, Any]:
    status = home_status(session, clock.now())
    relevant = pregnancy_relevant(session.course)
    checks = list(session.checks.select_related("checked_by", "overridden_by"))
    return {
        **_therapy_context(session, **forms),
        "gate": status.gate,
        "session": session,
        "course": session.course,
        "status": status,
        "state": STATE_LABELS[status.state],
        "checks": [(check, answers_in_words(check.answers, relevant)) for check in checks],
        "latest": checks[0] if checks else None,
        "alerts": list(session.alerts.filter(acknowledged_at__isnull=True)),
        "side_effects": list(session.side_effects.all()),
        "override_form": forms.get("override_form") or OverrideForm(prefix="override"),
        "waiver": waiver_of(status.check.outcome, status.check.codes, status.check.setting).value
        if status.check
        else "",
        "contacts": contacts_of(session.course),
        "emergency_protocol": settings.CLINIC_EMERGENCY_PROTOCOL,
        "now": clock.now(),
    }
