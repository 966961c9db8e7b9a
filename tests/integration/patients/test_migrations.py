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


BEFORE_FORMAT_2 = [("patients", "0005_case_number_unique")]


@pytest.mark.django_db(transaction=True)
def test_open_drafts_move_to_format_2_redoing_the_steps_that_ask_more():
    submitted = make_case()
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    old_apps = migrate(BEFORE_FORMAT_2)
    drafts = old_apps.get_model("patients", "IntakeDraft").objects
    answers = {
        "sex_at_birth": "male",
        "bp_readings": [{"systolic": 120, "diastolic": 80}],
        "conditions": ["hypertension"],
        "ketamine_hypersensitivity": "no",
        "psychosis": "never",
        "cssrs": {"wish_dead": False, "suicidal_thoughts": False, "behavior_3_months": False},
    }
    open_draft = drafts.create(
        patient_id=submitted.patient_id,
        answers=answers,
        completed_steps=[
            "about-you",
            "blood-pressure",
            "medical-history",
            "mental-health",
            "safety",
        ],
        resume_step="substance-use",
    )
    frozen = dict(submitted.submission.answers)

    new_apps = migrate(latest)

    draft = new_apps.get_model("patients", "IntakeDraft").objects.get(pk=open_draft.pk)
    assert draft.answers == {**answers, "format": 2}
    assert draft.completed_steps == ["about-you", "mental-health"]
    assert draft.resume_step == "blood-pressure"
    Submission = new_apps.get_model("patients", "Submission")
    assert Submission.objects.get(pk=submitted.submission.pk).answers == frozen
