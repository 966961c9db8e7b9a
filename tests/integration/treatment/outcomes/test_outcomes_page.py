"""The outcomes page over a seeded clinic: its figures equal a computation written here,
course by course, from the rows themselves; its queries do not grow with the clinic."""

from __future__ import annotations

import csv
import io
import statistics
from collections import Counter
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from patients.roles import Role
from screening.audit.models import AuditEntry
from tests.factories import make_clinical_lead, make_user
from treatment import clock
from treatment.models import (
    FollowUpTask,
    HomeDose,
    MeasureSet,
    MonitoringRecord,
    PreDoseCheck,
    ReportedSideEffect,
    SessionAlert,
    TreatmentCourse,
)
from treatment.outcomes.tasks import outcomes_refresh

pytestmark = pytest.mark.django_db

URL = "/treatment/outcomes/"
POINT = 6


def seed(patients: int, courses: int, seed: int = 7) -> None:
    call_command(
        "seed_synthetic", patients=patients, courses=courses, seed=seed, stdout=io.StringIO()
    )


def dose_times(course: TreatmentCourse) -> list[datetime]:
    """Each dosed session's time of dose, at home or in the clinic."""
    times = list(HomeDose.objects.filter(session__course=course).values_list("dosed_at", flat=True))
    by_session: dict[int, datetime] = {}
    for session_id, dosed_at in MonitoringRecord.objects.filter(
        session__course=course, dosed_at__isnull=False
    ).values_list("session_id", "dosed_at"):
        assert dosed_at is not None
        by_session[session_id] = min(dosed_at, by_session.get(session_id, dosed_at))
    return sorted(times + list(by_session.values()))


def independent(course: TreatmentCourse) -> dict[str, Any]:
    """The course's outcome by the issue's words, without the app's outcome code."""
    doses = dose_times(course)
    measures = [
        (sum(1 for d in doses if d < m.recorded_at), m.phq9_total, m.gad7_total)
        for m in MeasureSet.objects.filter(course=course).order_by("recorded_at", "pk")
    ]
    assert course.case is not None
    answers = course.case.submission.answers
    result = {"doses": len(doses), "measures": measures, "ended": course.status == "ended"}
    for index, name in ((1, "phq9"), (2, "gad7")):
        before = [m[index] for m in measures if m[0] == 0]
        baseline = before[-1] if before else sum(answers[name])
        at_point = [m[index] for m in measures if m[0] >= POINT]
        after_dose = [m[index] for m in measures if m[0] >= 1]
        if at_point:
            score = at_point[0]
        elif result["ended"] and after_dose:
            score = after_dose[-1]
        else:
            score = None
        result[name] = {
            "baseline": baseline,
            "cohort": baseline >= 10,
            "score": score,
            "response": score is not None and score <= baseline / 2,
            "remission": score is not None and score < 5,
            "deterioration": score is not None and score - baseline >= 5,
        }
    return result


