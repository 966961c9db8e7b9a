"""Batch screening of JSON Lines, one output line per input line."""

import json

from screening.rules import DEFAULT_THRESHOLDS
from screening.rules.batch import screen_lines
from tests.builders import answers


def test_it_answers_each_line_in_order_and_goes_on_after_a_bad_one():
    lines = [
        json.dumps(answers()),
        json.dumps(answers(phq9=[0, 0, 0, 0, 5, 0, 0, 0, 0])),
        "{not json",
        "",
        json.dumps(answers(support_person="no")),
    ]

    out = [json.loads(line) for line in screen_lines(lines, DEFAULT_THRESHOLDS)]

    assert out[0]["route"] == "at_home"
    assert out[1] == {"error": {"field": "phq9", "message": "item 5 is 5; each item is scored 0-3"}}
    assert out[2]["error"]["field"] == "answers"
    assert out[2]["error"]["message"].startswith("not valid JSON")
    assert out[3]["error"]["field"] == "answers"
    assert out[4]["route"] == "in_clinic"
    assert len(out) == 5


def test_it_is_lazy_so_input_can_stream():
    def endless():
        while True:
            yield json.dumps(answers())

    stream = screen_lines(endless(), DEFAULT_THRESHOLDS)

    assert [json.loads(next(stream))["route"] for _ in range(3)] == ["at_home"] * 3
