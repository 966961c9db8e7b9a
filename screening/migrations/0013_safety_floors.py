"""Safety floors: stored rule sets are brought within them, and a golden case stands for each.

The floors (screening/rules/thresholds.py and catalog.ALWAYS_ON): PHQ-9 item 9
ideation fixed at 1, the at-home blood-pressure limit at most 140/90, one
antidepressant trial at least, and the rules below never switched off. A draft
or retired rule set beyond them is changed in place; the published one is
retired and a copy within the floors is published, so that every decision
keeps naming the version it was made with. Each change is in the history.
"""

import copy
from typing import Any

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.models import Max
from django.utils import timezone

# name: (lowest, highest) allowed by a floor.
FLOORS = {
    "phq9_item9_ideation": (1, 1),
    "bp_elevated_systolic": (None, 140),
    "bp_elevated_diastolic": (None, 90),
    "min_antidepressant_trials": (1, None),
}
ALWAYS_ON = {
    "incomplete_answers",
    "suicide_risk_high",
    "suicidal_ideation",
    "suicide_attempt_history",
    "ketamine_misuse",
    "mania_history",
    "substance_use_review",
    "first_line_not_tried",
    "serotonergic_or_pressor_interaction",
    "respiratory_depression_risk",
    "reduced_efficacy_medication",
    "antipsychotic_without_psychosis_answer",
}
NOTE = "Safety floors: values and switches beyond them brought within them."


def within_floors(thresholds: dict[str, Any], disabled: list[str]) -> tuple[dict[str, Any], list[str], list[dict[str, Any]]]:
    """The values and switches within the floors, and the changes as {name, before, after}."""
    values, changes = dict(thresholds), []
    for name, (low, high) in FLOORS.items():
        value = values.get(name)
        if value is None:
            continue
        bounded = max(value, low) if low is not None else value
        bounded = min(bounded, high) if high is not None else bounded
        if bounded != value:
            values[name] = bounded
            changes.append({"name": name, "before": value, "after": bounded})
    kept = [rule for rule in disabled if rule not in ALWAYS_ON]
    changes += [{"name": rule, "before": "off", "after": "on"} for rule in sorted(set(disabled) - set(kept))]
    return values, kept, changes


