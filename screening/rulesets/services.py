"""Rule sets: drafting, sign-off, golden cases, impact preview and publishing."""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import IntegrityError, transaction
from django.db.models import Max, Q, QuerySet
from django.utils import timezone

from config.dates import within_days
from config.email import send_clinic_mail
from patients.models import Submission, User
from patients.roles import Role
from screening.rules import (
    DEFAULT_THRESHOLDS,
    RULES,
    RULES_BY_ID,
    Effect,
    InvalidAnswers,
    InvalidThresholds,
    Thresholds,
    evaluate,
    parse_answers,
    thresholds_from_mapping,
)
from screening.rules.thresholds import THRESHOLD_SPECS
from screening.rulesets.models import GoldenCase, RuleSet, RuleSetEvent
from screening.rulesets.published import published_cache_refresh, published_rules, ruleset_fault
from screening.rulesets.selectors import published_ruleset, thresholds_of
from screening.rulesets.signoff import plain
from treatment.rules import (
    LIMIT_SPECS,
    describe_limits,
    limits_from_mapping,
    limits_within_intake,
)

THRESHOLD_LABELS: dict[str, str] = {
    **{spec.name: spec.label for spec in THRESHOLD_SPECS},
    **{spec.name: spec.label for spec in LIMIT_SPECS},
}


EFFECT_WORDS = {
    Effect.CONTRAINDICATION: "contraindication: clinician review",
    Effect.REVIEW: "clinician review",
    Effect.IN_CLINIC: "in-clinic referral",
    Effect.FLAG: "monitoring note for the clinician",
}


PREVIEW_CHUNK = 500


class RuleSetError(Exception):
    """A rule-set action that cannot be done, in words for the admin."""


def summary(ruleset_thresholds: Thresholds) -> list[str]:
    """Every rule in plain words with this rule set's values: what a clinical lead signs off."""
    values = ruleset_thresholds.values()
    lines = []
    for rule in RULES:
        text = f"{plain(rule.describe(values))}: {EFFECT_WORDS[rule.effect]}"
        if rule.id in ruleset_thresholds.disabled_rules:
            text += " (switched off)"
        lines.append(text)
    return lines


def treatment_values(ruleset: RuleSet | None) -> dict[str, int]:
    """Every treatment setting of a rule set; one stored before they existed has the defaults."""
    return limits_from_mapping(ruleset.treatment if ruleset else {}).values()


def treatment_summary(ruleset: RuleSet) -> list[str]:
    return describe_limits(limits_from_mapping(ruleset.treatment))


def setting_label(name: str) -> str:
    """A threshold, treatment setting or rule switch in words (the key is for details)."""
    if name in THRESHOLD_LABELS:
        return THRESHOLD_LABELS[name]
    if name in RULES_BY_ID:
        return "Rule: " + plain(RULES_BY_ID[name].describe(DEFAULT_THRESHOLDS.values()))
    return name


def setting_rows(ruleset: RuleSet) -> list[dict[str, Any]]:
    """Every setting of a rule set, in words, with its key and value."""
    values: dict[str, Any] = {**ruleset.thresholds, **treatment_values(ruleset)}
    values |= dict.fromkeys(ruleset.disabled_rules, "off")
    return [
        {"name": name, "label": setting_label(name), "value": value}
        for name, value in values.items()
    ]


def diff(before: RuleSet | None, after: RuleSet) -> list[dict[str, Any]]:
    """Each threshold or switch that differs, as {name, label, before, after}."""
    old_values = before.thresholds if before else DEFAULT_THRESHOLDS.values()
    changes = [
        {
            "name": spec.name,
            "before": old_values.get(spec.name),
            "after": after.thresholds[spec.name],
        }
        for spec in THRESHOLD_SPECS
        if old_values.get(spec.name) != after.thresholds[spec.name]
    ]
    old_off = set(before.disabled_rules if before else [])
    new_off = set(after.disabled_rules)
    changes += [
        {"name": rule, "before": "on", "after": "off"} for rule in sorted(new_off - old_off)
    ]
    changes += [
        {"name": rule, "before": "off", "after": "on"} for rule in sorted(old_off - new_off)
    ]
    old_limits, new_limits = treatment_values(before), treatment_values(after)
    changes += [
        {"name": spec.name, "before": old_limits[spec.name], "after": new_limits[spec.name]}
        for spec in LIMIT_SPECS
        if old_limits[spec.name] != new_limits[spec.name]
    ]
    return [{**change, "label": setting_label(change["name"])} for change in changes]


def _event(ruleset: RuleSet, actor: User | None, action: str, **changes: Any) -> None:
    RuleSetEvent.objects.create(
        ruleset=ruleset,
        actor=actor,
        actor_email=actor.email if actor else "",
        action=action,
        changes=changes,
    )


