"""Cases made before the queue's stored order get their rank and decision time filled in."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from screening.review.models import Case, queue_rank_of
from tests.decided import decided_case
from tests.factories import make_case

BEFORE = [("screening", "0015_audit_interop_actions")]


def migrate(targets: list[tuple[str, str]]) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.mark.django_db(transaction=True)
def test_it_fills_rank_and_decision_time_from_the_screening_and_latest_decision():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    urgent = make_case(bp_readings=[{"systolic": 185, "diastolic": 90}])  # flagged, urgent
    at_home = make_case()
    decided = decided_case(outcome="decline", reason="Not suitable at present")
    decision_time = decided.decisions.get().created_at
    migrate(BEFORE)
    migrate(latest)

    urgent_now, at_home_now, decided_now = (
        Case.objects.select_related("submission__screening").get(pk=case.pk)
        for case in (urgent, at_home, decided)
    )
    assert urgent_now.queue_rank == 0
    assert at_home_now.queue_rank == queue_rank_of(0, 0) == 8
    screening = decided_now.submission.screening
    assert decided_now.queue_rank == queue_rank_of(screening.route_rank, screening.priority_rank)
    assert decided_now.decided_at == decision_time
    assert urgent_now.decided_at is None
