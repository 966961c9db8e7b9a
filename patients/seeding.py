"""A synthetic clinic at scale, for benchmarks: patients, submissions, screenings, cases and
decisions, written in bulk. Synthetic accounts cannot sign in (no usable password, no
role) and use the reserved domain synthetic.invalid, so they never mix with demo logins.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Final

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from patients.models import IntakeDraft, Patient, Submission, User
from patients.synthetic import generated_intake_format_2
from screening.results.models import ScreeningResult
from screening.results.services import screening_result_of
from screening.review.models import Case, CaseDecision, queue_rank_of
from screening.rules import Route, Thresholds, evaluate, parse_answers
from screening.rulesets.selectors import active_thresholds

DOMAIN: Final = "synthetic.invalid"
GIVEN: Final = ("Alex", "Sam", "Jordan", "Robin", "Casey", "Morgan", "Riley", "Avery", "Quinn")
FAMILY: Final = ("Lee", "Kim", "Patel", "Diaz", "Reyes", "Nguyen", "Okafor", "Silva", "Moreau")
# A clinic's mix: most past cases decided, some waiting, a few with the patient.
LATEST_STATUS: Final = {
    Case.Status.DECIDED: 70,
    Case.Status.AWAITING: 18,
    Case.Status.CLAIMED: 6,
    Case.Status.AWAITING_PATIENT: 6,
}
AGREEING: Final = {
    Route.AT_HOME: CaseDecision.Outcome.CONFIRM_AT_HOME,
    Route.IN_CLINIC: CaseDecision.Outcome.REFER_IN_CLINIC,
    Route.CLINICIAN_REVIEW: CaseDecision.Outcome.DECLINE,
}
DIFFERING_SHARE: Final = 0.1  # decisions that differ from the screening route
CHUNK: Final = 2_000  # patients per transaction


@dataclass
class SeedReport:
    patients: int = 0
    submissions: int = 0
    decided: int = 0


@dataclass
class _Plan:
    patient: Patient
    answers: dict[str, Any]
    submitted_at: datetime
    latest: bool


@dataclass
class _Seeder:
    rng: random.Random
    days: int
    thresholds: Thresholds
    clinician: User
    now: datetime = field(default_factory=timezone.now)
    run: str = field(default_factory=lambda: secrets.token_hex(3))
    report: SeedReport = field(default_factory=SeedReport)
    numbers: set[str] = field(default_factory=set)

    @transaction.atomic
    def chunk(self, first: int, count: int) -> None:
        unusable = make_password(None)
        users = User.objects.bulk_create(
            User(
                email=f"{self.run}-{first + i}@{DOMAIN}",
                first_name=self.rng.choice(GIVEN),
                last_name=self.rng.choice(FAMILY),
                password=unusable,
            )
            for i in range(count)
        )
        patients = Patient.objects.bulk_create(
            Patient(
                user=user,
                given_name=user.first_name,
                family_name=user.last_name,
                date_of_birth=date(1950, 1, 1) + timedelta(days=self.rng.randint(0, 20_000)),
                phone="555 010 0199",
            )
            for user in users
        )
        self.submissions(self.plans(patients))
        self.report.patients += count

    def plans(self, patients: list[Patient]) -> list[_Plan]:
        plans = []
        for patient in patients:
            many = self.rng.choices((1, 2, 3), (80, 15, 5))[0]
            times = sorted(
                self.now - timedelta(days=self.rng.uniform(0, self.days)) for _ in range(many)
            )
            for index, when in enumerate(times):
                answers = generated_intake_format_2(self.rng) | {"age": self.rng.randint(18, 75)}
                plans.append(_Plan(patient, answers, when, index == many - 1))
        return plans

    def submissions(self, plans: list[_Plan]) -> None:
        drafts = IntakeDraft.objects.bulk_create(
            IntakeDraft(patient=p.patient, status=IntakeDraft.Status.SUBMITTED, answers=p.answers)
            for p in plans
        )
        submissions = Submission.objects.bulk_create(
            Submission(
                patient=p.patient,
                draft=draft,
                answers=p.answers,
                submitted_at=p.submitted_at,
                case_number=self.case_number(),
            )
            for p, draft in zip(plans, drafts, strict=True)
        )
        results, cases = [], []
        for submission, plan in zip(submissions, plans, strict=True):
            answers = parse_answers(plan.answers)
            results.append(
                screening_result_of(submission, answers, evaluate(answers, self.thresholds))
            )
            cases.append(self.case(submission, plan, results[-1]))
        ScreeningResult.objects.bulk_create(results)
        cases = Case.objects.bulk_create(cases)
        decisions = [
            self.decision(case, Route(result.route))
            for case, result in zip(cases, results, strict=True)
            if case.status == Case.Status.DECIDED
        ]
        CaseDecision.objects.bulk_create(decisions)
        self.report.submissions += len(submissions)
        self.report.decided += len(decisions)

    def case(self, submission: Submission, plan: _Plan, result: ScreeningResult) -> Case:
        status = (
            self.rng.choices(list(LATEST_STATUS), list(LATEST_STATUS.values()))[0]
            if plan.latest
            else Case.Status.DECIDED
        )
        claimed = status == Case.Status.CLAIMED
        return Case(
            submission=submission,
            patient=plan.patient,
            status=status,
            waiting_since=plan.submitted_at,
            claimed_by=self.clinician if claimed else None,
            claimed_at=plan.submitted_at if claimed else None,
            version=1 if status == Case.Status.DECIDED else 0,
            queue_rank=queue_rank_of(result.route_rank, result.priority_rank),
            decided_at=(
                plan.submitted_at + timedelta(hours=self.rng.uniform(1, 72))
                if status == Case.Status.DECIDED
                else None
            ),
        )

    def decision(self, case: Case, route: Route) -> CaseDecision:
        outcome = AGREEING[route]
        differs = self.rng.random() < DIFFERING_SHARE
        if differs:
            outcome = self.rng.choice([o for o in AGREEING.values() if o != outcome])
        return CaseDecision(
            case=case,
            clinician=self.clinician,
            outcome=outcome,
            engine_route=route.value,
            overrides_engine=differs,
            reason="Synthetic decision that differs from screening" if differs else "",
            created_at=case.decided_at or case.waiting_since,
        )

    def case_number(self) -> str:
        """A number not drawn before in this run (the database refuses any other clash)."""
        while (number := secrets.token_hex(4).upper()) in self.numbers:
            pass
        self.numbers.add(number)
        return number


def synthetic_clinician() -> User:
    """The synthetic decisions' clinician: no role, no password, signs in nowhere."""
    user, _ = User.objects.get_or_create(
        email=f"clinician@{DOMAIN}",
        defaults={"first_name": "Synthetic", "last_name": "Clinician", "password": "!"},
    )
    return user


def synthetic_clinic_create(*, patients: int, seed: int = 20261201, days: int = 180) -> SeedReport:
    """`patients` synthetic patients, most with one submission, some with two or three."""
    seeder = _Seeder(
        rng=random.Random(seed),  # noqa: S311 (reproducible synthetic data, not secrets)
        days=days,
        thresholds=active_thresholds(),
        clinician=synthetic_clinician(),
    )
    for first in range(0, patients, CHUNK):
        seeder.chunk(first, min(CHUNK, patients - first))
    return seeder.report
