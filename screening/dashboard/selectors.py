"""The dashboard's figures, each aggregated in the database.

No query walks all cases in Python: each figure is a GROUP BY or an aggregate,
and Python only reshapes the grouped rows (a few hundred at most: weeks x
routes, priorities, distinct sets of fired rules).

- Cases per week by route: week buckets are computed here, in the clinic's time
  zone, and the database maps each submission into one with a CASE expression
  (portable: no per-row date function, which SQLite would run in Python).
- Queue by priority: open cases (awaiting or claimed); the median waiting time is
  PostgreSQL's percentile_cont where available, else the middle row(s) of the
  ordered queue, one small query per priority (exact on both).
- Rules: cases grouped by their set of fired rules (the `,a,b,` column); each
  group's count is added to each of its rules.
- Decisions that differ from the screening route: the standing decision of each
  decided case (none newer), grouped by fired rules, with those that differ.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Final

from django.db import connection
from django.db.models import Aggregate, Count, Exists, F, FloatField, OuterRef, Q, When
from django.db.models import Case as CaseWhen
from django.utils import timezone

from screening.results.models import ROUTE_LABELS, ScreeningResult
from screening.review.models import Case, CaseDecision
from screening.rules import RULES, Priority

WEEK_CHOICES: Final = (4, 12, 26, 52)
DEFAULT_WEEKS: Final = 12
PRIORITIES: Final = tuple(p.value for p in Priority)  # urgent, high, routine


@dataclass
class Figure:
    """One chart's numbers: a table (for screen readers and CSV) and the chart's series."""

    slug: str
    title: str
    columns: list[str]
    rows: list[list[Any]]
    chart: dict[str, Any] = field(default_factory=dict)


def window_start(weeks: int, now: datetime | None = None) -> datetime:
    """Monday 00:00 (local time) of the first of the last `weeks` weeks, this one included."""
    today = timezone.localtime(now or timezone.now()).date()
    monday = today - timedelta(days=today.weekday() + 7 * (weeks - 1))
    return timezone.make_aware(datetime.combine(monday, datetime.min.time()))


def week_starts(weeks: int, now: datetime | None = None) -> list[datetime]:
    first = window_start(weeks, now)
    # Each Monday at local midnight, whatever daylight saving did in between.
    return [
        timezone.make_aware(datetime.combine((first + timedelta(days=7 * i)).date(), first.time()))
        for i in range(weeks + 1)
    ]


def cases_per_week(weeks: int, now: datetime | None = None) -> Figure:
    bounds = week_starts(weeks, now)
    week_of = CaseWhen(
        *(When(submission__submitted_at__lt=bounds[i + 1], then=i) for i in range(weeks)),
        default=None,
    )
    grouped = (
        ScreeningResult.objects.filter(submission__submitted_at__gte=bounds[0])
        .annotate(week=week_of)
        .values("week", "route")
        .annotate(cases=Count("pk"))
        .order_by()
    )
    counts = {(row["week"], row["route"]): row["cases"] for row in grouped}
    routes = list(ROUTE_LABELS)
    labels = [f"{start:%d %b %Y}" for start in bounds[:-1]]
    per_route = [[counts.get((i, route), 0) for route in routes] for i in range(weeks)]
    rows = [[labels[i], *numbers, sum(numbers)] for i, numbers in enumerate(per_route)]
    return Figure(
        "cases-per-week",
        "Cases per week by screening route",
        ["Week starting", *ROUTE_LABELS.values(), "All routes"],
        rows,
        {
            "type": "bar",
            "stacked": True,
            "labels": labels,
            "series": [
                {"label": ROUTE_LABELS[route], "data": [row[1 + n] for row in rows]}
                for n, route in enumerate(routes)
            ],
            "axis": "Cases",
        },
    )


class _MedianEpoch(Aggregate):
    """PostgreSQL: the median of a timestamp column, as seconds since the epoch."""

    function = "PERCENTILE_CONT"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM %(expressions)s))"
    output_field = FloatField()


def _open_cases() -> Any:
    return Case.objects.filter(status__in=Case.OPEN_STATUSES)


def _median_waiting_since(priorities: dict[str, int]) -> dict[str, datetime]:
    """The median `waiting_since` of the open cases of each priority."""
    if connection.vendor == "postgresql":
        rows = (
            _open_cases()
            .values(priority=F("submission__screening__priority"))
            .annotate(median=_MedianEpoch("waiting_since"))
            .order_by()
        )
        return {
            row["priority"]: datetime.fromtimestamp(row["median"], tz=UTC)
            for row in rows
            if row["median"] is not None
        }
    medians = {}
    for priority, count in priorities.items():  # three small queries, each an index range
        if not count:
            continue
        middle = list(
            _open_cases()
            .filter(submission__screening__priority=priority)
            .order_by("waiting_since")
            .values_list("waiting_since", flat=True)[(count - 1) // 2 : count // 2 + 1]
        )
        medians[priority] = middle[0] + (middle[-1] - middle[0]) / 2
    return medians


def _hours(delta: timedelta) -> float:
    return round(delta.total_seconds() / 3600, 1)


def queue_by_priority(now: datetime | None = None) -> Figure:
    now = now or timezone.now()
    counted = (
        _open_cases()
        .values(priority=F("submission__screening__priority"))
        .annotate(cases=Count("pk"))
        .order_by()
    )
    counts = {row["priority"]: row["cases"] for row in counted}
    sizes = {p: counts.get(p, 0) for p in PRIORITIES}
    medians = _median_waiting_since(sizes)
    rows = [
        [p.capitalize(), sizes[p], _hours(now - medians[p]) if p in medians else None]
        for p in PRIORITIES
    ]
    return Figure(
        "queue",
        "Review queue now: open cases and median waiting time by priority",
        ["Priority", "Open cases", "Median waiting time (hours)"],
        rows,
        {
            "type": "bar",
            "labels": [row[0] for row in rows],
            "series": [
                {"label": "Open cases", "data": [row[1] for row in rows], "axis": "y"},
                {
                    "label": "Median waiting time (hours)",
                    "data": [row[2] for row in rows],
                    "axis": "y1",
                },
            ],
            "axis": "Open cases",
            "axis1": "Hours",
        },
    )


def _split_rules(groups: dict[str, Any]) -> dict[str, Any]:
    """Counts by set of fired rules (`,a,b,`) added up by rule."""
    totals: dict[str, Any] = {}
    for fired, counts in groups.items():
        for rule in filter(None, (fired or "").split(",")):
            previous = totals.get(rule)
            totals[rule] = (
                counts
                if previous is None
                else tuple(a + b for a, b in zip(previous, counts, strict=True))
            )
    return totals


def rule_firing(weeks: int, now: datetime | None = None) -> Figure:
    start = window_start(weeks, now)
    grouped = (
        ScreeningResult.objects.filter(submission__submitted_at__gte=start)
        .values("fired_rules")
        .annotate(cases=Count("pk"))
        .order_by()
    )
    groups = {row["fired_rules"]: (row["cases"],) for row in grouped}
    total = sum(count for (count,) in groups.values())
    by_rule = _split_rules(groups)
    rows = sorted(
        (
            [rule.id, by_rule[rule.id][0], _share(by_rule[rule.id][0], total)]
            for rule in RULES
            if rule.id in by_rule
        ),
        key=lambda row: (-row[1], row[0]),
    )
    return Figure(
        "rules",
        f"How often each rule fires ({total} cases)",
        ["Rule", "Cases", "Share of cases (%)"],
        rows,
        {
            "type": "bar",
            "horizontal": True,
            "labels": [row[0] for row in rows],
            "series": [{"label": "Share of cases (%)", "data": [row[2] for row in rows]}],
            "axis": "% of cases",
        },
    )


def _share(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def standing_decisions(start: datetime) -> Any:
    """The decision in force on each decided case submitted since `start` (none newer)."""
    newer = CaseDecision.objects.filter(
        case=OuterRef("case"), created_at__gt=OuterRef("created_at")
    )
    return CaseDecision.objects.filter(
        case__status=Case.Status.DECIDED, case__submission__submitted_at__gte=start
    ).exclude(Exists(newer))


def decisions_differing(weeks: int, now: datetime | None = None) -> Figure:
    start = window_start(weeks, now)
    grouped = (
        standing_decisions(start)
        .values(fired=F("case__submission__screening__fired_rules"))
        .annotate(decided=Count("pk"), differ=Count("pk", filter=Q(overrides_engine=True)))
        .order_by()
    )
    groups = {row["fired"]: (row["decided"], row["differ"]) for row in grouped}
    decided = sum(count for count, _ in groups.values())
    differ = sum(count for _, count in groups.values())
    by_rule = _split_rules(groups)
    rows = sorted(
        (
            [rule.id, by_rule[rule.id][0], by_rule[rule.id][1], _share(*by_rule[rule.id][::-1])]
            for rule in RULES
            if rule.id in by_rule
        ),
        key=lambda row: (-row[3], -row[1], row[0]),
    )
    no_rule = groups.get(",", (0, 0))
    if no_rule[0]:
        rows.append(["(no rule fired)", no_rule[0], no_rule[1], _share(no_rule[1], no_rule[0])])
    rows.append(["All decided cases", decided, differ, _share(differ, decided)])
    return Figure(
        "overrides",
        "Clinicians' decisions that differ from the screening route, by fired rule",
        ["Rule", "Decided cases", "Decisions that differ", "Share that differ (%)"],
        rows,
        {
            "type": "bar",
            "horizontal": True,
            "labels": [row[0] for row in rows],
            "series": [{"label": "Share that differ (%)", "data": [row[3] for row in rows]}],
            "axis": "% of decisions",
        },
    )


def dashboard_figures(weeks: int, now: datetime | None = None) -> list[Figure]:
    now = now or timezone.now()
    return [
        cases_per_week(weeks, now),
        queue_by_priority(now),
        rule_firing(weeks, now),
        decisions_differing(weeks, now),
    ]


FIGURE_SLUGS: Final = ("cases-per-week", "queue", "rules", "overrides")
