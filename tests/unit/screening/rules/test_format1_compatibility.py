"""Format-1 answers (no "format" key) get exactly the decisions they got before format 2."""

import json

import pytest

from screening.rules import DEFAULT_THRESHOLDS
from screening.rules.batch import screen_line
from tests.unit.screening.rules.format1_corpus import COUNT, VARIED, WORKED_CASES, read_fixture


@pytest.fixture(scope="module")
def rows():
    return read_fixture()


def test_it_holds_the_worked_cases_and_the_generated_intakes(rows):
    assert len(rows) == len(WORKED_CASES) + COUNT
    assert [row["answers"] for row in rows[: len(WORKED_CASES)]] == WORKED_CASES
    assert all("format" not in row["answers"] or row["answers"]["format"] == 1 for row in rows)


@pytest.mark.parametrize(
    ("thresholds", "column"), [(DEFAULT_THRESHOLDS, "defaults"), (VARIED, "varied")]
)
def test_it_gives_every_format1_intake_the_decision_it_had(rows, thresholds, column):
    changed = []
    for number, row in enumerate(rows):
        out = screen_line(json.dumps(row["answers"], sort_keys=True), thresholds)
        if out != row[column]:
            changed.append((number, row[column], out))

    assert changed == [], f"{len(changed)} decisions changed; first: {changed[:1]}"


def test_it_covers_every_route_and_some_errors(rows):
    outputs = [json.loads(row["defaults"]) for row in rows]
    routes = {out["route"] for out in outputs if "route" in out}

    assert routes == {"at_home", "in_clinic", "clinician_review"}
    assert sum("error" in out for out in outputs) > 50
    assert sum(out.get("route") == "at_home" for out in outputs) > 200
