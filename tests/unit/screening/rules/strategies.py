"""Hypothesis strategies for answer sets in the answer formats, each key optional."""

from hypothesis import strategies as st

from screening.rules.answers import (
    CONDITIONS,
    DISSOCIATIVE_DISORDER,
    MEDICATION_CLASSES,
    PSYCHOSIS,
    SEX_AT_BIRTH,
    SUBSTANCE_USE,
    TRI_STATE,
    TRI_STATE_KEYS,
)
from tests.builders import answers as clean_format_2

tri_state = st.sampled_from(TRI_STATE)


@st.composite
def bp_reading(draw):
    diastolic = draw(st.integers(30, 159))
    systolic = draw(st.integers(max(60, diastolic + 1), 260))
    return {"systolic": systolic, "diastolic": diastolic}


@st.composite
def cssrs(draw):
    """Consistent C-SSRS answers: follow-ups asked only after a yes to suicidal thoughts."""
    answers = draw(
        st.fixed_dictionaries(
            {},
            optional={
                "wish_dead": st.booleans(),
                "suicidal_thoughts": st.booleans(),
                "behavior_3_months": st.booleans(),
            },
        )
    )
    follow_up = st.booleans() if answers.get("suicidal_thoughts") else st.just(False)
    answers |= draw(
        st.fixed_dictionaries(
            {}, optional={"method": follow_up, "intent": follow_up, "plan": follow_up}
        )
    )
    return answers


def items(count, high):
    return st.lists(st.integers(0, high), min_size=count, max_size=count)


OPTIONAL_ANSWERS = {
    "age": st.integers(0, 120),
    "sex_at_birth": st.sampled_from(SEX_AT_BIRTH),
    **{key: tri_state for key in TRI_STATE_KEYS},
    "height_cm": st.floats(50, 250),
    "weight_kg": st.floats(20, 400),
    "bp_readings": st.lists(bp_reading(), min_size=1, max_size=3),
    "psychosis": st.sampled_from(PSYCHOSIS),
    "conditions": st.lists(st.sampled_from(CONDITIONS), unique=True, max_size=3),
    "dissociative_disorder": st.sampled_from(DISSOCIATIVE_DISORDER),
    "substance_use": st.sampled_from(SUBSTANCE_USE),
    "audit_c": items(3, 4),
    "dast10": st.lists(st.booleans(), min_size=10, max_size=10),
    "phq9": items(9, 3),
    "gad7": items(7, 3),
    "cssrs": cssrs(),
    "antidepressant_trials": st.integers(0, 30),
}

intakes = st.fixed_dictionaries({}, optional=OPTIONAL_ANSWERS)


@st.composite
def mostly_complete_intakes(draw):
    """Intakes where each required answer is usually present and usually not unsure."""
    answers = draw(st.fixed_dictionaries(OPTIONAL_ANSWERS))
    for key in draw(st.lists(st.sampled_from(sorted(answers)), max_size=2, unique=True)):
        answers.pop(key)
    return answers


# Answer format 2: a clean candidate with any of its answers changed or left out.
@st.composite
def bp_reading_with_rate(draw):
    return draw(bp_reading()) | {"heart_rate": draw(st.integers(30, 220))}


@st.composite
def cssrs_format_2(draw):
    answers = draw(cssrs())
    lifetime = draw(st.booleans())
    answers["behavior_lifetime"] = lifetime
    if not lifetime:
        answers["behavior_3_months"] = False
    return answers


contact = st.fixed_dictionaries(
    {"name": st.sampled_from(["Jo", "Sam Lee"]), "phone": st.sampled_from(["555 010 0100"])}
)
FORMAT_2_CHANGES = {
    **OPTIONAL_ANSWERS,
    "bp_readings": st.lists(bp_reading_with_rate(), min_size=1, max_size=3),
    "cssrs": cssrs_format_2(),
    "medications": st.one_of(
        st.just(["none"]),
        st.lists(
            st.sampled_from([m for m in MEDICATION_CLASSES if m != "none"]),
            min_size=1,
            max_size=4,
            unique=True,
        ),
    ),
    "medications_other": st.lists(st.sampled_from(["St John's wort", "Nardil"]), max_size=2),
    "emergency_contact": contact,
    "support_person_contact": contact,
    "session_location": st.just("1 Main Street"),
}


@st.composite
def format_2_intakes(draw):
    """A format-2 intake: the clean candidate with a few answers changed or left out."""
    answers = clean_format_2()
    keys = sorted(FORMAT_2_CHANGES)
    for key in draw(st.lists(st.sampled_from(keys), max_size=5, unique=True)):
        answers[key] = draw(FORMAT_2_CHANGES[key])
    for key in draw(st.lists(st.sampled_from(sorted(answers)), max_size=2, unique=True)):
        if key != "format":
            answers.pop(key)
    if draw(st.integers(0, 20)) == 0:
        answers.pop("bp_readings", None)
        answers["bp_unavailable"] = True
    return answers
