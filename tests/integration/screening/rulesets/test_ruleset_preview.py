"""Impact preview: past answers re-screened under the draft and the published rule set."""

import time
from collections import Counter

import pytest

import screening.rulesets.services
from patients.models import Submission
from patients.roles import Role
from screening.audit.models import AuditEntry
from screening.rules import DEFAULT_THRESHOLDS, evaluate
from screening.rulesets.models import RuleSet
from screening.rulesets.selectors import thresholds_of
from screening.rulesets.services import (
    ruleset_draft_create,
    ruleset_draft_update,
    ruleset_preview_run,
    ruleset_preview_start,
)
from tests.builders import readings
from tests.factories import make_case, make_patient, make_user


def bp(systolic, diastolic=80):
    return readings(systolic, diastolic)


def make_history(patient=None):
    patient = patient or make_patient()
    for systolic in (118, 126, 131, 134, 139, 145, 165, 185):
        make_case(patient=patient, **bp(systolic))
    make_case(patient=patient, support_person="no", **bp(133))


def lower_elevated_bp(admin, systolic=130):
    draft = ruleset_draft_create(actor=admin)
    return ruleset_draft_update(
        draft=draft,
        actor=admin,
        thresholds={**draft.thresholds, "bp_elevated_systolic": systolic},
        disabled_rules=[],
        note="Earlier in-clinic referral",
    )


def direct_matrix(draft):
    published = RuleSet.objects.filter(status="published").first()
    before = thresholds_of(published) if published else DEFAULT_THRESHOLDS
    after = thresholds_of(draft)
    counts = Counter()
    for answers in Submission.objects.values_list("answers", flat=True):
        counts[(evaluate(answers, before).route.value, evaluate(answers, after).route.value)] += 1
    return [{"from": a, "to": b, "count": n} for (a, b), n in sorted(counts.items())]


@pytest.mark.django_db(transaction=True)
def test_the_matrix_equals_direct_evaluation_through_a_real_worker(worker):
    admin = make_user(Role.ADMIN)
    make_history()
    draft = lower_elevated_bp(admin)

    ruleset_preview_start(draft=draft, actor=admin)
    for _ in range(200):
        draft.refresh_from_db()
        if draft.preview_status == "done":
            break
        time.sleep(0.05)

    result = draft.preview_result
    assert draft.preview_is_current
    assert result["matrix"] == direct_matrix(draft)
    assert {"from": "at_home", "to": "in_clinic", "count": 3} in result["matrix"]
    assert result["screened"] == 9


@pytest.mark.django_db
def test_it_lists_cases_that_become_less_restrictive_first(client):
    admin = make_user(Role.ADMIN)
    client.force_login(admin)
    make_history()
    make_case(conditions=["glaucoma"])  # reviewed for glaucoma alone
    draft = lower_elevated_bp(admin, systolic=130)
    draft = ruleset_draft_update(
        draft=draft,
        actor=admin,
        thresholds={**draft.thresholds, "bp_elevated_systolic": 130},
        disabled_rules=["other_relevant_condition"],
        note="",
    )

    ruleset_preview_start(draft=draft, actor=admin)  # eager in tests: done on commit
    draft.refresh_from_db()
    if draft.preview_status != "done":
        ruleset_preview_run(draft.pk, str(draft.edit_token), None, None)
        draft.refresh_from_db()
    affected = draft.preview_result["affected"]
    html = client.get(f"/rulesets/{draft.version}/").content.decode()

    assert (affected[0]["from"], affected[0]["to"], affected[0]["less_restrictive"]) == (
        "clinician_review",
        "at_home",
        True,
    )
    assert [a["less_restrictive"] for a in affected] == sorted(
        (a["less_restrictive"] for a in affected), reverse=True
    )
    assert "(less restrictive)" in html
    assert html.index("less restrictive") < html.index("At-home eligible → In-clinic referral")
    listed = AuditEntry.objects.get(action="impact_listed")
    assert (listed.actor, listed.detail) == (admin, f"{draft.name}: {len(affected)} cases")


@pytest.mark.django_db
def test_a_preview_finished_after_an_edit_is_discarded():
    admin = make_user(Role.ADMIN)
    make_history()
    draft = lower_elevated_bp(admin)
    stale_token = str(draft.edit_token)
    ruleset_draft_update(
        draft=draft,
        actor=admin,
        thresholds={**draft.thresholds, "bp_elevated_systolic": 125},
        disabled_rules=[],
        note="",
    )

    stored = ruleset_preview_run(draft.pk, stale_token, None, None)

    draft.refresh_from_db()
    assert stored is False
    assert draft.preview_result is None


@pytest.mark.django_db
def test_an_edit_invalidates_a_finished_preview(django_capture_on_commit_callbacks):
    admin = make_user(Role.ADMIN)
    make_history()
    draft = lower_elevated_bp(admin)
    with django_capture_on_commit_callbacks(execute=True):
        ruleset_preview_start(draft=draft, actor=admin)
    draft.refresh_from_db()
    assert draft.preview_is_current

    draft = ruleset_draft_update(
        draft=draft,
        actor=admin,
        thresholds={**draft.thresholds, "bp_elevated_systolic": 135},
        disabled_rules=[],
        note="",
    )

    assert not draft.preview_is_current
    assert draft.preview_result is None


@pytest.mark.django_db
def test_it_reports_progress_chunk_by_chunk_and_honours_the_date_range(monkeypatch, client):
    admin = make_user(Role.ADMIN)
    client.force_login(admin)
    make_history()
    old = make_case(hours_ago=24 * 40, **bp(132))
    monkeypatch.setattr(screening.rulesets.services, "PREVIEW_CHUNK", 2)
    draft = lower_elevated_bp(admin)
    seen = []

    day = old.submission.submitted_at.date()
    submissions = screening.rulesets.services.preview_cases(day, day)
    result = screening.rulesets.services.impact(
        DEFAULT_THRESHOLDS, thresholds_of(draft), submissions, seen.append
    )

    assert result["screened"] == 1
    assert result["matrix"] == [{"from": "at_home", "to": "in_clinic", "count": 1}]
    everything = screening.rulesets.services.impact(
        DEFAULT_THRESHOLDS,
        thresholds_of(draft),
        screening.rulesets.services.preview_cases(None, None),
        seen.append,
    )
    assert everything["screened"] == 10
    assert seen == [2, 4, 6, 8, 10]
    status = client.get(f"/rulesets/{draft.version}/preview/status/").json()
    assert set(status) == {"status", "done", "total", "current"}