def csv_rows(client: Client, figure: str) -> list[dict[str, str]]:
    response = client.get(reverse("treatment_outcomes_csv"), {"figure": figure})
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_the_pages_figures_equal_an_independent_computation(client):
    seed(patients=500, courses=140)
    courses = list(TreatmentCourse.objects.select_related("case__submission"))
    assert len(courses) > 60
    truth = {c.pk: independent(c) for c in courses}
    client.force_login(make_clinical_lead())

    response = client.get(URL)

    assert response.status_code == 200
    summaries = response.context["outcomes"].summaries
    for name in ("phq9", "gad7"):
        cohort = [t[name] for t in truth.values() if t[name]["cohort"]]
        completers = [o for o in cohort if o["score"] is not None]
        summary = next(s for i, s in summaries.items() if i.value == name)
        assert summary.cohort == len(cohort)
        assert summary.below_threshold == len(truth) - len(cohort)
        assert summary.completers.n == len(completers)
        assert summary.intention_to_treat.n == len(cohort)
        for key, proportion in (
            ("response", summary.completers.response),
            ("remission", summary.completers.remission),
        ):
            assert proportion.count == sum(o[key] for o in completers)
        assert summary.intention_to_treat.response.count == sum(o["response"] for o in cohort)
        assert summary.deterioration.count == sum(o["deterioration"] for o in completers)
        assert summary.completers.n > 0 and summary.completers.response.count > 0
        # The CSV's first rows are all courses, completers then intention to treat.
        rows = csv_rows(client, name)
        assert rows[0]["Group"] == "All courses" and rows[0]["Analysis"] == "Completers"
        assert int(rows[0]["Response"]) == sum(o["response"] for o in completers)
        assert int(rows[0]["Response n"]) == len(completers)
        assert int(rows[1]["Remission"]) == sum(o["remission"] for o in cohort)
        assert int(rows[1]["Remission n"]) == len(cohort)
        at_home = [
            t[name]
            for c in courses
            if c.setting == "at_home" and (t := truth[c.pk])[name]["cohort"]
        ]
        home_row = next(
            r for r in rows if r["Group"] == "At home" and r["Analysis"] == "Completers"
        )
        assert int(home_row["Response"]) == sum(
            o["response"] for o in at_home if o["score"] is not None
        )
        published = [r for r in rows if r["Group"].startswith("Published")]
        assert published

    # Mean PHQ-9 by session: each course's last measure after exactly n doses.
    trajectory = csv_rows(client, "trajectory")
    for row in trajectory:
        n = int(row["Session"])
        last = {}
        for pk, t in truth.items():
            for dosed, phq9, _gad7 in t["measures"]:
                if dosed == n:
                    last[pk] = phq9
        assert int(row["PHQ-9 courses"]) == len(last)
        if last:
            assert float(row["Mean PHQ-9"]) == round(statistics.fmean(last.values()), 1)
    assert any(int(r["PHQ-9 courses"]) > 0 for r in trajectory)

    # Safety per 100 doses, by setting.
    safety = {row["Event"]: row for row in csv_rows(client, "safety")}
    for setting, label in (("at_home", "At home"), ("in_clinic", "In clinic")):
        doses = sum(t["doses"] for c in courses for t in [truth[c.pk]] if c.setting == setting)
        assert int(safety["Doses"][f"{label}: events"]) == doses
        checks = PreDoseCheck.objects.filter(setting=setting)
        expected = {
            "Holds": checks.filter(outcome="hold").count(),
            "Calls": checks.filter(outcome="call").count(),
            "Overrides of holds": checks.filter(
                outcome="hold", overridden_at__isnull=False
            ).count(),
            "Severe side effects": ReportedSideEffect.objects.filter(
                session__setting=setting, severity="severe"
            ).count(),
            "Urgent alerts, all": SessionAlert.objects.filter(session__setting=setting).count(),
            "Urgent alerts: missed readings": SessionAlert.objects.filter(
                session__setting=setting, code="reading_missed"
            ).count(),
            "Urgent alerts: spo2 below the floor": SessionAlert.objects.filter(
                session__setting=setting, code="spo2_low"
            ).count(),
        }
        for event, count in expected.items():
            assert int(safety[event][f"{label}: events"]) == count, (setting, event)
            if doses:
                assert float(safety[event][f"{label}: per 100 doses"]) == round(
                    100 * count / doses, 2
                )
    assert int(safety["Holds"]["At home: events"]) > 0

    # Retention: ended before the point by reason; lost without one.
    retention = {row["Courses"]: int(row["Number"]) for row in csv_rows(client, "retention")}
    reasons = Counter(
        c.status_reason for c in courses if c.status == "ended" and truth[c.pk]["doses"] < POINT
    )
    for reason, count in reasons.items():
        assert retention[f"Ended before session {POINT}: {reason}"] == count
    now = clock.now()
    lost = 0
    for c in courses:
        t = truth[c.pk]
        doses = dose_times(c)
        last = doses[-1] if doses else c.opened_at
        if c.status != "ended" and t["doses"] < POINT and now - last >= timedelta(days=30):
            lost += 1
    assert retention["Lost without a reason (no dose for 30 days)"] == lost

    # Plan reviews prompted.
    assert (
        response.context["outcomes"].plan_reviews
        == FollowUpTask.objects.filter(kind=FollowUpTask.Kind.PLAN_REVIEW).count()
    )


