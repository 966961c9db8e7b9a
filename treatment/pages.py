"""What every clinician's page of the course shares: the audit of a read, and a refusal shown
beside its field."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest

from treatment.courses.models import TreatmentCourse
from treatment.courses.services import TreatmentError, treatment_audit


def _audit(request: HttpRequest, action: str, course: TreatmentCourse | None, detail: str) -> None:
    treatment_audit(
        actor=request.user, action=action, course=course, detail=detail, request=request
    )


def form_error(request: HttpRequest, form: Any, error: TreatmentError) -> None:
    """Show a service's refusal beside its field when the form has it, else at the top."""
    if form is not None and error.field and error.field in form.fields:
        form.add_error(error.field, str(error))
    else:
        messages.error(request, str(error))
