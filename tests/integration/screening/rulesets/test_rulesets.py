"""Rule sets: validated drafts, sign-off, golden cases, impact preview, publishing, rollback."""

import io
import json
import threading

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.test import Client

from patients.roles import Role
from screening.audit.models import AuditEntry
from screening.results.models import ScreeningResult
from screening.rules import evaluate
from screening.rulesets.models import GoldenCase, RuleSet, RuleSetEvent
from screening.rulesets.selectors import active_thresholds, thresholds_of
from screening.rulesets.services import (
    RuleSetError,
    ruleset_draft_create,
    ruleset_draft_update,
    ruleset_publish,
    ruleset_sign_off,
)
from tests.builders import readings
from tests.factories import make_case, make_clinical_lead, make_user, preview_now
from tests.unit.screening.rules.test_threshold_validation import RANGES

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client):
    user = make_user(Role.ADMIN)
    client.force_login(user)
    return user


@pytest.fixture
def publisher():
    """Another admin: four eyes keeps the draft's author from publishing it."""
    return make_user(Role.ADMIN)


@pytest.fixture
def lead():
    return make_clinical_lead()


def bp_reading(systolic):
    return readings(systolic)


def form_data(ruleset, **changes):
    data = {**ruleset.thresholds, "note": "", **changes}
    data["disabled_rules"] = changes.get("disabled_rules", ruleset.disabled_rules)
    return data


def new_draft(client):
    client.post("/rulesets/new/")
    return RuleSet.objects.get(status="draft")


def publish_ready(draft, actor, **thresholds):
    """Edited by `actor`, previewed, and signed off by a clinical lead: ready for another admin."""
    draft = ruleset_draft_update(
        draft=draft,
        actor=actor,
        thresholds={**draft.thresholds, **thresholds},
        disabled_rules=[],
        note="x",
    )
    preview_now(draft, actor)
    return ruleset_sign_off(draft=draft, actor=make_clinical_lead())


def test_version_1_is_the_published_contract_defaults():
    v1 = RuleSet.objects.get()

    assert (v1.version, v1.name, v1.status) == (1, "default-1", "published")
    assert thresholds_of(v1).values() == {k: v[0] for k, v in RANGES.items()}
    assert active_thresholds().ruleset == "default-1"


def test_the_worked_cases_are_the_first_golden_cases_then_one_for_each_safety_floor():
    names = list(GoldenCase.objects.values_list("name", flat=True))
    assert len(names) == 22
    assert all(name.startswith("Worked case: ") for name in names[:10])
    assert all(name.startswith("Floor: ") for name in names[10:])
    for golden in GoldenCase.objects.all():
        decision = evaluate(golden.answers)
        assert decision.route == golden.expected_route, golden.name
        assert list(decision.fired_ids) == golden.expected_rules, golden.name


def test_a_new_draft_copies_the_published_version(client, admin):
    draft = new_draft(client)

    assert (draft.version, draft.name, draft.based_on.name) == (2, "v2", "default-1")
    assert draft.thresholds == RuleSet.objects.get(version=1).thresholds
    assert RuleSetEvent.objects.filter(ruleset=draft, action="created", actor=admin).exists()


@pytest.mark.parametrize("name", [name for name, (_, low, high) in RANGES.items() if low < high])
def test_the_form_refuses_each_value_outside_its_range(client, admin, name):
    draft = new_draft(client)
    _, low, high = RANGES[name]

    for value in (low - 1, high + 1):
        response = client.post(
            f"/rulesets/{draft.version}/edit/", form_data(draft, **{name: value})
        )
        errors = response.context["form"].errors
        assert response.status_code == 400
        assert name in errors
        assert f"outside the allowed range {low}-{high}" in errors[name][0]
    draft.refresh_from_db()
    assert draft.thresholds == RuleSet.objects.get(version=1).thresholds


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"bp_elevated_systolic": 140, "bp_uncontrolled_systolic": 140}, "bp_elevated_systolic"),
        ({"bp_uncontrolled_systolic": 180}, "bp_uncontrolled_systolic"),
        ({"bp_uncontrolled_diastolic": 90}, "bp_elevated_diastolic"),
        (
            {"bp_uncontrolled_diastolic": 105, "bp_crisis_diastolic": 100},
            "bp_uncontrolled_diastolic",
        ),
        ({"dast10_review": 6}, "dast10_review"),
        ({"audit_c_review_female": 8}, "audit_c_review_female"),
        ({"audit_c_review_other": 8}, "audit_c_review_other"),
    ],
)
def test_the_form_refuses_each_broken_ordering_naming_the_field(client, admin, changes, field):
    draft = new_draft(client)

    response = client.post(f"/rulesets/{draft.version}/edit/", form_data(draft, **changes))

    assert "must be below" in response.context["form"].errors[field][0]


