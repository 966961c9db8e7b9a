"""Code systems and codes of the export.

LOINC codes are used only where checked against published questionnaires and
vital-signs profiles (each also passes LOINC's check digit, see the tests);
anything else is coded in the app's own code systems, under `app_system()`.
"""

from __future__ import annotations

from typing import Final, NamedTuple

from django.conf import settings

LOINC: Final = "http://loinc.org"
UCUM: Final = "http://unitsofmeasure.org"
RXNORM: Final = "http://www.nlm.nih.gov/research/umls/rxnorm"
SNOMED: Final = "http://snomed.info/sct"
OBSERVATION_CATEGORY: Final = "http://terminology.hl7.org/CodeSystem/observation-category"
ORDINAL_VALUE: Final = "http://hl7.org/fhir/StructureDefinition/ordinalValue"


class Code(NamedTuple):
    system: str
    code: str
    display: str


def loinc(code: str, display: str) -> Code:
    return Code(LOINC, code, display)


# Panels and items (LOINC).
PHQ9_PANEL: Final = loinc("44249-1", "PHQ-9 quick depression assessment panel")
PHQ9_ITEMS: Final = tuple(
    loinc(code, display)
    for code, display in (
        ("44250-9", "Little interest or pleasure in doing things"),
        ("44255-8", "Feeling down, depressed, or hopeless"),
        ("44259-0", "Trouble falling or staying asleep, or sleeping too much"),
        ("44254-1", "Feeling tired or having little energy"),
        ("44251-7", "Poor appetite or overeating"),
        ("44258-2", "Feeling bad about yourself"),
        ("44252-5", "Trouble concentrating on things"),
        ("44253-3", "Moving or speaking so slowly, or the opposite"),
        ("44260-8", "Thoughts that you would be better off dead or of hurting yourself"),
    )
)
PHQ9_TOTAL: Final = loinc("44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score")
GAD7_PANEL: Final = loinc("69737-5", "Generalized anxiety disorder 7 item (GAD-7)")
GAD7_ITEMS: Final = tuple(
    loinc(code, display)
    for code, display in (
        ("69725-0", "Feeling nervous, anxious, or on edge"),
        ("68509-9", "Not being able to stop or control worrying"),
        ("69733-4", "Worrying too much about different things"),
        ("69734-2", "Trouble relaxing"),
        ("69735-9", "Being so restless that it is hard to sit still"),
        ("69689-8", "Becoming easily annoyed or irritable"),
        ("69736-7", "Feeling afraid, as if something awful might happen"),
    )
)
GAD7_TOTAL: Final = loinc("70274-6", "Generalized anxiety disorder 7 item (GAD-7) total score")
# The PHQ-9 and GAD-7 answer list (LL358-3): scores 0 to 3.
FREQUENCY_ANSWERS: Final = tuple(
    loinc(code, display)
    for code, display in (
        ("LA6568-5", "Not at all"),
        ("LA6569-3", "Several days"),
        ("LA6570-1", "More than half the days"),
        ("LA6571-9", "Nearly every day"),
    )
)
AUDIT_C_TOTAL: Final = loinc("75626-2", "Total score [AUDIT-C]")
CSSRS_PANEL: Final = loinc(
    "93373-9", "Columbia-Suicide Severity Rating Scale screener - recent [C-SSRS]"
)
CSSRS_ITEMS: Final = {
    "wish_dead": loinc("93246-7", "Wish to be dead"),
    "suicidal_thoughts": loinc("93247-5", "Non-specific active suicidal thoughts"),
    "method": loinc("93248-3", "Active suicidal ideation with any methods, without intent"),
    "intent": loinc("93249-1", "Active suicidal ideation with some intent to act"),
    "plan": loinc("93250-9", "Active suicidal ideation with specific plan and intent"),
    "behavior_lifetime": loinc("93267-3", "Suicidal behavior"),
    "behavior_3_months": loinc("93269-9", "Suicidal behavior within the past 3 months"),
}
# Vital signs (the FHIR vital-signs profiles' codes).
BP_PANEL: Final = loinc("85354-9", "Blood pressure panel with all children optional")
SYSTOLIC: Final = loinc("8480-6", "Systolic blood pressure")
DIASTOLIC: Final = loinc("8462-4", "Diastolic blood pressure")
HEART_RATE: Final = loinc("8867-4", "Heart rate")
BODY_HEIGHT: Final = loinc("8302-2", "Body height")
BODY_WEIGHT: Final = loinc("29463-7", "Body weight")
BMI: Final = loinc("39156-5", "Body mass index (BMI) [Ratio]")
# Oxygen saturation: the pulse-oximetry code and the general one, as the vital-signs profile asks.
SPO2_PULSE_OXIMETRY: Final = loinc(
    "59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry"
)
SPO2: Final = loinc("2708-6", "Oxygen saturation in Arterial blood")

# Medicines (RxNorm ingredients) and routes (SNOMED CT route of administration).
KETAMINE: Final = Code(RXNORM, "6130", "ketamine")
ESKETAMINE: Final = Code(RXNORM, "2119365", "esketamine")
SUBLINGUAL_ROUTE: Final = Code(SNOMED, "37839007", "Sublingual route")
INTRAVENOUS_ROUTE: Final = Code(SNOMED, "47625008", "Intravenous route")
INTRAMUSCULAR_ROUTE: Final = Code(SNOMED, "78421000", "Intramuscular route")
NASAL_ROUTE: Final = Code(SNOMED, "46713006", "Nasal route")

LOINC_CODES: Final = (
    PHQ9_PANEL,
    *PHQ9_ITEMS,
    PHQ9_TOTAL,
    GAD7_PANEL,
    *GAD7_ITEMS,
    GAD7_TOTAL,
    AUDIT_C_TOTAL,
    CSSRS_PANEL,
    *CSSRS_ITEMS.values(),
    BP_PANEL,
    SYSTOLIC,
    DIASTOLIC,
    HEART_RATE,
    BODY_HEIGHT,
    BODY_WEIGHT,
    BMI,
    SPO2_PULSE_OXIMETRY,
    SPO2,
)


def fhir_base() -> str:
    """Where the app's canonical URLs live: its own address, under /fhir."""
    return settings.SITE_URL.rstrip("/") + "/fhir"


def app_system(name: str) -> str:
    """One of the app's own code systems (answers, rules, routes, decisions, scores)."""
    return f"{fhir_base()}/CodeSystem/{name}"


def identifier_system(name: str) -> str:
    """The app's identifiers: case numbers, patients, rule sets."""
    return f"{fhir_base()}/identifier/{name}"
