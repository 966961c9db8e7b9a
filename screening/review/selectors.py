"""Reads of the review workspace: the queue, a case, urgent drafts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone

from config.dates import within_days
from config.keyset import KeysetPage, keyset_page
from patients.intake.wording import MEDICATION_FREQUENCIES, MEDICATIONS
from patients.models import IntakeDraft, Submission, User
from screening.results.models import ScreeningResult
from screening.review.models import Case, CaseDecision, UrgentDraftContact
from screening.rules import (
    DEFAULT_THRESHOLDS,
    InvalidAnswers,
    parse_answers,
)
from screening.rules.bands import (
    audit_c_band,
    bp_category,
    cssrs_risk_level,
    dast10_band,
    gad7_band,
    heart_rate_band,
    phq9_band,
)
from screening.rules.catalog import RULES_BY_ID, SOURCES, source_title
from screening.rules.crisis import crisis_triggers
from screening.rules.labels import short_label
from screening.rules.scores import rounded_mean
from screening.rulesets.models import RuleSet
from screening.rulesets.selectors import thresholds_of


@dataclass(frozen=True)
class QueueTab:
    name: str
    label: str
    meaning: str  # one line under the tabs


# Each case is in exactly one tab.
QUEUE_TABS: tuple[QueueTab, ...] = (
    QueueTab("waiting", "Waiting", "Nobody has claimed these cases yet; the most urgent first."),
    QueueTab("mine", "My cases", "Cases you have claimed and not yet decided."),
    QueueTab("others", "Claimed by others", "Cases another clinician is handling."),
    QueueTab(
        "awaiting_patient",
        "Awaiting patient",
        "More information was asked for; the patient has not sent it yet.",
    ),
    QueueTab("decided", "Decided", "Cases with a decision: the latest first, with who made it."),
)
# Every tab carries a count, read in one query from the status index (replaced cases, the
# one status of no tab, are left out).
COUNTED_TABS = ("waiting", "mine", "others", "awaiting_patient", "decided")
COUNTED_STATUSES = (
    Case.Status.AWAITING,
    Case.Status.CLAIMED,
    Case.Status.AWAITING_PATIENT,
    Case.Status.DECIDED,
)


TAB_NAMES = tuple(tab.name for tab in QUEUE_TABS)


def _in_tab(tab: str, user: User | Any) -> Q:
    claimed = Q(status=Case.Status.CLAIMED)
    return {
        "waiting": Q(status=Case.Status.AWAITING),
        "mine": claimed & Q(claimed_by=user.pk),
        "others": claimed & ~Q(claimed_by=user.pk),
        "awaiting_patient": Q(status=Case.Status.AWAITING_PATIENT),
        "decided": Q(status=Case.Status.DECIDED),
    }[tab]


@dataclass
class QueueFilters:
    tab: str = "waiting"
    route: str = ""
    priority: str = ""
    rule: str = ""
    date_from: date | None = None
    date_to: date | None = None
    search: str = ""


def _filtered(filters: QueueFilters) -> QuerySet[Case]:
    cases = Case.objects.all()
    if filters.route:
        cases = cases.filter(submission__screening__route=filters.route)
    if filters.priority:
        cases = cases.filter(submission__screening__priority=filters.priority)
    if filters.rule:
        cases = cases.filter(submission__screening__fired_rules__contains=f",{filters.rule},")
    cases = cases.filter(within_days("waiting_since", filters.date_from, filters.date_to))
    if filters.search:
        term = filters.search.strip()
        cases = cases.filter(
            Q(submission__case_number=term.upper())  # stored in capitals; uses the unique index
            | Q(patient__given_name__icontains=term)
            | Q(patient__family_name__icontains=term)
        )
    return cases


def queue_counts(filters: QueueFilters, user: User | Any) -> dict[str, int]:
    """Cases per tab under the other filters, in one query."""
    counts = (
        _filtered(filters)
        .filter(status__in=COUNTED_STATUSES)
        .aggregate(**{tab: Count("pk", filter=_in_tab(tab, user)) for tab in COUNTED_TABS})
    )
    return {tab: counts[tab] or 0 for tab in COUNTED_TABS}


QUEUE_UNSHOWN = (
    "submission__answers",
    "submission__screening__decision",
    "patient__phone",
    "claimed_by__password",
)


# Both orders match an index (case_queue_order, case_decided_order): a page, first or deep,
# is read from the index from its first row on (keyset pagination), never sorted nor skipped.
QUEUE_ORDER = ("queue_rank", "waiting_since", "pk")
DECIDED_ORDER = ("-decided_at", "-pk")


def queue_order(tab: str) -> tuple[str, ...]:
    return DECIDED_ORDER if tab == "decided" else QUEUE_ORDER


def queue_page(
    filters: QueueFilters, user: User | Any, *, after: int | None, before: int | None
) -> KeysetPage[Case]:
    """One page of the queue, after or before a case (by id): two queries at any depth."""
    return keyset_page(
        queue_list(filters, user),
        queue_order(filters.tab),
        settings.QUEUE_PAGE_SIZE,
        after=after,
        before=before,
    )


def queue_list(filters: QueueFilters, user: User | Any) -> QuerySet[Case]:
    """Review group first (then in-clinic, then at-home), by priority, oldest first;
    decided cases by their latest decision, newest first, with its outcome and author."""
    tab = filters.tab if filters.tab in TAB_NAMES else "waiting"
    cases = (
        _filtered(filters)
        .filter(_in_tab(tab, user))
        .select_related("submission__screening", "patient", "claimed_by")
        # The queue shows none of the answers nor the full decision: leave them in the table.
        .defer(*QUEUE_UNSHOWN)
    )
    if tab == "decided":
        latest = CaseDecision.objects.filter(case=OuterRef("pk")).order_by("-created_at", "-pk")
        return cases.annotate(
            decided_outcome=Subquery(latest.values("outcome")[:1]),
            decided_by_first=Subquery(latest.values("clinician__first_name")[:1]),
            decided_by_last=Subquery(latest.values("clinician__last_name")[:1]),
        ).order_by(*DECIDED_ORDER)
    return cases.order_by(*QUEUE_ORDER)


def urgent_drafts() -> QuerySet[IntakeDraft]:
    """Unsubmitted intakes whose safety answers flagged them urgent, not yet followed up."""
    return (
        IntakeDraft.objects.filter(status=IntakeDraft.Status.OPEN, urgent_since__isnull=False)
        .exclude(
            Exists(
                UrgentDraftContact.objects.filter(
                    draft=OuterRef("pk"), at__gte=OuterRef("urgent_since")
                )
            )
        )
        .select_related("patient")
        .only("public_id", "urgent_since", "patient__given_name", "patient__family_name")
        .order_by("urgent_since")
    )


def draft_crisis_triggers(draft: IntakeDraft) -> list[str]:
    """The saved answers of a draft that called for crisis resources, in words."""
    try:
        return crisis_triggers(parse_answers(draft.answers))
    except InvalidAnswers:  # saved steps are valid; say so rather than fail
        return ["Some saved answers could not be read: open the answers below."]


def overdue_after(priority: str) -> timedelta:
    return timedelta(hours=settings.OVERDUE_AFTER_HOURS[priority])


def is_overdue(case: Case, now: datetime | None = None) -> bool:
    if case.status not in Case.OPEN_STATUSES:
        return False
    waited = (now or timezone.now()) - case.waiting_since
    return waited > overdue_after(case.submission.screening.priority)


def overdue_cases(now: datetime | None = None) -> list[Case]:
    """Open cases past their priority's waiting limit."""
    now = now or timezone.now()
    oldest_limit = min(overdue_after(p) for p in settings.OVERDUE_AFTER_HOURS)
    candidates = Case.objects.filter(
        status__in=Case.OPEN_STATUSES, waiting_since__lt=now - oldest_limit
    ).select_related("submission__screening")
    return [case for case in candidates if is_overdue(case, now)]