@pytest.mark.parametrize(
    "rule",
    [
        "pregnancy",
        "incomplete_answers",
        "suicide_risk_high",
        "suicidal_ideation",
        "mania_history",
        "respiratory_depression_risk",
    ],
)
def test_protected_rules_cannot_be_switched_off(client, admin, rule):
    draft = new_draft(client)

    response = client.post(
        f"/rulesets/{draft.version}/edit/", form_data(draft, disabled_rules=[rule])
    )

    assert response.status_code == 400
    draft.refresh_from_db()
    assert draft.disabled_rules == []


def test_the_plain_language_summary_reflects_edited_thresholds(client, admin):
    draft = new_draft(client)

    client.post(
        f"/rulesets/{draft.version}/edit/",
        form_data(draft, bp_elevated_systolic=130, bp_elevated_diastolic=85, note="Stage 1"),
    )
    html = client.get(f"/rulesets/{draft.version}/").content.decode()

    assert (
        "Average blood pressure at or above 130 systolic or 85 diastolic mmHg (elevated): "
        "in-clinic referral" in html
    )
    assert (
        "<code>bp_elevated_systolic</code></details></td><td>140</td><td><strong>130</strong>"
        in html
    )
    assert "Elevated blood pressure, systolic<details" in html


def test_an_edit_clears_the_sign_off_and_is_in_the_history(client, admin):
    draft = new_draft(client)
    client.post(f"/rulesets/{draft.version}/sign-off/")
    client.post(f"/rulesets/{draft.version}/edit/", form_data(draft, gad7_panic=16))

    draft.refresh_from_db()
    assert draft.signed_off_at is None
    edit = RuleSetEvent.objects.get(ruleset=draft, action="edited")
    assert edit.changes["changes"] == [
        {"name": "gad7_panic", "label": "GAD-7 score for panic risk", "before": 15, "after": 16}
    ]


def test_publishing_retires_the_old_version_and_new_submissions_use_the_new_one(admin, publisher):
    old_case = make_case(**readings(132))
    draft = publish_ready(ruleset_draft_create(actor=admin), admin, bp_elevated_systolic=130)

    ruleset_publish(draft=draft, actor=publisher)
    new_case = make_case(**readings(132))

    assert list(RuleSet.objects.values_list("name", "status")) == [
        ("v2", "published"),
        ("default-1", "retired"),
    ]
    old, new = (ScreeningResult.objects.get(submission=c.submission) for c in (old_case, new_case))
    assert (old.route, old.ruleset) == ("at_home", "default-1")
    assert (new.route, new.ruleset) == ("in_clinic", "v2")


def test_publishing_does_not_change_any_past_decision(admin, publisher):
    cases = [make_case(**readings(s)) for s in (125, 135, 145)]
    before = list(ScreeningResult.objects.order_by("pk").values())
    draft = publish_ready(ruleset_draft_create(actor=admin), admin, bp_elevated_systolic=130)

    ruleset_publish(draft=draft, actor=publisher)

    assert list(ScreeningResult.objects.order_by("pk").values()) == before
    assert len(cases) == 3


def test_rolling_back_publishes_a_copy_of_an_older_version(client, admin, publisher, lead):
    v2 = publish_ready(ruleset_draft_create(actor=admin), admin, bp_elevated_systolic=130)
    ruleset_publish(draft=v2, actor=publisher)

    client.post("/rulesets/new/", {"source": 1})
    v3 = RuleSet.objects.get(status="draft")
    ruleset_draft_update(
        draft=v3, actor=admin, thresholds=v3.thresholds, disabled_rules=[], note="Back"
    )
    preview_now(v3, admin)
    ruleset_sign_off(draft=v3, actor=lead)
    ruleset_publish(draft=v3, actor=publisher)

    assert v3.based_on.version == 1
    assert (
        thresholds_of(RuleSet.objects.get(status="published")).values()
        == thresholds_of(RuleSet.objects.get(version=1)).values()
    )
    assert active_thresholds().ruleset == "v3"


def test_four_eyes_keeps_the_author_from_publishing(admin, publisher):
    draft = publish_ready(ruleset_draft_create(actor=admin), admin, gad7_panic=16)

    with pytest.raises(RuleSetError, match="Another admin must publish"):
        ruleset_publish(draft=draft, actor=admin)
    ruleset_publish(draft=draft, actor=publisher)

    assert RuleSet.objects.get(status="published") == draft


def test_a_disagreeing_golden_case_blocks_publishing_and_is_listed(client, admin, publisher):
    draft = publish_ready(ruleset_draft_create(actor=admin), admin, bp_elevated_systolic=120)

    with pytest.raises(RuleSetError, match="golden case"):
        ruleset_publish(draft=draft, actor=publisher)
    html = client.get(f"/rulesets/{draft.version}/").content.decode()

    assert "Worked case: clean: expected At-home eligible" in html
    assert RuleSet.objects.get(status="published").version == 1


