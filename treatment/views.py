"""Clinicians' pages of the course of treatment, and the patient's own treatment page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from config.params import int_parameter
from patients.selectors import patient_of, user_of
from screening.audit.models import AuditEntry
from treatment import clock
from treatment.forms import (
    CallAssessmentForm,
    CourseStatusForm,
    DoseForm,
    EscortForm,
    ObservationForm,
    OptionalReasonForm,
    OverrideForm,
    PreDoseForm,
    ReasonForm,
    SafetyCheckForm,
    ScheduleForm,
    TaskForm,
    now_hhmm,
    on_day,
)
from treatment.home_forms import NoteForm, answers_in_words
from treatment.home_services import course_note_add
from treatment.home_views import CRISIS_FLAG
from treatment.models import (
    SAFETY_QUESTIONS,
    FollowUpTask,
    MonitoringRecord,
    SafetyCheck,
    TreatmentCourse,
    TreatmentSession,
)
from treatment.pdf import record_pdf
from treatment.rules import PLAIN_OUTCOME, waiver_of
from treatment.rules.therapy import MEDICINE_ROUTES
from treatment.selectors import (
    STATE_LABELS,
    check_timeline,
    checks_after_calls,
    contacts_of,
    course_by_public_id,
    current_record,
    gate_of,
    home_status,
    latest_check,
    latest_readiness,
    measure_trend,
    measures_due_for,
    monitoring_of,
    open_tasks,
    patient_course,
    pregnancy_relevant,
    record_by_public_id,
    record_deadline,
    safety_check_due,
    safety_checks,
    session_by_public_id,
    session_state,
    side_effects_of,
    today_board,
    unsigned_rows,
    vitals_series,
)
from treatment.services import (
    TreatmentError,
    alerts_acknowledge,
    call_before_check,
    course_status_change,
    default_schedule,
    discharge_record,
    dose_record,
    escort_set,
    observation_record,
    pre_dose_check_record,
    record_amend,
    record_ensure,
    record_missing,
    record_sign,
    safety_check_record,
    sessions_schedule,
    task_update,
    treatment_audit,
)
from treatment.therapy_forms import CourseTherapyForm, PrescriptionForm
from treatment.therapy_selectors import (
    board_therapy,
    focus_words,
    session_therapy,
    therapy_rows,
    upcoming,
)
from treatment.therapy_services import session_hold_override

Action = AuditEntry.Action
BOARD_PAGE_SIZE = 50  # sessions a page of the today board shows


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


# The today board -------------------------------------------------------------------------


def today(request: HttpRequest) -> HttpResponse:
    now = clock.now()
    day = timezone.localdate(now)
    rows = today_board(day, now)
    # Alerts, calls and holds sort first, so the first page always holds what is urgent.
    page = Paginator(rows, BOARD_PAGE_SIZE).get_page(
        int_parameter(request.GET.get("page"), default=1)
    )
    therapy = board_therapy(day)
    tasks = list(open_tasks())
    alerts = sum(len(row.alerts) for row in rows)
    _audit(
        request,
        Action.TODAY_VIEWED,
        None,
        f"{day.isoformat()}: {len(rows)} sessions (page {page.number}), {len(tasks)} tasks",
    )
    return render(
        request,
        "treatment/today.html",
        {
            "rows": page.object_list,
            "page": page,
            "urgent_count": sum(row.urgent for row in rows),
            "day": day,
            "now": now,
            "therapy": therapy,
            "tasks": tasks,
            "urgent_tasks": [task for task in tasks if task.urgent],
            "alert_count": alerts,
            "emergency_protocol": settings.CLINIC_EMERGENCY_PROTOCOL,
        },
    )


# Courses ---------------------------------------------------------------------------------


def _course_context(
    course: TreatmentCourse,
    schedule_form: ScheduleForm | None = None,
    status_form: CourseStatusForm | None = None,
    safety_form: SafetyCheckForm | None = None,
    note_form: NoteForm | None = None,
    therapy_form: CourseTherapyForm | None = None,
) -> dict[str, Any]:
    today_ = clock.today()
    sessions = list(course.sessions.prefetch_related("checks", "records"))
    therapy = {row.session.pk: row for row in therapy_rows(course, today_)}
    rows = []
    for session in sessions:
        checks = list(session.checks.all())
        versions = sorted(session.records.all(), key=lambda r: -r.version)
        check = checks[0] if checks else None
        record = versions[0] if versions else None
        state = session_state(check, record, None, therapy[session.pk].readiness)
        if not session.in_clinic:
            state = home_status(session, clock.now()).state
        rows.append(
            {
                "session": session,
                "state": STATE_LABELS[state],
                "record": record,
                "therapy": therapy[session.pk],
            }
        )
    last = sessions[-1].scheduled_for if sessions else None
    start = max(today_, last) if last else today_
    offered = default_schedule(start) if not sessions else []
    kept: list[SafetyCheck] = list(safety_checks(course))
    trend = measure_trend(course)
    labels = dict(SAFETY_QUESTIONS)
    return {
        "course": course,
        "rows": rows,
        "latest_concerns": [labels[c] for c in kept[0].concerns] if kept else [],
        "events": course.events.select_related("actor"),
        "tasks": course.tasks.select_related("owner", "done_by"),
        "safety_checks": kept,
        "safety_due": safety_check_due(course, today_),
        "schedule_form": schedule_form
        or ScheduleForm(default_setting=course.setting, offered=offered),
        "status_form": status_form or CourseStatusForm(),
        "safety_form": safety_form or SafetyCheckForm(),
        "checks": check_timeline(course),
        "vitals": vitals_series(course),
        "trend": trend,
        "trend_chart": [
            {"label": row.label, "phq9": row.scores.phq9, "gad7": row.scores.gad7} for row in trend
        ],
        "side_effects": side_effects_of(course),
        "notes": course.notes.select_related("author"),
        "note_form": note_form or NoteForm(),
        "focus": focus_words(course),
        "therapy_form": therapy_form
        or CourseTherapyForm(
            initial={
                "therapist": course.therapist_id,
                "focus": course.focus,
                "focus_detail": course.focus_detail,
            }
        ),
    }


def render_course_page(
    request: HttpRequest, course: TreatmentCourse, status: int = 200, **forms: Any
) -> HttpResponse:
    return render(request, "treatment/course.html", _course_context(course, **forms), status=status)


def course_detail(request: HttpRequest, course_id: str) -> HttpResponse:
    course = course_by_public_id(course_id)
    _audit(request, Action.COURSE_VIEWED, course, "course page")
    return render(request, "treatment/course.html", _course_context(course))


@require_POST
def course_schedule(request: HttpRequest, course_id: str) -> HttpResponse:
    course = course_by_public_id(course_id)
    form = ScheduleForm(request.POST, default_setting=course.setting, offered=[])
    if form.is_valid():
        try:
            sessions = sessions_schedule(
                course=course,
                rows=form.rows(),
                dose=form.dose(),
                actor=user_of(request),
                request=request,
            )
        except TreatmentError as error:
            form_error(request, form, error)
        else:
            messages.success(request, f"{len(sessions)} session(s) scheduled.")
            return redirect("treatment_course", course_id=course.public_id)
    return render(
        request, "treatment/course.html", _course_context(course, schedule_form=form), status=400
    )


@require_POST
def course_status(request: HttpRequest, course_id: str) -> HttpResponse:
    course = course_by_public_id(course_id)
    form = CourseStatusForm(request.POST)
    if form.is_valid():
        try:
            course = course_status_change(
                course=course,
                action=form.cleaned_data["action"],
                reason=form.cleaned_data["reason"],
                actor=user_of(request),
                request=request,
            )
        except TreatmentError as error:
            form_error(request, form, error)
        else:
            messages.success(request, f"The course is now {course.get_status_display().lower()}.")
            return redirect("treatment_course", course_id=course.public_id)
    return render(
        request, "treatment/course.html", _course_context(course, status_form=form), status=400
    )


@require_POST
def course_safety_check(request: HttpRequest, course_id: str) -> HttpResponse:
    course = course_by_public_id(course_id)
    form = SafetyCheckForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "treatment/course.html",
            _course_context(course, safety_form=form),
            status=400,
        )
    check = safety_check_record(
        course=course,
        answers=form.answers(),
        actor=user_of(request),
        request=request,
    )
    if check.concerns:
        messages.warning(request, "Safety check recorded: a concern was raised as a task.")
    else:
        messages.success(request, "Safety check recorded: no concern.")
    return redirect("treatment_course", course_id=course.public_id)


@require_POST
def course_note(request: HttpRequest, course_id: str) -> HttpResponse:
    course = course_by_public_id(course_id)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            course_note_add(
                course=course,
                text=form.cleaned_data["text"],
                actor=user_of(request),
                request=request,
            )
        except TreatmentError as error:
            form_error(request, form, error)
        else:
            messages.success(request, "Note added.")
            return redirect("treatment_course", course_id=course.public_id)
    return render(
        request, "treatment/course.html", _course_context(course, note_form=form), status=400
    )


@require_http_methods(["GET", "HEAD", "POST"])
def task_change(request: HttpRequest, task_id: str) -> HttpResponse:
    """A follow-up task: whom to call (tel: links), the session address; take it or close it."""
    task = (
        FollowUpTask.objects.select_related("course__patient", "course__case__submission", "owner")
        .filter(public_id=task_id)
        .first()
    )
    if task is None:
        raise Http404("No such task")
    form = TaskForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_valid():
            try:
                task_update(
                    task=task,
                    action=form.cleaned_data["action"],
                    resolution=form.cleaned_data["resolution"],
                    actor=user_of(request),
                    request=request,
                )
            except TreatmentError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, "Task updated.")
                if request.POST.get("back") == "task":
                    return redirect("treatment_task", task_id=task.public_id)
                return redirect("treatment_course", course_id=task.course.public_id)
        else:
            messages.error(request, "Choose take over or close.")
    _audit(request, Action.TREATMENT_VIEWED, task.course, f"task {task.public_id}")
    return render(
        request,
        "treatment/task.html",
        {
            "task": task,
            "course": task.course,
            "contacts": contacts_of(task.course),
            "clinic_phone": settings.CLINIC_PHONE,
            "now": clock.now(),
        },
        status=400 if request.method == "POST" and not form.is_valid() else 200,
    )


# The session record ----------------------------------------------------------------------


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
        "state": STATE_LABELS[session_state(check, record, monitoring, readiness)],
        "now": now,
        "emergency_protocol": settings.CLINIC_EMERGENCY_PROTOCOL,
        "missing": record_missing(record) if record and record.discharged_at else None,
        "deadline": record_deadline(record) if record else None,
        "versions": list(session.records.select_related("signed_by").order_by("version")),
        "check_form": forms.get("check_form") or PreDoseForm(pregnancy_relevant=relevant),
        "assessment_form": forms.get("assessment_form")
        or (CallAssessmentForm(prefix="assessment") if call_before_check(session) else None),
        "override_form": forms.get("override_form") or OverrideForm(prefix="override"),
        "dose_form": forms.get("dose_form")
        or DoseForm(initial=_dose_initial(record) or _prescribed_initial(therapy["therapy"], hhmm)),
        "observation_form": forms.get("observation_form")
        or ObservationForm(initial={"taken_at": hhmm}),
        "escort_form": forms.get("escort_form") or EscortForm(),
        "discharge_form": forms.get("discharge_form") or OptionalReasonForm(prefix="discharge"),
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


def _render_session(
    request: HttpRequest, session: TreatmentSession, status: int = 200, **forms: Any
) -> HttpResponse:
    return render(
        request, "treatment/session.html", _session_context(session, **forms), status=status
    )


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


def _back(session: TreatmentSession) -> HttpResponse:
    return redirect("treatment_session", session_id=session.public_id)


@require_POST
def session_check(request: HttpRequest, session_id: str) -> HttpResponse:
    session = _in_clinic_session(session_id)
    form = PreDoseForm(request.POST, pregnancy_relevant=pregnancy_relevant(session.course))
    # After a call on this session: who assessed the patient, and what changed.
    after_call = call_before_check(session) is not None
    assessment = CallAssessmentForm(request.POST, prefix="assessment") if after_call else None
    if not form.is_valid() or (assessment is not None and not assessment.is_valid()):
        return _render_session(request, session, 400, check_form=form, assessment_form=assessment)
    assessed = assessment.cleaned_data if assessment is not None else {}
    try:
        check = pre_dose_check_record(
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


def _record(session: TreatmentSession, request: HttpRequest) -> MonitoringRecord:
    return record_ensure(session=session, actor=user_of(request))


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
    form = OptionalReasonForm(request.POST, prefix="discharge")
    form.is_valid()
    try:
        discharge_record(
            record=_record(session, request),
            reason=form.cleaned_data.get("reason", ""),
            actor=user_of(request),
            request=request,
        )
    except TreatmentError as error:
        form_error(request, form, error)
        return _render_session(request, session, 400, discharge_form=form)
    messages.success(request, "Discharge recorded.")
    return _back(session)


# Signing, amending, printing -------------------------------------------------------------


@require_POST
def record_sign_view(request: HttpRequest, record_id: str) -> HttpResponse:
    record = record_by_public_id(record_id)
    try:
        record_sign(record=record, actor=user_of(request), request=request)
    except TreatmentError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Record signed. It can no longer be changed, only amended.")
    return _back(record.session)


@require_POST
def record_amend_view(request: HttpRequest, record_id: str) -> HttpResponse:
    record = record_by_public_id(record_id)
    form = ReasonForm(request.POST, prefix="amend")
    if not form.is_valid():
        return _render_session(request, record.session, 400, amend_form=form)
    try:
        amendment = record_amend(
            record=record,
            reason=form.cleaned_data["reason"],
            actor=user_of(request),
            request=request,
        )
    except TreatmentError as error:
        form_error(request, form, error)
        return _render_session(request, record.session, 400, amend_form=form)
    messages.success(request, f"Version {amendment.version} opened: make the change, then sign.")
    return _back(record.session)


def _print_context(record: MonitoringRecord) -> dict[str, Any]:
    observations = list(record.observations.all())
    return {
        "record": record,
        "session": record.session,
        "course": record.session.course,
        "patient": record.session.course.patient,
        "check": record.pre_dose_check,
        "after_calls": checks_after_calls(record.pre_dose_check),
        "observations": observations,
        "alerts": list(record.alerts.all()),
        "deadline": record_deadline(record),
    }


def record_print(request: HttpRequest, record_id: str) -> HttpResponse:
    record = record_by_public_id(record_id)
    _audit(
        request,
        Action.RECORD_PRINTED,
        record.session.course,
        f"session {record.session.number} v{record.version}, html",
    )
    return render(request, "treatment/record_print.html", _print_context(record))


def record_pdf_view(request: HttpRequest, record_id: str) -> HttpResponse:
    record = record_by_public_id(record_id)
    _audit(
        request,
        Action.RECORD_PRINTED,
        record.session.course,
        f"session {record.session.number} v{record.version}, pdf",
    )
    response = HttpResponse(record_pdf(**_print_context(record)), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="monitoring-record-{record.session.number}-v{record.version}.pdf"'
    )
    return response


def unsigned(request: HttpRequest) -> HttpResponse:
    rows = unsigned_rows(clock.today())
    _audit(request, Action.UNSIGNED_LISTED, None, f"{len(rows)} records")
    return render(request, "treatment/unsigned.html", {"rows": rows})


# The patient's own page ------------------------------------------------------------------


def my_treatment(request: HttpRequest) -> HttpResponse:
    patient = patient_of(request.user)
    course = patient_course(patient)
    form = None
    if course is not None and request.method == "POST":
        if not safety_check_due(course, clock.today()):
            messages.info(request, "Your safety questions are not due yet: thank you.")
            return redirect("my_treatment")
        form = SafetyCheckForm(request.POST)
        if form.is_valid():
            safety_check_record(
                course=course,
                answers=form.answers(),
                actor=user_of(request),
                request=request,
            )
            messages.success(request, "Thank you. Your answers have been sent to your clinic.")
            return redirect("my_treatment")
    now = clock.now()
    sessions = list(course.sessions.all()) if course else []
    homes = {s.pk: home_status(s, now) for s in sessions if not s.in_clinic}
    _audit(request, Action.TREATMENT_VIEWED, course, "own treatment page")
    rows = [{"session": s, "home": homes.get(s.pk)} for s in sessions]
    active = course is not None and course.status == TreatmentCourse.Status.OPEN
    return render(
        request,
        "treatment/mine.html",
        {
            "course": course,
            "rows": rows,
            # The at-home session to act on now: its check-in window is open, or it is under way.
            "current": next(
                (
                    home
                    for home in homes.values()
                    if active and (home.window_open or home.state == "dosing")
                ),
                None,
            ),
            "today": clock.today(),
            "measures_due": measures_due_for(course, clock.today()) if course else [],
            "crisis": request.session.pop(CRISIS_FLAG, False),
            "safety_due": course is not None and safety_check_due(course, clock.today()),
            "safety_form": form or SafetyCheckForm(),
            "plain_outcome": PLAIN_OUTCOME,
            "last_event": course.events.first() if course else None,
            "clinic_phone": settings.CLINIC_PHONE,
            "upcoming": upcoming(course, clock.today()) if course else [],
            "focus": focus_words(course) if course else None,
        },
        status=400 if form is not None else 200,
    )
