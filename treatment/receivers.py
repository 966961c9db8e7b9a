"""How the course of treatment reacts to screening's events."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from screening.review.models import CaseDecision
from screening.review.signals import decision_recorded


@receiver(decision_recorded, dispatch_uid="treatment.course_open_from_decision")
def open_course(sender: Any, *, decision: CaseDecision, request: Any = None, **_: Any) -> None:
    from treatment.courses.services import course_open_from_decision

    course_open_from_decision(decision=decision, request=request)
