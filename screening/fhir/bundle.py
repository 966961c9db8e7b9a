"""A case as a FHIR R4 Bundle: the intake, its observations, the screening and the decision.

Contents (a `collection` Bundle, its id the case's):
- Patient; the Questionnaire of the submission's answer format; the answers as a
  QuestionnaireResponse;
- each blood-pressure reading as an Observation (panel 85354-9, components
  8480-6 / 8462-4) and its heart rate (8867-4); BMI; the instruments' totals
  (PHQ-9 44261-6, GAD-7 70274-6, AUDIT-C 75626-2, DAST-10 in the app's codes),
  each with its standard band;
- the screening as a RiskAssessment by the rules engine (a Device, the rule-set
  version as its method): one prediction per route, the chosen one certain,
  and the fired rules as its basis (rule id, reason);
- the clinician's latest decision as a RiskAssessment by the clinician, based on
  the screening's, with the reason as its note.

Sections registered by the layers above (`bundle_section_register`; treatment
adds the course: its questionnaires, readings and doses) follow, each given a
`BundleScope` (the case, whose bundle it is, the Patient, stable ids): the
screening never reads those layers itself.

A patient's own bundle leaves out the clinician's name and written reason, as
their JSON download does. Resource ids are stable: a re-export names the same
resources.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final, TypeVar

from django.utils import timezone
from fhir.resources.R4B.annotation import Annotation
from fhir.resources.R4B.bundle import Bundle, BundleEntry
from fhir.resources.R4B.codeableconcept import CodeableConcept
from fhir.resources.R4B.contactpoint import ContactPoint
from fhir.resources.R4B.device import Device, DeviceDeviceName, DeviceVersion
from fhir.resources.R4B.humanname import HumanName
from fhir.resources.R4B.identifier import Identifier
from fhir.resources.R4B.observation import Observation, ObservationComponent
from fhir.resources.R4B.patient import Patient as FhirPatient
from fhir.resources.R4B.practitioner import Practitioner
from fhir.resources.R4B.quantity import Quantity
from fhir.resources.R4B.reference import Reference
from fhir.resources.R4B.resource import Resource
from fhir.resources.R4B.riskassessment import RiskAssessment, RiskAssessmentPrediction

from patients.models import Submission
from screening.fhir import codes
from screening.fhir.codes import Code
from screening.fhir.questionnaire import coding, questionnaire
from screening.fhir.responses import response_for
from screening.results.models import ROUTE_LABELS
from screening.review.models import Case, CaseDecision
from screening.rules import RULES_BY_ID
from screening.rules.bands import (
    audit_c_band,
    bp_category,
    dast10_band,
    gad7_band,
    heart_rate_band,
    phq9_band,
)

# Stable resource ids: uuid5 of the submission's id and the resource's role in the bundle.
_IDS: Final = uuid.UUID("6f3b1c3e-5d0a-4f57-9a4e-3f1f4c7e2a10")
MEDIA_TYPE: Final = "application/fhir+json"
R = TypeVar("R", bound=Resource)


def _id(submission: Submission, role: str) -> str:
    return str(uuid.uuid5(_IDS, f"{submission.public_id}/{role}"))


@dataclass(frozen=True)
class BundleScope:
    """What a registered section is given: the case, whose bundle, the Patient, stable ids."""

    case: Case
    for_patient: bool
    subject: Reference

    def id(self, role: str) -> str:
        """A stable id for a resource of the section: the same on every export."""
        return _id(self.case.submission, role)


Section = Callable[[BundleScope], list[Resource]]
_SECTIONS: list[Section] = []


def bundle_section_register(section: Section) -> None:
    """Add resources of a layer above to every case bundle (once, in registration order)."""
    if section not in _SECTIONS:
        _SECTIONS.append(section)


def _ref(resource: Resource, display: str | None = None) -> Reference:
    return Reference(reference=f"urn:uuid:{resource.id}", display=display)


def _concept(code: Code, text: str | None = None) -> CodeableConcept:
    return CodeableConcept(coding=[coding(code)], text=text)


def _category(code: str, display: str) -> list[CodeableConcept]:
    return [_concept(Code(codes.OBSERVATION_CATEGORY, code, display))]


def _quantity(value: float, unit: str, ucum: str) -> Quantity:
    return Quantity(value=Decimal(repr(value)), unit=unit, system=codes.UCUM, code=ucum)


def _patient(case: Case) -> FhirPatient:
    person = case.patient
    telecom = [ContactPoint(system="email", value=person.user.email)]
    if person.phone:
        telecom.append(ContactPoint(system="phone", value=person.phone))
    return FhirPatient(
        id=str(person.public_id),
        identifier=[
            Identifier(system=codes.identifier_system("patient"), value=str(person.public_id))
        ],
        name=[HumanName(given=[person.given_name], family=person.family_name)],
        birthDate=person.date_of_birth,
        telecom=telecom,
    )


class _Builder:
    def __init__(self, case: Case, for_patient: bool) -> None:
        self.case = case
        self.submission = case.submission
        self.screening = self.submission.screening
        self.for_patient = for_patient
        self.resources: list[Resource] = []
        self.patient = self.add(_patient(case))
        self.subject = _ref(self.patient)
        self.when = self.submission.submitted_at

    def add(self, resource: R) -> R:
        self.resources.append(resource)
        return resource

    def observation(self, role: str, code: Code, category: str, **fields: Any) -> Observation:
        display = "Vital Signs" if category == "vital-signs" else "Survey"
        return self.add(
            Observation(
                id=_id(self.submission, role),
                status="final",
                category=_category(category, display),
                code=_concept(code),
                subject=self.subject,
                effectiveDateTime=self.when,
                derivedFrom=[_ref(self.response)],
                **fields,
            )
        )

    def build(self) -> Bundle:
        answers = self.submission.answers
        form = questionnaire(answers.get("format", 1))
        self.add(form)
        self.response = self.add(
            response_for(
                answers,
                id=str(self.submission.public_id),
                identifier=Identifier(
                    system=codes.identifier_system("case-number"),
                    value=self.submission.case_number,
                ),
                subject=self.subject,
                source=self.subject,
                authored=self.when,
            )
        )
        observations = self.vitals(answers) + self.totals(answers)
        engine = self.engine_assessment(observations)
        self.decision_assessment(engine)
        scope = BundleScope(self.case, self.for_patient, self.subject)
        for section in _SECTIONS:
            for resource in section(scope):
                self.add(resource)
        return Bundle(
            id=str(self.submission.public_id),
            identifier=Identifier(
                system=codes.identifier_system("case-number"), value=self.submission.case_number
            ),
            type="collection",
            timestamp=timezone.now(),
            entry=[BundleEntry(fullUrl=self.full_url(r), resource=r) for r in self.resources],
        )

    @staticmethod
    def full_url(resource: Any) -> str:
        if resource.get_resource_type() == "Questionnaire":
            return f"{codes.fhir_base()}/Questionnaire/{resource.id}"
        return f"urn:uuid:{resource.id}"

    def vitals(self, answers: dict[str, Any]) -> list[Observation]:
        made = []
        for number, reading in enumerate(answers.get("bp_readings", []), start=1):
            systolic, diastolic = reading["systolic"], reading["diastolic"]
            made.append(
                self.observation(
                    f"bp-{number}",
                    codes.BP_PANEL,
                    "vital-signs",
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
                    interpretation=[
                        CodeableConcept(text=f"ACC/AHA: {bp_category(systolic, diastolic)}")
                    ],
                    note=[Annotation(text=f"Seated reading {number} of the intake, at rest")],
                )
            )
            if "heart_rate" in reading:
                made.append(
                    self.observation(
                        f"heart-rate-{number}",
                        codes.HEART_RATE,
                        "vital-signs",
                        valueQuantity=_quantity(reading["heart_rate"], "beats/minute", "/min"),
                        interpretation=[
                            CodeableConcept(text=heart_rate_band(reading["heart_rate"]))
                        ],
                        note=[Annotation(text=f"With blood-pressure reading {number}")],
                    )
                )
        bmi = self.screening.decision["scores"].get("bmi")
        if bmi is not None:
            made.append(
                self.observation(
                    "bmi", codes.BMI, "vital-signs", valueQuantity=_quantity(bmi, "kg/m2", "kg/m2")
                )
            )
        return made

    def totals(self, answers: dict[str, Any]) -> list[Observation]:
        scores = self.screening.decision["scores"]
        sex = answers.get("sex_at_birth")
        instruments = (
            ("phq9", codes.PHQ9_TOTAL, phq9_band),
            ("gad7", codes.GAD7_TOTAL, gad7_band),
            ("audit_c", codes.AUDIT_C_TOTAL, lambda total: audit_c_band(total, sex)),
            (
                "dast10",
                Code(codes.app_system("score"), "dast10", "DAST-10 total score"),
                dast10_band,
            ),
        )
        return [
            self.observation(
                f"total-{key}",
                code,
                "survey",
                valueInteger=scores[key],
                interpretation=[CodeableConcept(text=banding(scores[key]))],
            )
            for key, code, banding in instruments
            if scores.get(key) is not None
        ]

    def engine_assessment(self, observations: list[Observation]) -> RiskAssessment:
        screening = self.screening
        engine = self.add(
            Device(
                id=_id(self.submission, "engine"),
                deviceName=[
                    DeviceDeviceName(name="Screening rules engine", type="user-friendly-name")
                ],
                version=[DeviceVersion(value=screening.ruleset)],
            )
        )
        rules = [
            Reference(
                type="Basic",
                identifier=Identifier(
                    system=codes.app_system("screening-rule"), value=item["rule"]
                ),
                display=self.rule_display(item),
            )
            for item in screening.fired
        ]
        routes = codes.app_system("route")
        return self.add(
            RiskAssessment(
                id=_id(self.submission, "screening"),
                status="final",
                method=_concept(
                    Code(
                        codes.app_system("rule-set"),
                        screening.ruleset,
                        f"Rule set {screening.ruleset}",
                    )
                ),
                code=_concept(Code(routes, "route", "Ketamine therapy route screening")),
                subject=self.subject,
                occurrenceDateTime=screening.created_at,
                performer=_ref(engine, "Screening rules engine"),
                basis=[_ref(self.response), *(_ref(o) for o in observations), *rules],
                prediction=[
                    RiskAssessmentPrediction(
                        outcome=_concept(Code(routes, route, label)),
                        probabilityDecimal=Decimal(1 if route == screening.route else 0),
                        rationale=(
                            f"The screening's route, {screening.priority} priority"
                            if route == screening.route
                            else "Not the screening's route"
                        ),
                    )
                    for route, label in ROUTE_LABELS.items()
                ],
                note=[Annotation(text=f"Priority: {screening.priority}.")],
            )
        )

    def rule_display(self, item: dict[str, str]) -> str:
        if self.for_patient:
            return RULES_BY_ID[item["rule"]].plain
        return f"{item['rule']} ({item['effect']}, {item['priority']}): {item['reason']}"

    def decision_assessment(self, engine: RiskAssessment) -> RiskAssessment | None:
        decision: CaseDecision | None = self.case.decisions.select_related("clinician").first()
        if decision is None:
            return None
        performer = None
        if not self.for_patient:
            clinician = decision.clinician
            practitioner = self.add(
                Practitioner(
                    id=_id(self.submission, f"clinician-{clinician.pk}"),
                    name=[HumanName(given=[clinician.first_name], family=clinician.last_name)],
                    telecom=[ContactPoint(system="email", value=clinician.email)],
                )
            )
            performer = _ref(practitioner, clinician.get_full_name() or clinician.email)
        notes = []
        if decision.reason and not self.for_patient:
            notes.append(Annotation(text=f"Reason: {decision.reason}"))
        if decision.info_needed:
            notes.append(Annotation(text=f"Asked the patient: {decision.info_needed}"))
        notes.append(
            Annotation(
                text="Differs from the screening route"
                if decision.overrides_engine
                else "Agrees with the screening route"
            )
        )
        return self.add(
            RiskAssessment(
                id=_id(self.submission, f"decision-{decision.pk}"),
                status="final",
                code=_concept(
                    Code(codes.app_system("clinician-decision"), "decision", "Clinician's decision")
                ),
                subject=self.subject,
                occurrenceDateTime=decision.created_at,
                performer=performer,
                parent=_ref(engine),
                basis=[_ref(engine)],
                prediction=[
                    RiskAssessmentPrediction(
                        outcome=_concept(
                            Code(
                                codes.app_system("clinician-decision"),
                                decision.outcome,
                                decision.get_outcome_display(),
                            )
                        ),
                        probabilityDecimal=Decimal(1),
                    )
                ],
                note=notes,
            )
        )


def case_bundle(case: Case, *, for_patient: bool = False) -> Bundle:
    """The case as a validated FHIR Bundle (see the module's docstring)."""
    return _Builder(case, for_patient).build()


def bundle_json(bundle: Bundle) -> str:
    return str(bundle.model_dump_json(exclude_none=True, by_alias=True))
