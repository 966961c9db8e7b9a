"""A course in the case's FHIR bundle (registered with `screening.fhir.bundle`).

For each course opened from the case:
- each PHQ-9 and GAD-7 of the course as an Observation of its total (44261-6,
  70274-6), dated when answered, with its standard band;
- each at-home reading after a dose as a blood-pressure panel (85354-9, with
  8480-6 / 8462-4) and a heart rate (8867-4), and the support person's check
  (wakes easily, breathing normally) when it was asked;
- each in-clinic observation of the record as it stands as a blood-pressure
  panel, a heart rate, an oxygen saturation (59408-5 and 2708-6), the MOAA/S
  sedation score and the dissociation (in the app's codes);
- each dose given, in the clinic or at home, as a MedicationAdministration:
  ketamine or esketamine (RxNorm), the route (SNOMED CT), the milligrams (UCUM).

All refer to the bundle's Patient. The staff's bundle adds what is for
clinicians: the measures' alerts, the reading's level and note, the lot number;
the patient's own bundle leaves them out.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any, Final

from fhir.resources.R4B.annotation import Annotation
from fhir.resources.R4B.codeableconcept import CodeableConcept
from fhir.resources.R4B.coding import Coding
from fhir.resources.R4B.medicationadministration import (
    MedicationAdministration,
    MedicationAdministrationDosage,
)
from fhir.resources.R4B.observation import Observation, ObservationComponent
from fhir.resources.R4B.quantity import Quantity
from fhir.resources.R4B.resource import Resource

from screening.fhir import codes
from screening.fhir.bundle import BundleScope
from screening.fhir.codes import Code
from screening.rules.bands import bp_category, gad7_band, heart_rate_band, phq9_band
from treatment.clinic.models import MEDICINE_CHOICES, MonitoringRecord
from treatment.clinic.models import Observation as ClinicObservation
from treatment.fhir.selectors import CourseExport, course_exports
from treatment.home.models import AfterDoseReading, HomeDose, MeasureSet
from treatment.rules.therapy import Route

# In-clinic medicines: the ingredient and the route.
CLINIC_MEDICINES: Final = {
    "ketamine_iv": (codes.KETAMINE, codes.INTRAVENOUS_ROUTE),
    "ketamine_im": (codes.KETAMINE, codes.INTRAMUSCULAR_ROUTE),
    "ketamine_sublingual": (codes.KETAMINE, codes.SUBLINGUAL_ROUTE),
    "esketamine_nasal": (codes.ESKETAMINE, codes.NASAL_ROUTE),
}
# Prescribed routes (at home): intranasal is esketamine's spray; the others are ketamine.
ROUTE_MEDICINES: Final = {
    Route.SUBLINGUAL: (codes.KETAMINE, codes.SUBLINGUAL_ROUTE),
    Route.INTRAVENOUS: (codes.KETAMINE, codes.INTRAVENOUS_ROUTE),
    Route.INTRAMUSCULAR: (codes.KETAMINE, codes.INTRAMUSCULAR_ROUTE),
    Route.INTRANASAL: (codes.ESKETAMINE, codes.NASAL_ROUTE),
}
MEDICINE_LABELS: Final = dict(MEDICINE_CHOICES)
TRI_STATE_WORDS: Final = {"yes": "Yes", "no": "No", "unsure": "Not sure"}
MOAAS: Final = Code(
    codes.app_system("sedation"),
    "moaas",
    "Modified Observer's Assessment of Alertness/Sedation (MOAA/S), 5 awake to 0 unrousable",
)
DISSOCIATION: Final = Code(codes.app_system("sedation"), "dissociation", "Dissociation")
SUPPORT_CHECK: Final = Code(
    codes.app_system("sedation"), "support-person-check", "Support person's check after the dose"
)
WAKES_EASILY: Final = Code(codes.app_system("sedation"), "wakes-easily", "Wakes easily and answers")
BREATHING_NORMAL: Final = Code(
    codes.app_system("sedation"), "breathing-normal", "Breathing normally"
)


def _coding(code: Code) -> Coding:
    return Coding(system=code.system, code=code.code, display=code.display)


def _concept(*code: Code, text: str | None = None) -> CodeableConcept:
    return CodeableConcept(coding=[_coding(c) for c in code], text=text)


def _quantity(value: int | Decimal, unit: str, ucum: str) -> Quantity:
    return Quantity(value=Decimal(value), unit=unit, system=codes.UCUM, code=ucum)


def _text(text: str) -> CodeableConcept:
    return CodeableConcept(text=text)


class _CourseSection:
    def __init__(self, scope: BundleScope, export: CourseExport) -> None:
        self.scope = scope
        self.export = export
        self.course_key = f"course-{export.course.public_id}"
        self.made: list[Resource] = []

    def id(self, role: str) -> str:
        return self.scope.id(f"{self.course_key}/{role}")

    def observation(
        self, role: str, code: CodeableConcept, category: str, at: datetime, **fields: Any
    ) -> Observation:
        display = {"vital-signs": "Vital Signs", "survey": "Survey", "exam": "Exam"}[category]
        made = Observation(
            id=self.id(role),
            status="final",
            category=[
                _concept(Code(codes.OBSERVATION_CATEGORY, category, display)),
            ],
            code=code,
            subject=self.scope.subject,
            effectiveDateTime=at,
            **{name: value for name, value in fields.items() if value is not None},
        )
        self.made.append(made)
        return made

    def build(self) -> list[Resource]:
        for measure in self.export.measures:
            self.measure(measure)
        for reading in self.export.readings:
            self.reading(reading)
        for observation in self.export.observations:
            self.clinic_observation(observation)
        for record in self.export.records:
            self.clinic_dose(record)
        for dose in self.export.home_doses:
            self.home_dose(dose)
        return self.made

    # PHQ-9 and GAD-7 -------------------------------------------------------------------------

    def measure(self, measure: MeasureSet) -> None:
        notes = None
        if not self.scope.for_patient and measure.alerts:
            notes = [Annotation(text=alert["text"]) for alert in measure.alerts]
        for key, code, total, banding in (
            ("phq9", codes.PHQ9_TOTAL, measure.phq9_total, phq9_band),
            ("gad7", codes.GAD7_TOTAL, measure.gad7_total, gad7_band),
        ):
            self.observation(
                f"measures-{measure.pk}-{key}",
                _concept(code),
                "survey",
                measure.recorded_at,
                valueInteger=total,
                interpretation=[_text(banding(total))],
                note=notes,
            )

    # Vital signs -----------------------------------------------------------------------------

    def blood_pressure(
        self, role: str, at: datetime, systolic: int, diastolic: int, note: list[Annotation] | None
    ) -> None:
        self.observation(
            f"{role}-bp",
            _concept(codes.BP_PANEL),
            "vital-signs",
            at,
            component=[
                ObservationComponent(
                    code=_concept(codes.SYSTOLIC),
                    valueQuantity=_quantity(systolic, "mmHg", "mm[Hg]"),
                ),
                ObservationComponent(
                    code=_concept(codes.DIASTOLIC),
                    valueQuantity=_quantity(diastolic, "mmHg", "mm[Hg]"),
                ),
            ],
            interpretation=[_text(f"ACC/AHA: {bp_category(systolic, diastolic)}")],
            note=note,
        )

    def heart_rate(self, role: str, at: datetime, rate: int) -> None:
        self.observation(
            f"{role}-heart-rate",
            _concept(codes.HEART_RATE),
            "vital-signs",
            at,
            valueQuantity=_quantity(rate, "beats/minute", "/min"),
            interpretation=[_text(heart_rate_band(rate))],
        )

    def reading(self, reading: AfterDoseReading) -> None:
        role = f"home-reading-{reading.pk}"
        number = reading.dose.session.number
        when = reading.get_slot_display().lower()
        note = [Annotation(text=f"At home after the dose of session {number}: {when}")]
        if not self.scope.for_patient:
            note.append(Annotation(text=f"Level: {reading.get_level_display()}"))
            if reading.text:
                note.append(Annotation(text=reading.text))
        self.blood_pressure(role, reading.taken_at, reading.systolic, reading.diastolic, note)
        self.heart_rate(role, reading.taken_at, reading.heart_rate)
        answers = [
            ObservationComponent(
                code=_concept(code), valueCodeableConcept=_text(TRI_STATE_WORDS[value])
            )
            for code, value in (
                (WAKES_EASILY, reading.wakes_easily),
                (BREATHING_NORMAL, reading.breathing_normal),
            )
            if value
        ]
        if answers:
            self.observation(
                f"{role}-support-check",
                _concept(SUPPORT_CHECK),
                "exam",
                reading.taken_at,
                component=answers,
            )

    def clinic_observation(self, observation: ClinicObservation) -> None:
        role = f"clinic-observation-{observation.pk}"
        at = observation.taken_at
        number = observation.record.session.number
        note = [Annotation(text=f"In the clinic after the dose of session {number}")]
        self.blood_pressure(role, at, observation.systolic, observation.diastolic, note)
        self.heart_rate(role, at, observation.heart_rate)
        self.observation(
            f"{role}-spo2",
            _concept(codes.SPO2_PULSE_OXIMETRY, codes.SPO2),
            "vital-signs",
            at,
            valueQuantity=_quantity(observation.spo2, "%", "%"),
        )
        self.observation(
            f"{role}-moaas", _concept(MOAAS), "exam", at, valueInteger=observation.moaas
        )
        self.observation(
            f"{role}-dissociation",
            _concept(DISSOCIATION),
            "exam",
            at,
            valueCodeableConcept=_concept(
                Code(
                    codes.app_system("dissociation"),
                    observation.dissociation,
                    observation.get_dissociation_display(),
                )
            ),
        )

    # Doses -----------------------------------------------------------------------------------

    def administration(
        self,
        role: str,
        at: datetime,
        medicine: tuple[Code, Code] | None,
        mg: Decimal | None,
        text: str,
        note: list[Annotation] | None = None,
    ) -> None:
        ingredient, route = medicine if medicine else (None, None)
        dosage = None
        if route is not None or mg is not None:
            dosage = MedicationAdministrationDosage(
                route=_concept(route) if route else None,
                dose=_quantity(mg, "mg", "mg") if mg is not None else None,
            )
        self.made.append(
            MedicationAdministration(
                id=self.id(role),
                status="completed",
                medicationCodeableConcept=(
                    _concept(ingredient, text=text) if ingredient else _text(text)
                ),
                subject=self.scope.subject,
                effectiveDateTime=at,
                dosage=dosage,
                note=note or None,
            )
        )

    def clinic_dose(self, record: MonitoringRecord) -> None:
        if record.dosed_at is None:  # never: only dosed records are read
            return
        note = None
        if not self.scope.for_patient and record.lot_number:
            note = [Annotation(text=f"Lot {record.lot_number}")]
        self.administration(
            f"clinic-dose-{record.session.public_id}",
            record.dosed_at,
            CLINIC_MEDICINES.get(record.medicine),
            record.dose_mg,
            f"{MEDICINE_LABELS.get(record.medicine, 'Ketamine')}, session "
            f"{record.session.number}, in the clinic",
            note,
        )

    def home_dose(self, dose: HomeDose) -> None:
        prescription = dose.prescription
        route = Route(prescription.route) if prescription else None
        medicine = ROUTE_MEDICINES[route] if route else None
        name = medicine[0].display.capitalize() if medicine else "Ketamine"
        self.administration(
            f"home-dose-{dose.session.public_id}",
            dose.dosed_at,
            medicine,
            prescription.dose_mg if prescription else None,
            f"{name}, session {dose.session.number}, at home",
        )


def course_resources(scope: BundleScope) -> list[Resource]:
    """The case's courses as FHIR resources (see the module's docstring)."""
    made: list[Resource] = []
    for export in course_exports(scope.case):
        made.extend(_CourseSection(scope, export).build())
    return made