@transaction.atomic
def ruleset_draft_create(*, actor: User, source: RuleSet | None = None, note: str = "") -> RuleSet:
    """A new draft copying `source` (the published version by default; when that one is
    refused as outside the floors, the rule set used in its place)."""
    if source is not None and ruleset_fault(source):
        raise RuleSetError(
            f"{source.name} is outside the safety floors: copy a valid version instead."
        )
    source = source or published_ruleset()
    if source is not None and ruleset_fault(source):
        source = RuleSet.objects.filter(name=published_rules().name).first()
    version = (RuleSet.objects.aggregate(top=Max("version"))["top"] or 0) + 1
    draft = RuleSet.objects.create(
        version=version,
        name=f"v{version}",
        thresholds=dict(source.thresholds) if source else DEFAULT_THRESHOLDS.values(),
        disabled_rules=list(source.disabled_rules) if source else [],
        treatment=treatment_values(source),
        note=note,
        based_on=source,
        created_by=actor,
    )
    _event(draft, actor, RuleSetEvent.Action.CREATED, based_on=source.name if source else None)
    return draft


def _editable(ruleset: RuleSet) -> None:
    if ruleset.status != RuleSet.Status.DRAFT:
        raise RuleSetError("Only a draft can be changed.")


@transaction.atomic
def ruleset_draft_update(
    *,
    draft: RuleSet,
    actor: User,
    thresholds: dict[str, int],
    disabled_rules: list[str],
    note: str,
    treatment: dict[str, int] | None = None,
) -> RuleSet:
    """Save validated values; the preview and sign-off of the old values no longer hold."""
    draft = RuleSet.objects.select_for_update().get(pk=draft.pk)
    _editable(draft)
    thresholds_from_mapping({**thresholds, "disabled_rules": disabled_rules})  # raises if invalid
    before = RuleSet(
        thresholds=dict(draft.thresholds),
        disabled_rules=list(draft.disabled_rules),
        treatment=dict(draft.treatment),
    )
    draft.thresholds, draft.disabled_rules, draft.note = thresholds, sorted(disabled_rules), note
    kept = limits_from_mapping(draft.treatment).values()
    limits = limits_from_mapping({**draft.treatment, **(treatment or {})})  # raises if invalid
    limits, beyond = limits_within_intake(
        limits,
        systolic=thresholds.get("bp_elevated_systolic", 140),
        diastolic=thresholds.get("bp_elevated_diastolic", 90),
        set_now=frozenset(n for n, v in (treatment or {}).items() if kept.get(n) != v),
    )
    if beyond:
        raise InvalidThresholds(beyond)
    draft.treatment = limits.values()
    changes = diff(before, draft)
    if changes:
        draft.edit_token = uuid.uuid4()
        draft.signed_off_by, draft.signed_off_at, draft.signed_off_token = None, None, None
        draft.preview_result, draft.preview_status = None, ""
    draft.save()
    _event(draft, actor, RuleSetEvent.Action.EDITED, changes=changes, note=note)
    return draft


CLINICAL_LEAD_GROUP = "clinical lead"


SIGN_OFF_PERMISSION = "sign_off_ruleset"


AUTHORING = (RuleSetEvent.Action.CREATED, RuleSetEvent.Action.EDITED)