def case_by_public_id(public_id: str) -> Case:
    case = (
        Case.objects.select_related("submission__screening", "patient__user", "claimed_by")
        .filter(submission__public_id=public_id)
        .first()
    )
    if case is None:
        raise Http404("No such case")
    return case


def resubmission_links(case: Case) -> dict[str, Any]:
    """A case sent back with more information, and the one it answered, each way."""
    replaced_by = (
        Submission.objects.filter(draft__reopened_from=case.submission_id)
        .order_by("submitted_at")
        .first()
    )
    answered = case.submission.draft.reopened_from if case.submission.draft_id else None
    request = ""
    if answered is not None:
        asked = answered.case.decisions.filter(outcome="request_info").first()
        request = asked.info_needed if asked is not None else ""
    return {"replaced_by": replaced_by, "answers_request_of": answered, "request": request}


EFFECT_LABELS = {
    "contraindication": "Contraindication",
    "review": "Needs review",
    "in_clinic": "In clinic only",
    "flag": "Note",
}


def row_reasons(result: ScreeningResult) -> list[str]:
    """Why a case is where it is, in a few plain words per fired rule, for its queue row."""
    return [short_label(rule) for rule in result.fired_rules.split(",") if rule]


def fired_in_words(result: ScreeningResult) -> list[dict[str, Any]]:
    """The rules a screening fired, headed by what each means (with the thresholds of the
    rule set it used) and with each source's title; ids stay as details."""
    ruleset = RuleSet.objects.filter(name=result.ruleset).first()
    values = (thresholds_of(ruleset) if ruleset else DEFAULT_THRESHOLDS).values()
    fired = []
    for item in result.fired:
        rule = RULES_BY_ID[item["rule"]]
        fired.append(
            {
                **item,
                "title": rule.describe(values),
                "effect_label": EFFECT_LABELS[item["effect"]],
                "thresholds": rule.thresholds,
                "sources": [(key, source_title(key), SOURCES[key]) for key in rule.sources],
            }
        )
    return fired