def decide(client, case, outcome, reason=""):
    clinician = Client()
    clinician.force_login(make_user(Role.CLINICIAN))
    clinician.post(
        f"/review/cases/{case.submission.public_id}/decide/",
        {"outcome": outcome, "version": "0", "reason": reason, "attest": "on"},
    )


def test_a_golden_case_is_made_from_a_decided_past_case_in_one_click(client, admin):
    case = make_case(support_person="no")
    decide(client, case, "refer_in_clinic")

    client.post(f"/review/cases/{case.submission.public_id}/golden/")

    golden = GoldenCase.objects.get(source_submission=case.submission)
    assert (golden.expected_route, golden.expected_rules) == ("in_clinic", ["no_support_person"])
    assert golden.answers == case.submission.answers
    entry = AuditEntry.objects.get(action="golden_case_kept")
    assert (entry.actor, entry.case, entry.detail) == (admin, case, golden.name)


def test_a_golden_case_expects_the_route_the_clinician_confirmed_not_the_screening_route(
    client, admin
):
    case = make_case(support_person="no")  # screening: in clinic
    decide(client, case, "decline", reason="Lives alone; no one to escort after sessions")

    client.post(f"/review/cases/{case.submission.public_id}/golden/")

    golden = GoldenCase.objects.get(source_submission=case.submission)
    assert (golden.expected_route, golden.engine_route) == ("clinician_review", "in_clinic")
    assert golden.expected_rules is None  # which rules should fire is open
    html = client.get("/rulesets/golden/").content.decode()
    assert "Clinician review" in html and "In-clinic referral" in html


def test_an_undecided_case_cannot_be_kept_as_a_golden_case(client, admin):
    case = make_case()

    response = client.post(f"/review/cases/{case.submission.public_id}/golden/", follow=True)

    assert not GoldenCase.objects.filter(source_submission=case.submission).exists()
    assert "Only a decided case can be kept" in response.content.decode()


def test_the_database_allows_only_one_published_rule_set(admin):
    draft = ruleset_draft_create(actor=admin)

    with pytest.raises(IntegrityError), transaction.atomic():
        RuleSet.objects.filter(pk=draft.pk).update(status="published")


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_publishes_leave_exactly_one_published():
    admin, publisher = make_user(Role.ADMIN), make_user(Role.ADMIN)
    drafts = [
        publish_ready(ruleset_draft_create(actor=admin), admin, gad7_panic=g) for g in (16, 17)
    ]
    barrier = threading.Barrier(2)
    results = []

    def publish(draft):
        barrier.wait()
        try:
            ruleset_publish(draft=draft, actor=publisher)
            results.append("published")
        except RuleSetError as error:
            results.append(str(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=publish, args=(d,)) for d in drafts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert RuleSet.objects.filter(status="published").count() == 1
    assert "published" in results


def test_the_screen_command_uses_the_published_rule_set(admin, publisher, monkeypatch, capsys):
    draft = publish_ready(ruleset_draft_create(actor=admin), admin, bp_elevated_systolic=130)
    ruleset_publish(draft=draft, actor=publisher)
    answers = json.dumps({**make_case().submission.answers, **bp_reading(132)})
    monkeypatch.setattr("sys.stdin", io.StringIO(answers + "\n"))

    call_command("screen")

    decision = json.loads(capsys.readouterr().out)
    assert (decision["route"], decision["ruleset"]) == ("in_clinic", "v2")


def test_patients_reach_no_rule_set_page(client):
    from tests.factories import make_patient

    client.force_login(make_patient().user)

    for url in ("/rulesets/", "/rulesets/1/", "/rulesets/golden/", "/rulesets/1/preview/status/"):
        assert client.get(url).status_code == 403
    assert client.post("/rulesets/new/").status_code == 403


def test_clinicians_read_rule_sets_but_change_nothing(client, admin):
    draft = ruleset_draft_create(actor=admin)
    client.force_login(make_user(Role.CLINICIAN))

    assert client.get("/rulesets/").status_code == 200
    page = client.get(f"/rulesets/{draft.version}/")
    assert page.status_code == 200
    assert b"Save draft" not in page.content
    assert b"Waiting for a clinical lead" in page.content
    for url in ("/rulesets/golden/", f"/rulesets/{draft.version}/preview/status/"):
        assert client.get(url).status_code == 403
    for url in ("/rulesets/new/", f"/rulesets/{draft.version}/edit/"):
        assert client.post(url).status_code == 403
    for url in (f"/rulesets/{draft.version}/preview/", f"/rulesets/{draft.version}/publish/"):
        assert client.post(url).status_code == 403