def can_sign_off(user: User | Any) -> bool:
    """Sign-off is a clinical act: only those granted the clinical-lead permission, through
    the "clinical lead" group or directly. A superuser's blanket permissions do not count."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return Permission.objects.filter(
        Q(user=user) | Q(group__user=user),
        codename=SIGN_OFF_PERMISSION,
        content_type__app_label="screening",
    ).exists()


@transaction.atomic
def clinical_lead_grant(*, user: User) -> None:
    """Let `user` sign off rule sets (admins do the same in the Django admin's groups)."""
    group, _ = Group.objects.get_or_create(name=CLINICAL_LEAD_GROUP)
    group.permissions.add(
        Permission.objects.get(codename=SIGN_OFF_PERMISSION, content_type__app_label="screening")
    )
    user.groups.add(group)


def authors_of(ruleset: RuleSet) -> set[int]:
    """Everyone who made or edited the draft: none of them may publish it."""
    return set(
        ruleset.events.filter(action__in=AUTHORING, actor__isnull=False).values_list(
            "actor_id", flat=True
        )
    )


def last_editor_id(ruleset: RuleSet) -> int | None:
    """Who last made or edited the draft: they may not sign it off."""
    event = ruleset.events.filter(action__in=AUTHORING).order_by("-at", "-pk").first()
    return event.actor_id if event else None


@transaction.atomic
def ruleset_sign_off(*, draft: RuleSet, actor: User) -> RuleSet:
    """A clinical lead signs off the plain-language summary of the draft as it stands."""
    draft = RuleSet.objects.select_for_update().get(pk=draft.pk)
    _editable(draft)
    if not can_sign_off(actor):
        raise RuleSetError("Only a clinical lead can sign off a rule set.")
    if last_editor_id(draft) == actor.pk:
        raise RuleSetError("Another person must sign off: you made the last change.")
    draft.signed_off_by, draft.signed_off_at = actor, timezone.now()
    draft.signed_off_token = draft.edit_token
    draft.save(update_fields=["signed_off_by", "signed_off_at", "signed_off_token"])
    _event(draft, actor, RuleSetEvent.Action.SIGNED_OFF)
    return draft


@dataclass
class GoldenDisagreement:
    case: GoldenCase
    route: str
    rules: list[str]


def golden_disagreements(thresholds: Thresholds) -> list[GoldenDisagreement]:
    """Golden cases whose expected route (or rules, when given) this rule set does not give."""
    found = []
    for case in GoldenCase.objects.all():
        decision = evaluate(case.answers, thresholds)
        rules = list(decision.fired_ids)
        if decision.route != case.expected_route or (
            case.expected_rules is not None and sorted(rules) != sorted(case.expected_rules)
        ):
            found.append(GoldenDisagreement(case, decision.route.value, rules))
    return found


# The route a clinician's final decision confirms: the ground truth of a golden case.
CONFIRMED_ROUTE = {
    "confirm_at_home": "at_home",
    "refer_in_clinic": "in_clinic",
    "decline": "clinician_review",
}


def golden_case_from_submission(*, submission: Submission, actor: User) -> GoldenCase:
    """Keep a decided past case's answers, expecting the route its clinician confirmed.

    The rules screening fired are expected too when the clinician agreed with its
    route; when the clinician decided otherwise, which rules should fire is open.
    """
    decision = submission.case.decisions.first()
    if decision is None or decision.outcome not in CONFIRMED_ROUTE:
        raise RuleSetError("Only a decided case can be kept: its decision is the ground truth.")
    screening = submission.screening
    expected_route = CONFIRMED_ROUTE[decision.outcome]
    agreed = expected_route == screening.route
    return GoldenCase.objects.create(
        name=f"Case {submission.case_number}",
        answers=submission.answers,
        expected_route=expected_route,
        engine_route=screening.route,
        expected_rules=[item["rule"] for item in screening.decision["fired"]] if agreed else None,
        source_submission=submission,
        created_by=actor,
    )


def _publish_check(draft: RuleSet, actor: User) -> None:
    """Everything publishing needs, checked on the locked draft."""
    if draft.status != RuleSet.Status.DRAFT:
        raise RuleSetError("Only a draft can be published.")
    if not draft.note.strip():
        raise RuleSetError("Write what changes and why in the draft before publishing.")
    if settings.RULESET_FOUR_EYES and actor.pk in authors_of(draft):
        raise RuleSetError("Another admin must publish this draft: you made or edited it.")
    if not draft.sign_off_is_current:
        raise RuleSetError("A clinical lead must sign off the plain-language summary first.")
    if not draft.preview_is_current:
        raise RuleSetError("Preview the impact of the draft as it stands before publishing.")
    disagreements = golden_disagreements(thresholds_of(draft))
    if disagreements:
        raise RuleSetError(f"{len(disagreements)} golden case(s) disagree with this draft.")


def ruleset_publish(*, draft: RuleSet, actor: User) -> RuleSet:
    """Publish the draft and retire the published version, in one transaction.

    The rows are locked before anything is checked, so an edit cannot slip in
    between the checks and the publication.
    """
    try:
        with transaction.atomic():
            current = (
                RuleSet.objects.select_for_update().filter(status=RuleSet.Status.PUBLISHED).first()
            )
            draft = RuleSet.objects.select_for_update().get(pk=draft.pk)
            _publish_check(draft, actor)
            if current is not None:
                current.status = RuleSet.Status.RETIRED
                current.save(update_fields=["status"])
                _event(current, actor, RuleSetEvent.Action.RETIRED, replaced_by=draft.name)
            draft.status = RuleSet.Status.PUBLISHED
            draft.published_by, draft.published_at = actor, timezone.now()
            draft.save()
            _event(draft, actor, RuleSetEvent.Action.PUBLISHED, note=draft.note)
            published_cache_refresh(draft)
    except IntegrityError:  # the database allows one published rule set: another won
        raise RuleSetError("Another rule set was just published; reload and try again.") from None
    return draft


def preview_cases(date_from: date | None, date_to: date | None) -> QuerySet[Submission]:
    """Submissions made between the two days (the clinic's days, both included)."""
    return Submission.objects.filter(within_days("submitted_at", date_from, date_to)).order_by("pk")


@transaction.atomic
def ruleset_preview_start(
    *, draft: RuleSet, actor: User, date_from: date | None = None, date_to: date | None = None
) -> RuleSet:
    """Start re-screening past submissions under the draft; a Celery task does the work."""
    from screening.rulesets.tasks import ruleset_preview

    draft = RuleSet.objects.select_for_update().get(pk=draft.pk)
    _editable(draft)
    draft.preview_token = draft.edit_token
    draft.preview_status, draft.preview_done, draft.preview_result = "running", 0, None
    draft.preview_total = preview_cases(date_from, date_to).count()
    draft.save()
    _event(
        draft,
        actor,
        RuleSetEvent.Action.PREVIEWED,
        date_from=date_from.isoformat() if date_from else None,
        date_to=date_to.isoformat() if date_to else None,
    )
    args = (
        draft.pk,
        str(draft.edit_token),
        date_from.isoformat() if date_from else None,
        date_to.isoformat() if date_to else None,
    )
    transaction.on_commit(lambda: ruleset_preview.delay(*args))
    return draft


def impact(
    before: Thresholds, after: Thresholds, submissions: QuerySet[Submission], progress: Any = None
) -> dict[str, Any]:
    """Re-screen stored answers under both rule sets; stream the submissions in chunks."""
    matrix: Counter[tuple[str, str]] = Counter()
    changed = 0
    affected = []
    seen = 0
    rows = submissions.values_list("public_id", "case_number", "answers")
    for public_id, case_number, raw in rows.iterator(chunk_size=PREVIEW_CHUNK):
        try:
            answers = parse_answers(raw)
        except InvalidAnswers:
            continue
        old, new = evaluate(answers, before), evaluate(answers, after)
        matrix[(old.route.value, new.route.value)] += 1
        if old.route != new.route or old.priority != new.priority or old.fired_ids != new.fired_ids:
            changed += 1
            affected.append(
                {
                    "submission": str(public_id),
                    "case_number": case_number,
                    "from": old.route.value,
                    "to": new.route.value,
                    "less_restrictive": new.route.restrictiveness < old.route.restrictiveness,
                    "fired_before": list(old.fired_ids),
                    "fired_after": list(new.fired_ids),
                }
            )
        seen += 1
        if progress is not None and seen % PREVIEW_CHUNK == 0:
            progress(seen)
    affected.sort(key=lambda item: (not item["less_restrictive"], item["case_number"]))
    return {
        "matrix": [
            {"from": old, "to": new, "count": count} for (old, new), count in sorted(matrix.items())
        ],
        "changed": changed,
        "screened": seen,
        "affected": affected,
    }


def ruleset_preview_run(
    ruleset_id: int, token: str, date_from: str | None, date_to: str | None
) -> bool:
    """The preview task's work; the result is kept only if the draft is unchanged since."""
    draft = RuleSet.objects.get(pk=ruleset_id)
    published = published_ruleset()
    before = thresholds_of(published) if published else DEFAULT_THRESHOLDS
    submissions = preview_cases(
        date.fromisoformat(date_from) if date_from else None,
        date.fromisoformat(date_to) if date_to else None,
    )

    def progress(done: int) -> None:
        RuleSet.objects.filter(pk=ruleset_id, preview_token=token).update(preview_done=done)

    result = impact(before, thresholds_of(draft), submissions, progress)
    result["against"] = before.ruleset
    stored = bool(
        RuleSet.objects.filter(pk=ruleset_id, edit_token=token, preview_token=token).update(
            preview_result=result, preview_status="done", preview_done=result["screened"]
        )
    )
    if stored:
        from screening.rulesets.signoff import ruleset_ready_notify

        ruleset_ready_notify(ruleset_id)  # the leads hear when the draft awaits their sign-off
    return stored


def ruleset_refused_notify(ruleset_id: int, kept: str) -> int:
    """Email every active admin that the published rule set is outside the safety floors and
    is not used; returns how many were emailed. Thresholds only: no patient's data."""
    refused = RuleSet.objects.filter(pk=ruleset_id).first()
    if refused is None:
        return 0
    admins = sorted(
        set(
            User.objects.filter(is_active=True)
            .filter(Q(groups__name=Role.ADMIN.value) | Q(is_superuser=True))
            .values_list("email", flat=True)
        )
    )
    if admins:
        send_clinic_mail(
            subject=f"Rule set {refused.name} is refused: outside the safety floors",
            body=(
                f"The published rule set {refused.name} (version {refused.version}) holds "
                f"values outside the safety floors or the allowed ranges: "
                f"{ruleset_fault(refused) or 'see the rule-set page'}.\n\n"
                f"It is not used. Screenings and pre-dose checks use "
                f"{kept or 'the contract defaults'} until a valid rule set is published.\n\n"
                f"{settings.SITE_URL}/rulesets/"
            ),
            to=admins,
            reason="You are an admin of the screening app.",
        )
    return len(admins)
