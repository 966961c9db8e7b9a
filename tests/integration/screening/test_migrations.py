"""The safety-floors migration brings stored rule sets within the floors, history kept."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from screening.rules import DEFAULT_THRESHOLDS
from screening.rulesets.models import RuleSet, RuleSetEvent
from screening.rulesets.selectors import active_thresholds, thresholds_of

BEFORE_FLOORS = [("screening", "0007_audit_listings_and_golden_cases")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def published_v1(old_apps):
    """Version 1 as the earlier migrations seed it (a flushed database has none)."""
    rulesets = old_apps.get_model("screening", "RuleSet").objects
    v1, _ = rulesets.get_or_create(
        version=1,
        defaults={
            "name": "default-1",
            "status": "published",
            "thresholds": DEFAULT_THRESHOLDS.values(),
        },
    )
    return v1


@pytest.mark.django_db(transaction=True)
def test_it_publishes_a_copy_within_the_floors_and_fixes_drafts_in_place():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    old_apps = migrate(BEFORE_FLOORS)
    rulesets_then = old_apps.get_model("screening", "RuleSet").objects
    v1 = published_v1(old_apps)
    unsafe = {**v1.thresholds, "phq9_item9_ideation": 2, "bp_elevated_systolic": 150}
    rulesets_then.filter(pk=v1.pk).update(thresholds=unsafe, disabled_rules=["panic_risk"])
    rulesets_then.create(
        version=2,
        name="v2",
        status="draft",
        thresholds={**v1.thresholds, "min_antidepressant_trials": 0},
        disabled_rules=["mania_history", "panic_risk"],
        signed_off_at=v1.published_at,
    )

    migrate(latest)

    retired, draft, published = RuleSet.objects.order_by("version")
    assert (retired.status, retired.thresholds) == ("retired", unsafe)  # history, unchanged
    assert (published.version, published.status, published.based_on) == (3, "published", retired)
    assert published.thresholds["phq9_item9_ideation"] == 1
    assert published.thresholds["bp_elevated_systolic"] == 140
    assert published.disabled_rules == ["panic_risk"]
    assert active_thresholds().ruleset == "v3"
    assert draft.thresholds["min_antidepressant_trials"] == 1
    assert draft.disabled_rules == ["panic_risk"]
    assert draft.signed_off_at is None
    thresholds_of(draft)  # within every floor: it loads
    edit = RuleSetEvent.objects.get(ruleset=draft, action="edited")
    assert {"name": "mania_history", "before": "off", "after": "on"} in edit.changes["changes"]
    assert RuleSetEvent.objects.filter(ruleset=retired, action="retired").exists()
    assert RuleSetEvent.objects.filter(ruleset=published, action="published").exists()


@pytest.mark.django_db(transaction=True)
def test_it_leaves_rule_sets_within_the_floors_alone():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    published_v1(migrate(BEFORE_FLOORS))

    migrate(latest)

    assert list(RuleSet.objects.values_list("version", "status")) == [(1, "published")]
    assert not RuleSetEvent.objects.exists()
