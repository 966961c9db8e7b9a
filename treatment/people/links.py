"""Where a patient's name leads on the Patients page: the patient's chart, for clinicians,
admins and the therapist the patient is assigned to (the chart refuses any other)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse


def patient_url(row: Any, *, therapist: bool) -> str:
    """The address of the chart of the patient of a Patients row (see selectors).

    A therapist's rows are their own caseload, so each has a chart they may read.
    """
    return reverse("patient_chart", args=[row.public_id])
