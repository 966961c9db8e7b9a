"""Open questionnaires move to answer format 2: the steps that now ask more are asked again.

Submitted answers never change (they stay format 1). An open draft gains
`"format": 2` and loses, from its completed steps, those whose saved answers
lack what format 2 asks: two readings with heart rate, the lifetime C-SSRS
item, treated hypertension; the new medicines and contacts steps start undone.
"""

from typing import Any

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

STEPS = [
    "about-you",
    "blood-pressure",
    "medical-history",
    "medications",
    "mental-health",
    "substance-use",
    "mood",
    "safety",
    "treatment",
    "home",
    "contacts",
]


def steps_to_redo(answers: dict[str, Any]) -> set[str]:
    redo = {"medications", "contacts"}
    readings = answers.get("bp_readings") or []
    if not answers.get("bp_unavailable") and (len(readings) < 2 or any("heart_rate" not in r for r in readings)):
        redo.add("blood-pressure")
    if "behavior_lifetime" not in (answers.get("cssrs") or {}):
        redo.add("safety")
    if "hypertension" in (answers.get("conditions") or []) and "hypertension_treated" not in answers:
        redo.add("medical-history")
    return redo


def upgrade_open_drafts(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    IntakeDraft = apps.get_model("patients", "IntakeDraft")
    for draft in IntakeDraft.objects.filter(status="open"):
        if draft.answers.get("format") == 2:
            continue
        redo = steps_to_redo(draft.answers)
        draft.answers = {**draft.answers, "format": 2}
        draft.completed_steps = [s for s in STEPS if s in draft.completed_steps and s not in redo]
        draft.resume_step = next((s for s in STEPS if s not in draft.completed_steps), "review")
        draft.save(update_fields=["answers", "completed_steps", "resume_step"])


class Migration(migrations.Migration):
    dependencies = [("patients", "0007_session_epoch_and_reset_generation")]

    operations = [migrations.RunPython(upgrade_open_drafts, migrations.RunPython.noop)]
