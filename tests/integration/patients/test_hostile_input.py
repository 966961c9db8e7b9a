"""Random and hostile values posted to every step: a form or a redirect, never a 500."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from patients.intake.steps import STEPS
from patients.models import IntakeDraft
from tests.intake import CLEAN_POSTS, complete_steps, step_url

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script>"
hostile = st.one_of(
    st.just(SCRIPT),
    st.just('"><img src=x onerror=alert(1)>'),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.text(max_size=40),
    st.just("\x00"),
    st.just("9" * 400),
    st.just(""),
)


@st.composite
def step_posts(draw):
    step = draw(st.sampled_from(STEPS))
    names = list(CLEAN_POSTS[step.slug]) + list(step.base_fields)
    data = dict(CLEAN_POSTS[step.slug])
    for name in draw(st.lists(st.sampled_from(names), min_size=1, max_size=4, unique=True)):
        if draw(st.booleans()):
            data[name] = draw(hostile)
        else:
            data.pop(name, None)
    return step.slug, data, draw(st.sampled_from(["next", "back"]))


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(step_posts())
def test_it_never_fails_or_loses_saved_answers(patient_client, patient, posted):
    slug, data, going_back = posted
    if not IntakeDraft.objects.filter(patient=patient).exists():
        complete_steps(patient_client)
    before = IntakeDraft.objects.get(patient=patient).answers

    response = patient_client.post(step_url(slug), {**data, "action": going_back})
    shown = patient_client.get(step_url(slug))

    assert response.status_code in (200, 302)
    assert shown.status_code == 200
    assert SCRIPT not in shown.content.decode()
    after = IntakeDraft.objects.get(patient=patient).answers
    if response.status_code == 200:
        assert after == before  # a refused post changes nothing saved
        html = response.content.decode()
        assert SCRIPT not in html
        assert "<img src=x" not in html
