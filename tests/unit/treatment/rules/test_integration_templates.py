"""The integration note's template follows the course's focus; every part is filled."""

import pytest

from treatment.rules.therapy import (
    INTEGRATION_TEMPLATES,
    Focus,
    integration_template,
    note_missing,
)

COMMON = ("themes", "insights", "skills", "plan")


@pytest.mark.parametrize("focus", list(Focus))
def test_every_template_has_themes_insights_skills_and_a_plan(focus):
    keys = INTEGRATION_TEMPLATES[focus].keys

    assert set(COMMON) <= set(keys)
    assert keys[-1] == "plan"
    assert len(set(keys)) == len(keys)


@pytest.mark.parametrize(
    ("focus", "section", "words"),
    [
        (Focus.ANGER, "triggers_regulation", "Triggers and emotional regulation"),
        (Focus.INTRUSIVE_THOUGHTS, "lasting_change", "From insight to lasting change"),
        (Focus.SUBSTANCE_RECOVERY, "recovery_supports", "Recovery supports"),
        (Focus.ANXIETY_PANIC, "calm_coping", "Coping in a calm setting"),
        (Focus.DEPRESSION, "mood_activity", "Mood, activity and connection"),
    ],
)
def test_the_focus_adds_its_own_part(focus, section, words):
    labels = {s.key: s.label for s in integration_template(focus).sections}

    assert labels[section] == words


@pytest.mark.parametrize("focus", [None, "", "not-a-focus", Focus.OTHER])
def test_a_course_without_a_focus_gets_the_general_template(focus):
    assert integration_template(focus).keys == COMMON


def test_the_parts_left_empty_are_named():
    template = integration_template(Focus.ANGER)
    sections = dict.fromkeys(template.keys, "written") | {"skills": "  ", "plan": ""}

    assert note_missing(template, sections) == ["Skills practised", "Plan for the next session"]
