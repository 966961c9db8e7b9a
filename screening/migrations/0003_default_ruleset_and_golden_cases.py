"""Version 1 is the contract's defaults; the contract's worked cases are the first golden cases."""

from typing import Any

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.utils import timezone

DEFAULTS = {
    "bp_crisis_systolic": 180,
    "bp_crisis_diastolic": 120,
    "bp_uncontrolled_systolic": 160,
    "bp_uncontrolled_diastolic": 100,
    "bp_elevated_systolic": 140,
    "bp_elevated_diastolic": 90,
    "dast10_active": 6,
    "dast10_review": 3,
    "audit_c_active": 8,
    "audit_c_review_female": 3,
    "audit_c_review_other": 4,
    "phq9_item9_ideation": 1,
    "phq9_indication": 10,
    "gad7_indication": 10,
    "gad7_panic": 15,
    "min_age": 18,
    "min_antidepressant_trials": 2,
}
CLEAN = {
    "age": 34,
    "sex_at_birth": "female",
    "pregnant": "no",
    "bp_readings": [{"systolic": 122, "diastolic": 78}],
    "ketamine_hypersensitivity": "no",
    "psychosis": "never",
    "conditions": [],
    "dissociative_disorder": "none",
    "substance_use": "none",
    "phq9": [2, 2, 2, 2, 2, 2, 2, 2, 0],
    "gad7": [2, 2, 2, 2, 1, 1, 1],
    "cssrs": {"wish_dead": False, "suicidal_thoughts": False, "behavior_3_months": False},
    "antidepressant_trials": 3,
    "home_safe": "yes",
    "support_person": "yes",
}
WORKED_CASES: list[tuple[str, dict[str, Any], str, list[str]]] = [
    ("Worked case: clean", {}, "at_home", []),
    (
        "Worked case: borderline BP",
        {"bp_readings": [{"systolic": 142, "diastolic": 88}, {"systolic": 138, "diastolic": 86}]},
        "in_clinic",
        ["elevated_blood_pressure"],
    ),
    (
        "Worked case: crisis BP",
        {"bp_readings": [{"systolic": 182, "diastolic": 95}]},
        "clinician_review",
        ["hypertensive_crisis"],
    ),
    (
        "Worked case: stable recovery",
        {
            "substance_use": "sustained_recovery",
            "audit_c": [1, 0, 0],
            "dast10": [True, False, True, False, False, False, False, False, False, False],
        },
        "at_home",
        ["sustained_recovery"],
    ),
    ("Worked case: active use", {"substance_use": "active"}, "clinician_review", ["active_substance_use"]),
    ("Worked case: pregnancy unsure", {"pregnant": "unsure"}, "clinician_review", ["incomplete_answers"]),
    ("Worked case: family psychosis only", {"psychosis": "never"}, "at_home", []),
    ("Worked case: no support", {"support_person": "no"}, "in_clinic", ["no_support_person"]),
    (
        "Worked case: passive wish",
        {
            "cssrs": {"wish_dead": True, "suicidal_thoughts": False, "behavior_3_months": False},
            "phq9": [2, 2, 2, 2, 2, 2, 2, 1, 1],
        },
        "in_clinic",
        ["suicidal_ideation"],
    ),
    (
        "Worked case: plan",
        {
            "cssrs": {
                "wish_dead": True,
                "suicidal_thoughts": True,
                "method": True,
                "intent": False,
                "plan": True,
                "behavior_3_months": False,
            }
        },
        "clinician_review",
        ["suicide_risk_high"],
    ),
]


def seed(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    RuleSet = apps.get_model("screening", "RuleSet")
    GoldenCase = apps.get_model("screening", "GoldenCase")
    now = timezone.now()
    RuleSet.objects.get_or_create(
        version=1,
        defaults={
            "name": "default-1",
            "status": "published",
            "thresholds": DEFAULTS,
            "disabled_rules": [],
            "note": "The defaults of the clinical rules contract.",
            "published_at": now,
            "signed_off_at": now,
        },
    )
    for name, changes, route, rules in WORKED_CASES:
        GoldenCase.objects.get_or_create(
            name=name,
            defaults={"answers": {**CLEAN, **changes}, "expected_route": route, "expected_rules": rules},
        )


class Migration(migrations.Migration):
    dependencies = [("screening", "0002_rulesets")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
