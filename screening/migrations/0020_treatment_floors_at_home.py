"""Treatment settings within their new floors (at-home dosing that fails safe).

The pre-dose hold may no longer lie above the intake's at-home limit (140/90 at
most, and never above the rule set's own `bp_elevated_*`), and the margin over
the pre-dose baseline no longer discharges a patient (one "settled" rule for
home and clinic): its two settings are retired. A draft or retired rule set
beyond the floors is changed in place; the published one is retired and a copy
within them is published, so that every check keeps naming the version it was
made with. Each change is in the history.
"""

from typing import Any

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.models import Max
from django.utils import timezone

RETIRED = ("baseline_margin_systolic", "baseline_margin_diastolic")
NOTE = "Treatment floors: the pre-dose hold within the intake's at-home limit; baseline margins retired."


def within_floors(ruleset: Any) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    values, changes = dict(ruleset.treatment or {}), []
    for name, thresholds_name, cap in (
        ("checkin_bp_elevated_systolic", "bp_elevated_systolic", 140),
        ("checkin_bp_elevated_diastolic", "bp_elevated_diastolic", 90),
    ):
        highest = min(cap, (ruleset.thresholds or {}).get(thresholds_name, cap))
        value = values.get(name)
        if (value if value is not None else cap) > highest:
            values[name] = highest
            changes.append({"name": name, "before": value, "after": highest})
    for name in RETIRED:
        if name in values:
            changes.append({"name": name, "before": values.pop(name), "after": "retired"})
    return values, changes


def apply_floors(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    RuleSet = apps.get_model("screening", "RuleSet")
    RuleSetEvent = apps.get_model("screening", "RuleSetEvent")
    now = timezone.now()
    for ruleset in RuleSet.objects.order_by("version"):
        values, changes = within_floors(ruleset)
        if not changes:
            continue
        if ruleset.status != "published" or all(c["after"] == "retired" for c in changes):
            # Retired settings are read as absent: dropping them changes no decision.
            ruleset.treatment = values
            if ruleset.status == "draft" and any(c["after"] != "retired" for c in changes):
                ruleset.signed_off_by, ruleset.signed_off_at = None, None
                ruleset.preview_result, ruleset.preview_status = None, ""
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
            thresholds=dict(ruleset.thresholds),
            disabled_rules=list(ruleset.disabled_rules),
            treatment=values,
            note=f"{NOTE} Copy of {ruleset.name}.",
            based_on=ruleset,
            published_at=now,
            signed_off_at=now,
            created_at=now,
        )
        RuleSetEvent.objects.create(ruleset=ruleset, action="retired", changes={"replaced_by": copy_.name}, at=now)
        RuleSetEvent.objects.create(ruleset=copy_, action="created", changes={"based_on": ruleset.name, "changes": changes}, at=now)
        RuleSetEvent.objects.create(ruleset=copy_, action="published", changes={"note": NOTE}, at=now)


class Migration(migrations.Migration):
    dependencies = [("screening", "0019_audit_therapy_actions")]

    operations = [migrations.RunPython(apply_floors, migrations.RunPython.noop)]
