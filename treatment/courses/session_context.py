"""What clinicians' session pages show of the therapy, in the clinic and at home alike."""

from __future__ import annotations

from typing import Any

from treatment import clock
from treatment.courses.models import TreatmentSession
from treatment.therapy.forms import PrescriptionForm
from treatment.therapy.selectors import focus_words, session_therapy


def _therapy_context(session: TreatmentSession, **forms: Any) -> dict[str, Any]:
    """What clinicians' session pages show of the therapy: focus, goals, the prescribed dose
    and its versions, readiness and integration. Never the patient's intention."""
    therapy = session_therapy(session, clock.today())
    return {
        "therapy": therapy,
        "focus": focus_words(session.course),
        "prescription_form": forms.get("prescription_form")
        or PrescriptionForm(
            prefix="prescription",
            initial={"dose_mg": therapy.prescription.dose_mg, "route": therapy.prescription.route}
            if therapy.prescription
            else None,
        ),
    }
