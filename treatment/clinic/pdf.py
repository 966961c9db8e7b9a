"""The monitoring record as a one-page PDF (fpdf2, the built-in fonts), with the REMS fields."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from fpdf import FPDF

from treatment.checks.models import PreDoseCheck
from treatment.clinic.models import MonitoringRecord, Observation
from treatment.followup.models import SessionAlert


def _text(value: object) -> str:
    """The built-in PDF fonts cover Latin-1: anything else is replaced, never an error."""
    return str(value).encode("latin-1", "replace").decode("latin-1")


def _time(moment: Any) -> str:
    return timezone.localtime(moment).strftime("%H:%M") if moment else "-"


def _minutes(delta: Any) -> str:
    return f"{int(delta.total_seconds() // 60)} min" if delta is not None else "-"


class _Page(FPDF):
    def section(self, title: str) -> None:
        self.ln(1.5)
        self.set_font("Helvetica", "B", 10)
        self.cell(0, 5.5, _text(title), new_x="LMARGIN", new_y="NEXT")
        self.set_font("Helvetica", "", 8.5)

    def pairs(self, rows: list[tuple[str, object]], columns: int = 2) -> None:
        width = (self.w - self.l_margin - self.r_margin) / columns
        for index, (label, value) in enumerate(rows):
            last = index % columns == columns - 1 or index == len(rows) - 1
            self.set_font("Helvetica", "B", 8.5)
            self.cell(width * 0.42, 4.6, _text(label))
            self.set_font("Helvetica", "", 8.5)
            self.cell(
                width * 0.58,
                4.6,
                _text(value if value not in (None, "") else "-")[:60],
                new_x="LMARGIN" if last else "RIGHT",
                new_y="NEXT" if last else "TOP",
            )


def after_call_words(after: PreDoseCheck) -> str:
    """A check after a call, in one line: the call, the assessment, the new check."""
    call = after.follows_call
    reasons = "; ".join(r["text"] for r in call.result.get("reasons", [])) if call else ""
    assessor = (
        after.assessed_by.get_full_name() or after.assessed_by.email if after.assessed_by else "-"
    )
    return (
        f"Call at {_time(call.checked_at) if call else '-'}"
        + (f" ({reasons})" if reasons else "")
        + f". Assessed by {assessor}: {after.assessment}. "
        + f"Checked again at {_time(after.checked_at)}: {after.outcome.upper()}"
        + (" (overridden)" if after.overridden_at else "")
        + "."
    )


def record_pdf(
    *,
    record: MonitoringRecord,
    patient: Any,
    session: Any,
    check: PreDoseCheck | None,
    observations: list[Observation],
    alerts: list[SessionAlert],
    deadline: Any,
    after_calls: list[PreDoseCheck] | None = None,
    clinic_name: str = "",
    **_: Any,
) -> bytes:
    pdf = _Page(format="A4")
    pdf.set_auto_page_break(auto=False)
    pdf.set_margins(12, 10, 12)
    pdf.add_page()
    pdf.set_title(f"Monitoring record, session {session.number}")
    if clinic_name:
        pdf.set_font("Helvetica", "B", 11)
        pdf.cell(0, 6, _text(clinic_name), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(0, 7, "In-clinic dosing session: monitoring record", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 8.5)
    status = (
        f"Signed by {record.signed_by.get_full_name() or record.signed_by.email} "
        f"on {timezone.localtime(record.signed_at):%d %b %Y %H:%M %Z}"
        + (f', attesting "{record.signed_statement}"' if record.signed_statement else "")
        if record.signed_at and record.signed_by
        else f"UNSIGNED - due by {deadline:%d %b %Y}"
    )
    pdf.cell(0, 4.6, _text(f"Version {record.version}. {status}"), new_x="LMARGIN", new_y="NEXT")
    if record.amends_id:
        pdf.multi_cell(
            0,
            4.6,
            _text(f"Amends version {record.version - 1}: {record.amendment_reason}"),
            new_x="LMARGIN",
            new_y="NEXT",
        )

    pdf.section("Patient and session")
    pdf.pairs(
        [
            ("Patient", f"{patient.given_name} {patient.family_name}"),
            ("Date of birth", f"{patient.date_of_birth:%d %b %Y}"),
            ("Session", f"{session.number}, {session.scheduled_for:%d %b %Y}"),
            ("Setting", "In clinic"),
        ]
    )

    pdf.section("Before the dose")
    answers = check.answers if check else {}
    result = check.result if check else {}
    baseline = result.get("baseline")
    pdf.pairs(
        [
            (
                "Pre-dose check",
                (check.outcome.upper() if check else "-")
                + (" (overridden)" if check and check.overridden_at else ""),
            ),
            ("Checked at", _time(check.checked_at) if check else "-"),
            (
                "Reading 1",
                f"{answers.get('systolic_1', '-')}/{answers.get('diastolic_1', '-')} "
                f"mmHg, HR {answers.get('heart_rate_1', '-')}",
            ),
            (
                "Reading 2",
                f"{answers.get('systolic_2', '-')}/{answers.get('diastolic_2', '-')} "
                f"mmHg, HR {answers.get('heart_rate_2', '-')}",
            ),
            ("Baseline (mean)", f"{baseline[0]}/{baseline[1]} mmHg" if baseline else "-"),
            ("Vital signs acceptable", "yes" if check and check.may_dose else "no"),
            ("Takes (REMS classes)", ", ".join(record.rems_medications or []) or "-"),
        ]
    )
    for reason in result.get("reasons", []):
        pdf.cell(
            0,
            4.4,
            _text(f"- {reason['outcome']}: {reason['text']}")[:120],
            new_x="LMARGIN",
            new_y="NEXT",
        )
    if check and check.overridden_at:
        pdf.multi_cell(
            0, 4.4, _text(f"Override: {check.override_reason}"), new_x="LMARGIN", new_y="NEXT"
        )
    for after in after_calls or []:
        pdf.multi_cell(0, 4.4, _text(after_call_words(after)), new_x="LMARGIN", new_y="NEXT")

    pdf.section("The dose")
    pdf.pairs(
        [
            ("Medicine", record.get_medicine_display()),
            ("Dose", f"{record.dose_mg} mg" if record.dose_mg is not None else "-"),
            ("Lot number", record.lot_number),
            ("Time given (t0)", _time(record.dosed_at)),
        ]
    )

    pdf.section("Observations")
    headers = ("Time", "Min after t0", "BP (mmHg)", "HR", "SpO2", "MOAA/S", "Dissociation")
    widths = (20, 24, 28, 18, 18, 20, 30)
    pdf.set_font("Helvetica", "B", 8.5)
    for header, width in zip(headers, widths, strict=True):
        pdf.cell(width, 4.8, header, border=1)
    pdf.ln()
    pdf.set_font("Helvetica", "", 8.5)
    for o in observations[:16]:
        minutes = (
            int((o.taken_at - record.dosed_at).total_seconds() // 60) if record.dosed_at else 0
        )
        cells = (
            _time(o.taken_at),
            str(minutes),
            f"{o.systolic}/{o.diastolic}",
            str(o.heart_rate),
            f"{o.spo2}%",
            str(o.moaas),
            o.dissociation,
        )
        for cell, width in zip(cells, widths, strict=True):
            pdf.cell(width, 4.6, cell, border=1)
        pdf.ln()
    if len(observations) > 16:
        pdf.cell(0, 4.6, f"... and {len(observations) - 16} more", new_x="LMARGIN", new_y="NEXT")
    for alert in alerts[:6]:
        pdf.cell(
            0,
            4.4,
            _text(f"Alert at {_time(alert.opened_at)}: {alert.text}")[:120],
            new_x="LMARGIN",
            new_y="NEXT",
        )

    pdf.section("Discharge")
    pdf.pairs(
        [
            ("Ready to leave at", _time(record.ready_at)),
            ("Discharged at", _time(record.discharged_at)),
            ("Total monitoring", _minutes(record.total_monitoring)),
            ("Escort present", {True: "yes", False: "no", None: "-"}[record.escort_present]),
            ("Taken home by", record.escort_name),
            ("Aftercare given", {True: "yes", False: "no", None: "-"}[record.aftercare_given]),
        ]
    )
    if record.early_discharge_reason:
        pdf.multi_cell(
            0,
            4.4,
            _text(f"Early discharge: {record.early_discharge_reason}"),
            new_x="LMARGIN",
            new_y="NEXT",
        )
    pdf.set_y(-16)
    pdf.set_font("Helvetica", "I", 7.5)
    pdf.cell(
        0,
        4,
        _text(
            "Monitoring at least 2 hours after the dose "
            "and until sedation, dissociation and respiratory depression resolve."
        ),
    )
    return bytes(pdf.output())
