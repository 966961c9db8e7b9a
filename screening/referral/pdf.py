"""The referral summary as a one-page PDF (fpdf2, the built-in fonts, as treatment/pdf.py)."""

from __future__ import annotations

from typing import Any, Final

from django.utils import timezone
from fpdf import FPDF

LINE: Final = 4.2
BOTTOM: Final = 279.0  # mm: below this the page is full (A4 is 297 mm tall)


def _text(value: object) -> str:
    """The built-in PDF fonts cover Latin-1: anything else is replaced, never an error."""
    text = str(value).replace("\u2014", "-").replace("\u2013", "-").replace("\u2019", "'")
    return text.encode("latin-1", "replace").decode("latin-1")


class _Page(FPDF):
    def section(self, title: str) -> None:
        self.ln(1.2)
        self.set_font("Helvetica", "B", 9.5)
        self.cell(0, 5, _text(title), new_x="LMARGIN", new_y="NEXT")
        self.set_font("Helvetica", "", 8)

    def line_of(self, text: str, bold: bool = False, size: float = 8) -> None:
        self.set_font("Helvetica", "B" if bold else "", size)
        self.multi_cell(0, LINE, _text(text), new_x="LMARGIN", new_y="NEXT")
        self.set_font("Helvetica", "", 8)

    def pairs(self, rows: list[tuple[str, object]], columns: int = 2) -> None:
        width = (self.w - self.l_margin - self.r_margin) / columns
        for index, (label, value) in enumerate(rows):
            last = index % columns == columns - 1 or index == len(rows) - 1
            self.set_font("Helvetica", "B", 8)
            self.cell(width * 0.36, LINE, _text(label))
            self.set_font("Helvetica", "", 8)
            self.cell(
                width * 0.64,
                LINE,
                _text(value if value not in (None, "") else "-")[:62],
                new_x="LMARGIN" if last else "RIGHT",
                new_y="NEXT" if last else "TOP",
            )

    def room_for(self, lines: int) -> bool:
        return self.get_y() + lines * LINE < BOTTOM


def _person(contact: dict[str, str] | None) -> str:
    return f"{contact['name']}, {contact['phone']}" if contact else "-"


def referral_pdf(**summary: Any) -> bytes:
    patient, submission, screening = summary["patient"], summary["submission"], summary["screening"]
    clinical, decision = summary["clinical"], summary["decision"]
    pdf = _Page(format="A4")
    pdf.set_auto_page_break(auto=False)
    pdf.set_margins(12, 10, 12)
    pdf.add_page()
    pdf.set_title(f"Referral summary, case {submission.case_number}")
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(
        0,
        7,
        _text(f"Referral summary - case {submission.case_number}"),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font("Helvetica", "", 8)
    pdf.cell(
        0,
        LINE,
        _text(f"{summary['clinic']}. Printed {timezone.localtime():%d %b %Y %H:%M}."),
        new_x="LMARGIN",
        new_y="NEXT",
    )

    pdf.section("Patient")
    pdf.pairs(
        [
            ("Name", f"{patient.given_name} {patient.family_name}"),
            ("Date of birth", f"{patient.date_of_birth:%d %b %Y} (age {summary['age']})"),
            ("Email", patient.user.email),
            ("Phone", patient.phone),
            ("Emergency contact", _person(clinical["emergency_contact"])),
            ("Support person", _person(clinical["support_person_contact"])),
        ]
    )
    if clinical["session_location"]:
        pdf.line_of(f"Place of sessions: {clinical['session_location']}")

    pdf.section("Clinician's decision")
    if decision is None:
        pdf.line_of("No decision yet.")
    else:
        who = decision.clinician.get_full_name() or decision.clinician.email
        pdf.line_of(
            f"{decision.get_outcome_display()} - {who}, "
            f"{timezone.localtime(decision.created_at):%d %b %Y %H:%M}"
            + (" (differs from the screening route)" if decision.overrides_engine else ""),
            bold=True,
        )
        if decision.reason:
            pdf.line_of(f"Note: {decision.reason}")
        if decision.info_needed:
            pdf.line_of(f"Asked the patient: {decision.info_needed}")

    pdf.section("Screening")
    pdf.pairs(
        [
            ("Route", screening.route_label),
            ("Priority", screening.priority),
            ("Rule set", screening.ruleset),
            ("Submitted", f"{timezone.localtime(submission.submitted_at):%d %b %Y}"),
        ]
    )

    pdf.section("Scores")
    rows: list[tuple[str, object]] = [
        (name, f"{total} ({band})") for name, total, band in summary["scores"]
    ]
    if summary["bmi"] is not None:
        rows.append(("BMI", summary["bmi"]))
    if clinical["cssrs_level"]:
        attempt = ""
        if clinical["lifetime_attempt"]:
            attempt = (
                ", attempt within 3 months" if clinical["recent_attempt"] else ", lifetime attempt"
            )
        rows.append(("C-SSRS risk", clinical["cssrs_level"] + attempt))
    pdf.pairs(rows)

    pdf.section("Blood pressure and heart rate (seated, at rest)")
    if clinical["readings"]:
        for number, reading in enumerate(clinical["readings"], start=1):
            rate = f", heart rate {reading['heart_rate']}/min" if "heart_rate" in reading else ""
            pdf.line_of(
                f"Reading {number}: {reading['systolic']}/{reading['diastolic']} mmHg{rate} "
                f"- {reading['category']}"
            )
        systolic, diastolic = summary["mean"]
        rate = (
            f", heart rate {clinical['mean_heart_rate']}/min ({clinical['heart_rate_band']})"
            if clinical["mean_heart_rate"]
            else ""
        )
        pdf.line_of(
            f"Mean: {systolic}/{diastolic} mmHg ({clinical['mean_category']}){rate}", bold=True
        )
    else:
        pdf.line_of(
            "No readings: the patient has no monitor."
            if clinical["bp_unavailable"]
            else "No readings."
        )
    if clinical["medications"]:
        names = "; ".join(clinical["medications"] + list(clinical["medications_other"]))
        pdf.line_of(f"Medicines: {names}")

    pdf.section("What the screening found")
    fired = summary["fired"]
    if not fired:
        pdf.line_of("No rule fired.")
    sources: list[str] = []
    for shown, rule in enumerate(fired):
        if not pdf.room_for(4 + len(sources)):
            pdf.line_of(f"... and {len(fired) - shown} more: see the case page.", bold=True)
            break
        numbers = []
        for source in rule["sources"]:
            if source not in sources:
                sources.append(source)
            numbers.append(str(sources.index(source) + 1))
        pdf.line_of(f"{rule['text']}: {rule['effect']} ({rule['priority']} priority)", bold=True)
        pdf.line_of(f"    Because: {rule['reason']}. Sources: [{'], ['.join(numbers)}]")
    if sources:
        pdf.section("Sources")
        pdf.set_font("Helvetica", "", 7)
        for number, source in enumerate(sources, start=1):
            if not pdf.room_for(2):
                break
            pdf.multi_cell(0, 3.5, _text(f"[{number}] {source}"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(-12)
    pdf.set_font("Helvetica", "I", 7)
    pdf.cell(
        0,
        4,
        _text(
            f"Case {submission.public_id}. Screening supports, and never replaces, a clinician's "
            "judgement. Confidential health information."
        ),
    )
    return bytes(pdf.output())
