"""Migrations that change data keep every record and its meaning."""

import pytest
from django.apps.registry import Apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import make_case

BEFORE_UNIQUE = [("patients", "0004_renumber_shared_case_numbers")]
BEFORE_RENUMBER = [("patients", "0003_patient_intakedraft_submission_and_more")]


def migrate(targets: list[tuple[str, str]]) -> Apps:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_shared_case_numbers_are_renumbered_before_they_become_unique():
    first, second, third = make_case(), make_case(), make_case()
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    old_apps = migrate(BEFORE_RENUMBER)
    Submission = old_apps.get_model("patients", "Submission")
    Submission.objects.filter(pk__in=[second.submission.pk, third.submission.pk]).update(
        case_number=first.submission.case_number
    )

    new_apps = migrate(latest)

    Submission = new_apps.get_model("patients", "Submission")
    numbers = dict(Submission.objects.values_list("pk", "case_number"))
    assert numbers[first.submission.pk] == first.submission.case_number  # the earliest keeps it
    assert len(set(numbers.values())) == 3
    assert Submission.objects.count() == 3
