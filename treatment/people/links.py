"""Where a patient's name leads: one place to change when each patient has a chart page.

For now a clinician or an admin opens the patient's latest case and a therapist the course
assigned to them; a patient without either has no page yet.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse


def patient_url(row: Any, *, therapist: bool) -> str:
    """The address of the page about the patient of a Patients row (see selectors)."""
    if therapist:
        course = getattr(row, "my_course_id", None)
        return reverse("therapy_course", args=[course]) if course else ""
    case = getattr(row, "latest_case_id", None)
    return reverse("case_detail", args=[case]) if case else ""
