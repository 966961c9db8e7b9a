"""A session's page for clinicians (the in-clinic record or the at-home check-in), and the
override of a hold, wherever the session takes place."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from patients.selectors import user_of
from screening.audit.models import AuditEntry
from treatment import clock
from treatment.checks.forms import OverrideForm
from treatment.checks.services import session_hold_override
from treatment.clinic.views import _back, _render_session
from treatment.courses.models import TreatmentSession
from treatment.courses.selectors import session_by_public_id
from treatment.courses.services import TreatmentError
from treatment.home.selectors import home_status
from treatment.home.staff_views import _home_session_context
from treatment.pages import _audit, form_error

Action = AuditEntry.Action


def render_session_page(
    request: HttpRequest, session: TreatmentSession, status: int = 200, **forms: Any
) -> HttpResponse:
    """A clinician's session page: the in-clinic record, or the at-home check-in and dose."""
    if session.in_clinic:
        return _render_session(request, session, status, **forms)
    return render(
        request,
        "treatment/home_session.html",
        _home_session_context(session, **forms),
        status=status,
    )


def session_detail(request: HttpRequest, session_id: str) -> HttpResponse:
    session = session_by_public_id(session_id)
    _audit(request, Action.SESSION_VIEWED, session.course, f"session {session.number}")
    return render_session_page(request, session)


@require_POST
def session_override(request: HttpRequest, session_id: str) -> HttpResponse:
    """Override a hold, in the clinic or at home (the patient may then start the dose): the
    check's hold, the therapist's "not ready", or both."""
    session = session_by_public_id(session_id)
    form = OverrideForm(request.POST, prefix="override")

    def refused() -> HttpResponse:
        return render_session_page(request, session, 400, override_form=form)

    if not form.is_valid():
        return refused()
    if not session.in_clinic and home_status(session, clock.now()).dose is not None:
        messages.error(request, "The patient has already started this session.")
        return _back(session)
    try:
        session_hold_override(
            session=session,
            reason=form.cleaned_data["reason"],
            negative_test_on=form.cleaned_data.get("negative_test_on"),
            actor=user_of(request),
            request=request,
        )
    except TreatmentError as error:
        form_error(request, form, error)
        return refused()
    if session.in_clinic:
        messages.success(request, "Hold overridden: the dose may be recorded.")
    else:
        messages.success(request, "Hold overridden: the patient may start the dose.")
    return _back(session)