def apply_floors(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    RuleSet = apps.get_model("screening", "RuleSet")
    RuleSetEvent = apps.get_model("screening", "RuleSetEvent")
    now = timezone.now()
    for ruleset in RuleSet.objects.order_by("version"):
        values, kept, changes = within_floors(ruleset.thresholds, list(ruleset.disabled_rules))
        if not changes:
            continue
        if ruleset.status != "published":
            ruleset.thresholds, ruleset.disabled_rules = values, kept
            if ruleset.status == "draft":  # its sign-off and preview were of other values
                ruleset.signed_off_by, ruleset.signed_off_at = None, None
                ruleset.preview_result, ruleset.preview_status, ruleset.preview_token = None, "", None
            ruleset.save()
            RuleSetEvent.objects.create(ruleset=ruleset, action="edited", changes={"changes": changes, "note": NOTE}, at=now)
            continue
        version = (RuleSet.objects.aggregate(top=Max("version"))["top"] or 0) + 1
        ruleset.status = "retired"
        ruleset.save(update_fields=["status"])
        copy_ = RuleSet.objects.create(
            version=version,
            name=f"v{version}",
            status="published",
            thresholds=values,
            disabled_rules=kept,
            note=f"{NOTE} Copy of {ruleset.name}.",
            based_on=ruleset,
            published_at=now,
            signed_off_at=now,
            created_at=now,
        )
        RuleSetEvent.objects.create(ruleset=ruleset, action="retired", changes={"replaced_by": copy_.name}, at=now)
        RuleSetEvent.objects.create(ruleset=copy_, action="created", changes={"based_on": ruleset.name, "changes": changes}, at=now)
        RuleSetEvent.objects.create(ruleset=copy_, action="published", changes={"note": NOTE}, at=now)


CLEAN = {
    "format": 2,
    "age": 34,
    "sex_at_birth": "female",
    "pregnant": "no",
    "breastfeeding": "no",
    "bp_readings": [
        {"systolic": 122, "diastolic": 78, "heart_rate": 72},
        {"systolic": 120, "diastolic": 76, "heart_rate": 70},
    ],
    "ketamine_hypersensitivity": "no",
    "psychosis": "never",
    "mania": "no",
    "conditions": [],
    "medications": ["none"],
    "dissociative_disorder": "none",
    "substance_use": "none",
    "ketamine_misuse": "no",
    "phq9": [2, 2, 2, 2, 2, 2, 2, 2, 0],
    "gad7": [2, 2, 2, 2, 1, 1, 1],
    "cssrs": {"wish_dead": False, "suicidal_thoughts": False, "behavior_lifetime": False, "behavior_3_months": False},
    "antidepressant_trials": 3,
    "home_safe": "yes",
    "support_person": "yes",
    "emergency_contact": {"name": "Jamie Example", "phone": "+1 555 010 0100"},
    "support_person_contact": {"name": "Casey Example", "phone": "(555) 010-0101"},
    "session_location": "12 Elm Street, Springfield",
}


def readings(systolic: int, diastolic: int) -> list[dict[str, int]]:
    return [{"systolic": systolic, "diastolic": diastolic, "heart_rate": 72}] * 2


FLOOR_CASES: list[tuple[str, dict[str, Any], str, list[str]]] = [
    ("Floor: PHQ-9 item 9 of 1 alone", {"phq9": [2, 2, 2, 2, 2, 2, 2, 1, 1]}, "in_clinic", ["suicidal_ideation"]),
    ("Floor: blood pressure 140 systolic", {"bp_readings": readings(140, 80)}, "in_clinic", ["elevated_blood_pressure"]),
    ("Floor: blood pressure 90 diastolic", {"bp_readings": readings(126, 90)}, "in_clinic", ["elevated_blood_pressure"]),
    ("Floor: no antidepressant tried", {"antidepressant_trials": 0}, "clinician_review", ["first_line_not_tried"]),
    ("Floor: ketamine misuse", {"ketamine_misuse": "yes"}, "clinician_review", ["ketamine_misuse"]),
    ("Floor: mania", {"mania": "yes"}, "clinician_review", ["mania_history"]),
    ("Floor: early recovery", {"substance_use": "early_recovery"}, "clinician_review", ["substance_use_review"]),
    (
        "Floor: suicide attempt years ago",
        {"cssrs": {"wish_dead": False, "suicidal_thoughts": False, "behavior_lifetime": True, "behavior_3_months": False}},
        "in_clinic",
        ["suicide_attempt_history"],
    ),
    ("Floor: MAOI", {"medications": ["maoi"]}, "clinician_review", ["serotonergic_or_pressor_interaction"]),
    ("Floor: opioid", {"medications": ["opioid"]}, "clinician_review", ["respiratory_depression_risk"]),
    ("Floor: lamotrigine", {"medications": ["lamotrigine"]}, "at_home", ["reduced_efficacy_medication"]),
    ("Floor: antipsychotic, no psychosis", {"medications": ["antipsychotic"]}, "clinician_review", ["antipsychotic_without_psychosis_answer"]),
]


def add_golden_cases(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    GoldenCase = apps.get_model("screening", "GoldenCase")
    for name, changes, route, rules in FLOOR_CASES:
        GoldenCase.objects.get_or_create(
            name=name,
            defaults={"answers": {**copy.deepcopy(CLEAN), **changes}, "expected_route": route, "expected_rules": rules},
        )


def remove_golden_cases(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    GoldenCase = apps.get_model("screening", "GoldenCase")
    GoldenCase.objects.filter(name__in=[name for name, *_ in FLOOR_CASES], created_by=None).delete()


class Migration(migrations.Migration):
    dependencies = [("screening", "0012_treatment_settings_and_audit")]

    operations = [
        migrations.RunPython(apply_floors, migrations.RunPython.noop),
        migrations.RunPython(add_golden_cases, remove_golden_cases),
    ]
