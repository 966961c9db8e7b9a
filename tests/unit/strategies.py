"""Hypothesis strategies for answer sets in the answer format, each key optional."""

from hypothesis import strategies as st

from screening.rules.answers import (
    CONDITIONS,
    DISSOCIATIVE_DISORDER,
    PSYCHOSIS,
    SEX_AT_BIRTH,
    SUBSTANCE_USE,
    TRI_STATE,
    TRI_STATE_KEYS,
)

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
