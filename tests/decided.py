"""Cases with a clinician's decision, for the exports and the dashboard."""

from __future__ import annotations

from typing import Any

from patients.roles import Role
from screening.review.models import Case
from screening.review.services import decision_record
from tests.factories import make_case, make_user


def decided_case(
    outcome: str = "refer_in_clinic", reason: str = "", clinician: Any = None, **changes: Any
) -> Case:
    """A case (the clean candidate with `changes`) and a clinician's decision on it."""
    case = make_case(**changes)
    decision_record(
        case=case,
        clinician=clinician or make_user(Role.CLINICIAN),
        outcome=outcome,
        expected_version=case.version,
        reason=reason,
    )
    case.refresh_from_db()
    return case
