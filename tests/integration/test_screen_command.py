"""`manage.py screen`: JSON Lines in, one decision or error per line out, streaming."""

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from screening.rules import evaluate
from tests.builders import answers, bp, bp_hr
from tests.unit.screening.rules.test_worked_cases import WORKED_CASES

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def command_env(tmp_path_factory):
    """The command reads the published rule set: give it a migrated database of its own."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["SQLITE_NAME"] = str(tmp_path_factory.mktemp("screen") / "db.sqlite3")
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    return env


def screen(env, lines, *args):
    return subprocess.run(
        [sys.executable, "manage.py", "screen", *args],
        cwd=ROOT,
        env=env,
        input="".join(f"{line}\n" for line in lines),
        capture_output=True,
        text=True,
        check=False,
    )


def test_it_agrees_with_the_contract_on_every_worked_case(command_env):
    result = screen(command_env, [json.dumps(case[1]) for case in WORKED_CASES])

    decisions = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == 0, result.stderr
    assert [(d["route"], d["priority"], [f["rule"] for f in d["fired"]]) for d in decisions] == [
        (route, priority, fired) for _, _, route, priority, fired in WORKED_CASES
    ]
    assert decisions == [evaluate(case[1]).as_dict() for case in WORKED_CASES]


def test_it_writes_a_field_specific_error_on_the_line_of_a_bad_intake_and_goes_on(command_env):
    result = screen(
        command_env,
        [
            json.dumps(answers(bp_readings=bp((300, 20)))),
            json.dumps(answers()),
            "[1, 2",
            json.dumps(answers(conditions=["gout"])),
        ],
    )

    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == 0
    assert out[0] == {
        "error": {"field": "bp_readings", "message": "systolic 300 is outside 60-260 mmHg"}
    }
    assert out[1]["route"] == "at_home"
    assert out[2]["error"]["field"] == "answers"
    assert out[3] == {
        "error": {"field": "conditions", "message": '"gout" is not a known condition'}
    }


def test_it_says_what_to_do_when_the_database_has_no_rule_sets(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["SQLITE_NAME"] = str(tmp_path / "never-migrated.sqlite3")

    result = screen(env, [json.dumps(answers())])

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "cannot read the published rule set" in result.stderr
    assert "run `manage.py migrate`, or pass --thresholds FILE.json" in result.stderr
    assert result.stdout == ""


def test_it_needs_no_database_with_a_thresholds_file(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["SQLITE_NAME"] = str(tmp_path / "never-migrated.sqlite3")
    defaults = tmp_path / "defaults.json"
    defaults.write_text("{}")

    result = screen(env, [json.dumps(answers())], "--thresholds", str(defaults))

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["route"] == evaluate(answers()).route.value


def test_it_applies_a_thresholds_file_over_the_defaults(command_env, tmp_path):
    path = tmp_path / "stricter.json"
    path.write_text(json.dumps({"bp_elevated_systolic": 130, "bp_elevated_diastolic": 85}))

    result = screen(
        command_env,
        [json.dumps(answers(bp_readings=bp_hr((132, 80, 70), (132, 80, 70))))],
        "--thresholds",
        str(path),
    )

    decision = json.loads(result.stdout)
    assert decision["route"] == "in_clinic"
    assert decision["ruleset"] == "file:stricter.json"


def test_it_refuses_a_thresholds_file_that_breaks_a_range_naming_the_field(command_env, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"bp_crisis_systolic": 250}))

    result = screen(command_env, [json.dumps(answers())], "--thresholds", str(path))

    assert result.returncode != 0
    assert "bp_crisis_systolic: 250 is outside the allowed range 160-200 mmHg" in result.stderr
    assert result.stdout == ""


def peak_memory_kib(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise AssertionError("no VmHWM")


def wait_until(condition, seconds=120):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the command stopped answering"
        time.sleep(0.05)


def test_it_streams_100k_lines_in_constant_memory(command_env):
    """Peak memory after 100,000 lines is within a few MiB of the peak after 1,000."""
    line = (json.dumps(answers()) + "\n").encode()
    process = subprocess.Popen(
        [sys.executable, "manage.py", "screen"],
        cwd=ROOT,
        env=command_env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    received = []

    def read_all():
        received.extend(1 for _ in process.stdout)

    reader = threading.Thread(target=read_all)
    reader.start()
    process.stdin.write(line * 1_000)
    process.stdin.flush()
    wait_until(lambda: len(received) >= 1_000 - 100)  # output lags by a buffer at most
    peak_after_1k = peak_memory_kib(process.pid)
    for _ in range(99):
        process.stdin.write(line * 1_000)
    process.stdin.flush()
    wait_until(lambda: len(received) >= 100_000 - 100)
    peak_after_100k = peak_memory_kib(process.pid)
    process.stdin.close()
    reader.join(timeout=60)
    process.wait(timeout=60)

    assert process.returncode == 0
    assert len(received) == 100_000
    assert len(line) * 100_000 > 50 * 1024 * 1024  # the input dwarfs the allowance below
    assert peak_after_100k - peak_after_1k < 16 * 1024