def case_decisions(case: Case) -> QuerySet[CaseDecision]:
    return case.decisions.select_related("clinician")


def patient_history(case: Case) -> list[dict[str, Any]]:
    """The patient's submissions, oldest first, with PHQ-9 and GAD-7 totals for the chart."""
    results = (
        ScreeningResult.objects.filter(submission__patient=case.patient)
        .select_related("submission")
        .order_by("submission__submitted_at")
    )
    return [
        {
            "submission": result.submission,
            "route": result.route,
            "date": result.submission.submitted_at.date().isoformat(),
            "phq9": result.decision["scores"].get("phq9"),
            "gad7": result.decision["scores"].get("gad7"),
            "current": result.submission_id == case.submission_id,
        }
        for result in results
    ]


def score_bands(submission: Submission) -> list[tuple[str, Any, str]]:
    """(instrument, total, standard band) for each instrument answered."""
    scores = submission.screening.decision["scores"]
    sex = submission.answers.get("sex_at_birth")
    rows = []
    for name, key, banding in (
        ("PHQ-9", "phq9", phq9_band),
        ("GAD-7", "gad7", gad7_band),
        ("DAST-10", "dast10", dast10_band),
    ):
        if scores.get(key) is not None:
            rows.append((name, scores[key], banding(scores[key])))
    if scores.get("audit_c") is not None:
        rows.append(("AUDIT-C", scores["audit_c"], audit_c_band(scores["audit_c"], sex)))
    if scores.get("phq9_item9") is not None:
        rows.append(("PHQ-9 item 9", scores["phq9_item9"], "read on its own"))
    return rows


MEDICATION_NAMES = {value: name for value, name, _ in MEDICATIONS} | {"none": "None"}
FREQUENCY_WORDS = {value: words.lower() for value, words in MEDICATION_FREQUENCIES}


def medication_lines(answers: dict[str, Any]) -> list[str] | None:
    """Each medicine class ticked, with what the patient takes of it where they said:
    "An SSRI or SNRI antidepressant: Sertraline, 50 mg, once a day"."""
    medications = answers.get("medications")
    if not medications:
        return None
    details = {
        record.get("class"): record
        for record in answers.get("medication_details") or []
        if isinstance(record, dict)
    }
    lines = []
    for value in medications:
        record = details.get(value, {})
        parts = [
            str(record["name"]) if record.get("name") else "",
            str(record["dose"]) if record.get("dose") else "",
            FREQUENCY_WORDS.get(str(record.get("frequency")), ""),
        ]
        taken = ", ".join(part for part in parts if part)
        lines.append(f"{MEDICATION_NAMES[value]}: {taken}" if taken else MEDICATION_NAMES[value])
    return lines


def clinical_summary(submission: Submission) -> dict[str, Any]:
    """What a prescriber reads first: C-SSRS risk, medicines, vital signs and contacts.

    Format-1 answers lack most of it: their keys are absent and the page says so.
    """
    answers = submission.answers
    scores = submission.screening.decision["scores"]
    cssrs = answers.get("cssrs") or {}
    readings = [
        {**reading, "category": bp_category(reading["systolic"], reading["diastolic"])}
        for reading in answers.get("bp_readings", [])
    ]
    rates = tuple(r["heart_rate"] for r in readings if "heart_rate" in r)
    mean_rate = rounded_mean(rates) if rates else None
    systolic, diastolic = scores.get("bp_systolic"), scores.get("bp_diastolic")
    return {
        "cssrs_level": cssrs_risk_level(cssrs) if cssrs else None,
        "lifetime_attempt": cssrs.get("behavior_lifetime") is True,
        "recent_attempt": cssrs.get("behavior_3_months") is True,
        "medications": medication_lines(answers),
        "medications_other": answers.get("medications_other", []),
        "readings": readings,
        "bp_unavailable": bool(answers.get("bp_unavailable")),
        "mean_category": bp_category(systolic, diastolic) if systolic and diastolic else None,
        "mean_heart_rate": mean_rate,
        "heart_rate_band": heart_rate_band(mean_rate) if mean_rate is not None else None,
        "hypertension_treated": answers.get("hypertension_treated"),
        "emergency_contact": answers.get("emergency_contact"),
        "support_person_contact": answers.get("support_person_contact"),
        "session_location": answers.get("session_location"),
        "format": answers.get("format", 1),
    }