def test_the_period_keeps_only_the_courses_opened_in_it(client):
    seed(patients=200, courses=60)
    client.force_login(make_user(Role.ADMIN))
    opened = sorted(c.opened_at for c in TreatmentCourse.objects.all())
    middle = timezone.localdate(opened[len(opened) // 2])
    expected = sum(1 for o in opened if timezone.localdate(o) >= middle)

    response = client.get(URL, {"opened_from": middle.isoformat()})

    assert response.status_code == 200
    assert response.context["outcomes"].courses == expected


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"opened_from": "2026-02-30"}, "opened_from", "Enter a real date"),
        ({"opened_to": "yesterday"}, "opened_to", "Enter a real date"),
        ({"opened_from": "1899-01-01"}, "opened_from", "Enter a date from"),
        ({"opened_from": "2026-03-02", "opened_to": "2026-03-01"}, "opened_to", "on or after"),
    ],
)
def test_bad_dates_get_a_clear_error_beside_the_field(client, params, field, message):
    client.force_login(make_user(Role.ADMIN))

    response = client.get(URL, params)

    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    html = response.content.decode()
    assert f'id="error_1_id_{field}"' in html or message in html
    assert (
        client.get(reverse("treatment_outcomes_csv"), params | {"figure": "phq9"}).status_code
        == 400
    )


@pytest.mark.parametrize("courses", [10, 40])
def test_the_page_runs_in_a_constant_number_of_queries(
    client, django_assert_max_num_queries, courses
):
    seed(patients=courses * 6, courses=courses, seed=courses)
    assert TreatmentCourse.objects.count() >= courses * 0.8
    client.force_login(make_user(Role.ADMIN))
    client.get(reverse("treatment_courses"))  # the session and the user, read once

    cache.clear()  # no snapshot: the request aggregates the figures itself
    with django_assert_max_num_queries(24):  # the cache is a table in tests
        assert client.get(URL).status_code == 200
    with django_assert_max_num_queries(8):  # the snapshot, kept
        assert client.get(URL).status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get(reverse("treatment_outcomes_courses_csv")).status_code == 200


def test_the_page_reads_a_snapshot_renewed_by_beat(client):
    seed(patients=120, courses=20)
    client.force_login(make_user(Role.ADMIN))
    first = client.get(URL).context["outcomes"].courses
    TreatmentCourse.objects.filter(pk=TreatmentCourse.objects.first().pk).update(
        opened_at=clock.now() - timedelta(days=5000)
    )

    assert client.get(URL).context["outcomes"].courses == first  # kept
    outcomes_refresh()
    assert client.get(URL).context["outcomes"].courses == first  # every course, renewed
    assert "Figures as of" in client.get(URL).content.decode()


def test_every_read_and_download_is_audited_and_the_research_csv_is_de_identified(client):
    seed(patients=120, courses=30)
    clinician = make_user(Role.CLINICIAN)
    client.force_login(clinician)

    assert client.get(URL).status_code == 200
    assert client.get(reverse("treatment_outcomes_csv"), {"figure": "safety"}).status_code == 200
    research = client.get(reverse("treatment_outcomes_courses_csv"))

    actions = list(
        AuditEntry.objects.filter(actor=clinician).order_by("pk").values_list("action", flat=True)
    )
    assert actions == [
        AuditEntry.Action.OUTCOMES_VIEWED,
        AuditEntry.Action.OUTCOMES_EXPORTED,
        AuditEntry.Action.OUTCOMES_COURSES_EXPORTED,
    ]
    text = research.content.decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == TreatmentCourse.objects.count()
    course = TreatmentCourse.objects.select_related("patient__user").first()
    for identifying in (
        course.patient.given_name,
        course.patient.family_name,
        course.patient.user.email,
        course.patient.phone,
        str(course.public_id),
        course.opened_at.date().isoformat(),
        str(course.patient.date_of_birth.year),
    ):
        assert identifying not in text
    assert {row["age_band"] for row in rows} <= {f"{n}-{n + 4}" for n in range(0, 90, 5)} | {"90+"}
    assert all(row["days_since_opened"].isdigit() for row in rows)


def test_an_unknown_figure_is_not_found(client):
    client.force_login(make_user(Role.ADMIN))

    assert client.get(reverse("treatment_outcomes_csv"), {"figure": "nothing"}).status_code == 404
