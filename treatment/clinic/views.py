"""The clinicians' in-clinic session page and its writes: check, dose, observations, alerts,
escort, discharge."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from patients.reauth import second_factor_is_fresh
from patients.selectors import user_of
from treatment import clock
from treatment.checks.forms import OverrideForm, ReasonForm
from treatment.checks.selectors import STATE_LABELS, gate_of, latest_check, latest_readiness
from treatment.checks.services import call_before_check
from treatment.clinic.forms import (
    CallAssessmentForm,
    DischargeForm,
    DoseForm,
    EscortForm,
    ObservationForm,
    PreDoseForm,
    SignForm,
)
from treatment.clinic.models import MonitoringRecord
from treatment.clinic.selectors import current_record, monitoring_of, record_deadline, session_state
from treatment.clinic.services import (
    alerts_acknowledge,
    clinic_check_record,
    discharge_record,
    dose_record,
    escort_set,
    observation_record,
    record_ensure,
    record_missing,
)
from treatment.courses.forms import now_hhmm, on_day
from treatment.courses.models import TreatmentSession
from treatment.courses.selectors import (
    contacts_of,
    latest_prescription,
    pregnancy_relevant,
    session_by_public_id,
)
from treatment.courses.services import TreatmentError
from treatment.courses.session_context import _therapy_context
from treatment.pages import form_error
from treatment.rules.therapy import MEDICINE_ROUTES, Route

# By injection the dose is counted in mg per kg: the pre-dose check asks the weight.
WEIGHED_ROUTES = {Route.INTRAVENOUS.value, Route.INTRAMUSCULAR.value}


def weight_needed(session: TreatmentSession) -> bool:
    prescription = latest_prescription(session)
    return prescription is not None and prescription.route in WEIGHED_ROUTES


def mg_per_kg(dose_mg: Any, weight_kg: Any) -> str:
    """The dose per kg of body weight, as "0.50 mg/kg"; empty while either is unknown."""
    if not dose_mg or not weight_kg:
        return ""
    return f"{float(dose_mg) / float(weight_kg):.2f} mg/kg"


def _session_context(session: TreatmentSession, **forms: Any) -> dict[str, Any]:
    now = clock.now()
    check = latest_check(session)
    readiness = latest_readiness(session)
    record = current_record(session)
    observations = list(record.observations.all()) if record else []
    monitoring = monitoring_of(record, observations, now) if record else None
    alerts = list(session.alerts.filter(acknowledged_at__isnull=True))
    relevant = pregnancy_relevant(session.course)
    hhmm = now_hhmm()
    therapy = _therapy_context(session, **forms)
    weight = (check.answers or {}).get("weight_kg") if check else None
    prescribed = therapy["therapy"].prescription
    return {
        **therapy,
        "session": session,
        "course": session.course,
        "check": check,
        "gate": gate_of(check, readiness),
        "record": record,
        "observations": observations,
        "monitoring": monitoring,
        "alerts": alerts,
        "contacts": contacts_of(session.course) if alerts else None,
        "state": STATE_LABELS[session_state(check, record, monitoring, readiness)],
        "now": now,
        "emergency_protocol": settings.CLINIC_EMERGENCY_PROTOCOL,
        "missing": record_missing(record) if record and record.discharged_at else None,
        "deadline": record_deadline(record) if record else None,
        "versions": list(session.records.select_related("signed_by").order_by("version")),
        "weight_kg": weight,
        "dose_per_kg": mg_per_kg(record.dose_mg, weight) if record else "",
        "prescribed_per_kg": mg_per_kg(prescribed.dose_mg, weight) if prescribed else "",
        "check_form": forms.get("check_form")
        or PreDoseForm(pregnancy_relevant=relevant, weight_needed=weight_needed(session)),
        "assessment_form": forms.get("assessment_form")
        or (CallAssessmentForm(prefix="assessment") if call_before_check(session) else None),
        "override_form": forms.get("override_form") or OverrideForm(prefix="override"),
        "dose_form": forms.get("dose_form")
        or DoseForm(initial=_dose_initial(record) or _prescribed_initial(therapy["therapy"], hhmm)),
        "observation_form": forms.get("observation_form")
        or ObservationForm(initial={"taken_at": hhmm}),
        "escort_form": forms.get("escort_form") or EscortForm(),
        "discharge_form": forms.get("discharge_form")
        or DischargeForm(prefix="discharge", initial={"discharged_at": hhmm}),
        "sign_form": forms.get("sign_form"),
        "amend_form": forms.get("amend_form") or ReasonForm(prefix="amend"),
    }


def _prescribed_initial(therapy: Any, hhmm: str) -> dict[str, Any]:
    """The dose form starts from the prescription: its dose, and the medicine of its route."""
    initial: dict[str, Any] = {"dosed_at": hhmm}
    prescription = therapy.prescription
    if prescription is not None:
        medicine = next(
            (name for name, route in MEDICINE_ROUTES.items() if route == prescription.route), ""
        )
        initial |= {"dose_mg": prescription.dose_mg, "medicine": medicine}
    return initial


def _dose_initial(record: MonitoringRecord | None) -> dict[str, Any] | None:
    if record is None or record.dosed_at is None:
        return None
    return {
        "medicine": record.medicine,
        "dose_mg": record.dose_mg,
        "lot_number": record.lot_number,
        "dosed_at": timezone.localtime(record.dosed_at).strftime("%H:%M"),
        "rems_medications": record.rems_medications,
    }


def _in_clinic_session(session_id: str) -> TreatmentSession:
    session = session_by_public_id(session_id)
    if not session.in_clinic:
        raise Http404("This session is at home: it has no monitoring record")
    return session


def sign_form_for(request: HttpRequest, data: Any = None) -> SignForm:
    """The attestation, and the second factor again when the last one is older than
    SIGN_REAUTH_MINUTES."""
    fresh = second_factor_is_fresh(request, settings.SIGN_REAUTH_MINUTES * 60)
    return SignForm(data, prefix="sign", user=user_of(request), ask_code=not fresh)


def _render_session(
    request: HttpRequest, session: TreatmentSession, status: int = 200, **forms: Any
) -> HttpResponse:
    forms.setdefault("sign_form", sign_form_for(request))
    return render(
        request, "treatment/session.html", _session_context(session, **forms), status=status
    )


def _back(session: TreatmentSession) -> HttpResponse:
    return redirect("treatment_session", session_id=session.public_id)


def _record(session: TreatmentSession, request: HttpRequest) -> MonitoringRecord:
    return record_ensure(session=session, actor=user_of(request))


@require_POST
def session_check(request: HttpRequest, session_id: str) -> HttpResponse:
    session = _in_clinic_session(session_id)
    form = PreDoseForm(
        request.POST,
        pregnancy_relevant=pregnancy_relevant(session.course),
        weight_needed=weight_needed(session),
    )
    # After a call on this session: who assessed the patient, and what changed.
    after_call = call_before_check(session) is not None
    assessment = CallAssessmentForm(request.POST, prefix="assessment") if after_call else None
    if not form.is_valid() or (assessment is not None and not assessment.is_valid()):
        return _render_session(request, session, 400, check_form=form, assessment_form=assessment)
    assessed = assessment.cleaned_data if assessment is not None else {}
    try:
        check = clinic_check_record(
            session=session,
            answers=form.answers(),
            raw=form.raw(),
            actor=user_of(request),
            request=request,
            assessed_by=assessed.get("assessed_by"),
            assessment=assessed.get("assessment", ""),
        )
    except TreatmentError as error:
        messages.error(request, str(error))
        return _back(session)
    level = messages.SUCCESS if check.outcome == "go" else messages.WARNING
    messages.add_message(request, level, f"Pre-dose check: {check.outcome.upper()}.")
    return _back(session)


@require_POST
def session_dose(request: HttpRequest, session_id: str) -> HttpResponse:
    session = _in_clinic_session(session_id)
    form = DoseForm(request.POST)
    if not form.is_valid():
        return _render_session(request, session, 400, dose_form=form)
    data = form.cleaned_data
    try:
        dose_record(
            record=_record(session, request),
            medicine=data["medicine"],
            dose_mg=data["dose_mg"],
            lot_number=data["lot_number"],
            dosed_at=on_day(clock.today(), data["dosed_at"]),
            rems_medications=data["rems_medications"],
            actor=user_of(request),
            request=request,
        )
    except TreatmentError as error:
        form_error(request, form, error)
        return _render_session(request, session, 400, dose_form=form)
    messages.success(request, "Dose recorded: observations are timed from it.")
    return _back(session)


@require_POST
def session_observation(request: HttpRequest, session_id: str) -> HttpResponse:
    session = _in_clinic_session(session_id)
    form = ObservationForm(request.POST)
    if not form.is_valid():
        return _render_session(request, session, 400, observation_form=form)
    data = form.cleaned_data
    try:
        _, alerts = observation_record(
            record=_record(session, request),
            taken_at=on_day(clock.today(), data["taken_at"]),
            systolic=data["systolic"],
            diastolic=data["diastolic"],
            heart_rate=data["heart_rate"],
            spo2=data["spo2"],
            moaas=data["moaas"],
            dissociation=data["dissociation"],
            actor=user_of(request),
            request=request,
        )
    except TreatmentError as error:
        form_error(request, form, error)
        return _render_session(request, session, 400, observation_form=form)
    if alerts:
        messages.error(request, "Urgent alert: " + "; ".join(a.text for a in alerts) + ".")
    else:
        messages.success(request, "Observation recorded.")
    return _back(session)


@require_POST
def session_alerts(request: HttpRequest, session_id: str) -> HttpResponse:
    session = session_by_public_id(session_id)
    alerts_acknowledge(session=session, actor=user_of(request), request=request)
    messages.success(request, "Alerts acknowledged.")
    return _back(session)


@require_POST
def session_escort(request: HttpRequest, session_id: str) -> HttpResponse:
    session = _in_clinic_session(session_id)
    form = EscortForm(request.POST)
    if not form.is_valid():
        return _render_session(request, session, 400, escort_form=form)
    try:
        escort_set(
            record=_record(session, request),
            present=form.cleaned_data["escort_present"] == "yes",
            actor=user_of(request),
            request=request,
        )
    except TreatmentError as error:
        messages.error(request, str(error))
    return _back(session)


@require_POST
def session_discharge(request: HttpRequest, session_id: str) -> HttpResponse:
    session = _in_clinic_session(session_id)
    form = DischargeForm(request.POST, prefix="discharge")
    if not form.is_valid():
        return _render_session(request, session, 400, discharge_form=form)
    data = form.cleaned_data
    try:
        discharge_record(
            record=_record(session, request),
            reason=data["reason"],
            escort_name=data["escort_name"],
            aftercare_given=data["aftercare_given"],
            at=on_day(clock.today(), data["discharged_at"]),
            actor=user_of(request),
            request=request,
        )
    except TreatmentError as error:
        form_error(request, form, error)
        return _render_session(request, session, 400, discharge_form=form)
    messages.success(request, "Discharge recorded.")
    return _back(session)
