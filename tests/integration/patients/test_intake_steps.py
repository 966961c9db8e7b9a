"""Each step saves valid answers in the engine's format and explains invalid ones."""

import re

import pytest

from patients.intake.steps import SLUGS
from patients.models import IntakeDraft
from tests.intake import CLEAN_ANSWERS, CLEAN_POSTS, complete_steps, post, step_url

pytestmark = pytest.mark.django_db


def save(client, slug, data):
    client.post("/intake/")
    return client.post(step_url(slug), data)


def draft_answers(patient):
    return IntakeDraft.objects.get(patient=patient, status="open").answers


def field_errors(response):
    return {name: list(errors) for name, errors in response.context["form"].errors.items()}


@pytest.mark.parametrize("slug", SLUGS)
def test_it_saves_each_step_and_moves_to_the_next(patient_client, patient, slug):
    response = save(patient_client, slug, CLEAN_POSTS[slug])

    next_index = SLUGS.index(slug) + 1
    expected = step_url(SLUGS[next_index]) if next_index < len(SLUGS) else "/intake/review/"
    assert response.status_code == 302
    assert response.url == expected


def test_it_saves_every_answer_in_the_engine_format(patient_client, patient):
    complete_steps(patient_client)

    assert draft_answers(patient) == CLEAN_ANSWERS


@pytest.mark.parametrize("slug", SLUGS)
def test_it_asks_for_every_required_answer_and_keeps_the_form(patient_client, slug):
    response = save(patient_client, slug, {})

    assert response.status_code == 200
    assert response.context["form"].errors
    html = response.content.decode()
    assert 'id="error-summary"' in html
    assert any(
        message in html
        for message in (
            "Please answer this question.",
            "Please enter this number.",
            "Tick the",
            "Reading 1: enter",
        )
    )


def test_it_does_not_ask_or_keep_pregnancy_for_male_sex_at_birth(patient_client, patient):
    response = save(
        patient_client,
        "about-you",
        post("about-you", sex_at_birth="male", pregnant=..., breastfeeding=...),
    )

    assert response.status_code == 302
    assert "pregnant" not in draft_answers(patient)


def test_it_drops_pregnancy_answers_sent_with_male_sex_at_birth(patient_client, patient):
    save(patient_client, "about-you", post("about-you", sex_at_birth="male", pregnant="yes"))

    assert "pregnant" not in draft_answers(patient)


@pytest.mark.parametrize("sex", ["female", "intersex"])
def test_it_requires_pregnancy_answers_for_other_sexes(patient_client, sex):
    response = save(
        patient_client,
        "about-you",
        post("about-you", sex_at_birth=sex, pregnant=..., breastfeeding=...),
    )

    assert field_errors(response) == {
        "pregnant": ["Please answer this question."],
        "breastfeeding": ["Please answer this question."],
    }


def test_it_offers_unsure_exactly_where_the_contract_allows(patient_client):
    patient_client.post("/intake/")
    offered = {}
    for slug in SLUGS:
        form = patient_client.get(step_url(slug)).context["form"]
        for name, field in form.fields.items():
            if hasattr(field, "choices"):
                offered[name] = "unsure" in [str(value) for value, _ in field.choices]

    assert {name for name, unsure in offered.items() if unsure} == {
        "pregnant",
        "breastfeeding",
        "ketamine_hypersensitivity",
        "hypertension_treated",
        "psychosis",
        "mania",
        "dissociative_diagnosed",
        "dissociative_severity",
        "aggression_history",
        "substance_use",
        "ketamine_misuse",
        "panic_disorder",
        "home_safe",
        "support_person",
    }


def test_it_checks_height_with_the_engine_range(patient_client):
    response = save(patient_client, "about-you", post("about-you", height_cm="300"))

    assert field_errors(response) == {"height_cm": ["Your height should be between 50 and 250 cm."]}
    assert 'value="300"' in response.content.decode()


def test_it_explains_text_where_a_number_is_needed(patient_client):
    response = save(patient_client, "about-you", post("about-you", weight_kg="seventy"))

    assert field_errors(response) == {"weight_kg": ["Enter your weight as a number."]}
    assert 'value="seventy"' in response.content.decode()


def test_it_saves_each_reading_with_its_heart_rate_and_a_third_if_given(patient_client, patient):
    data = post("blood-pressure", systolic_3="130", diastolic_3="85", heart_rate_3="90")

    save(patient_client, "blood-pressure", data)

    assert draft_answers(patient)["bp_readings"] == [
        {"systolic": 122, "diastolic": 78, "heart_rate": 72},
        {"systolic": 120, "diastolic": 76, "heart_rate": 70},
        {"systolic": 130, "diastolic": 85, "heart_rate": 90},
    ]


@pytest.mark.parametrize("name", ["systolic_2", "diastolic_2", "heart_rate_1", "heart_rate_2"])
def test_it_asks_for_two_readings_each_with_heart_rate(patient_client, name):
    response = save(patient_client, "blood-pressure", post("blood-pressure", **{name: ...}))

    subject = {"systolic": "the top number", "diastolic": "the bottom number"}.get(
        name.rsplit("_", 1)[0], "your pulse"
    )
    assert field_errors(response) == {name: [f"Reading {name[-1]}: enter {subject}."]}


def test_it_asks_for_the_second_reading_when_it_is_left_empty(patient_client):
    data = post("blood-pressure", systolic_2=..., diastolic_2=..., heart_rate_2=...)

    response = save(patient_client, "blood-pressure", data)

    assert field_errors(response) == {
        "systolic_2": ["Reading 2: enter the top number."],
        "diastolic_2": ["Reading 2: enter the bottom number."],
        "heart_rate_2": ["Reading 2: enter your pulse."],
    }


def test_it_shows_an_engine_range_error_beside_the_reading_at_fault(patient_client):
    data = post("blood-pressure", systolic_3="300", diastolic_3="85", heart_rate_3="80")

    response = save(patient_client, "blood-pressure", data)

    assert field_errors(response) == {
        "systolic_3": ["Reading 3: the top number should be between 60 and 260."]
    }


def test_it_checks_a_heart_rate_with_the_engine_range(patient_client):
    response = save(patient_client, "blood-pressure", post("blood-pressure", heart_rate_2="250"))

    assert field_errors(response) == {
        "heart_rate_2": ["Reading 2: your pulse should be between 30 and 220."]
    }


def test_it_lets_a_patient_without_a_monitor_go_on(patient_client, patient):
    data = {"bp_unavailable": "on"}

    response = save(patient_client, "blood-pressure", data)

    assert response.url == step_url("medical-history")
    answers = draft_answers(patient)
    assert answers["bp_unavailable"] is True
    assert "bp_readings" not in answers


def test_it_refuses_no_monitor_with_readings_and_keeps_them(patient_client):
    response = save(patient_client, "blood-pressure", post("blood-pressure", bp_unavailable="on"))

    assert list(field_errors(response)) == ["bp_unavailable"]
    assert 'value="122"' in response.content.decode()


def test_it_advises_on_a_crisis_level_reading_then_lets_the_patient_go_on(patient_client, patient):
    response = save(patient_client, "blood-pressure", post("blood-pressure", systolic_2="185"))

    assert response.url == step_url("blood-pressure") + "?advice=shown&return_to="
    assert draft_answers(patient)["bp_readings"][1]["systolic"] == 185  # saved already
    page = patient_client.get(response.url).content.decode()
    assert "measure again in 5 minutes" in page
    assert (
        '<a class="alert-link" href="tel:911">Call 911</a> now' in page
        and "chest pain, a severe headache, confusion or weakness" in page
    )
    assert 'name="advice_seen"' in page
    again = patient_client.post(
        step_url("blood-pressure"), post("blood-pressure", systolic_2="185", advice_seen="1")
    )
    assert again.url == step_url("medical-history")


def test_it_refuses_a_top_number_not_above_the_bottom_one(patient_client):
    response = save(patient_client, "blood-pressure", post("blood-pressure", diastolic_1="130"))

    assert field_errors(response) == {
        "systolic_1": [
            "Reading 1: the top number should be higher than the bottom number: check that "
            "each is in its own box."
        ]
    }


def test_it_asks_for_every_number_of_an_optional_reading_begun(patient_client):
    response = save(patient_client, "blood-pressure", post("blood-pressure", systolic_3="120"))

    assert field_errors(response) == {
        "diastolic_3": ["Reading 3: enter the bottom number, or clear this reading."],
        "heart_rate_3": ["Reading 3: enter your pulse, or clear this reading."],
    }


def test_it_saves_none_of_these_as_an_empty_list_of_conditions(patient_client, patient):
    save(patient_client, "medical-history", CLEAN_POSTS["medical-history"])

    assert draft_answers(patient)["conditions"] == []


def test_it_saves_the_conditions_ticked(patient_client, patient):
    data = post("medical-history", none_of_these=..., conditions=["glaucoma", "aneurysm"])

    save(patient_client, "medical-history", data)

    assert draft_answers(patient)["conditions"] == ["glaucoma", "aneurysm"]


def test_it_requires_conditions_or_none_of_these(patient_client):
    response = save(patient_client, "medical-history", post("medical-history", none_of_these=...))

    assert field_errors(response) == {
        "conditions": ["Tick the conditions that apply, or tick “None of these”."]
    }


def test_it_refuses_none_of_these_with_a_condition(patient_client):
    response = save(
        patient_client, "medical-history", post("medical-history", conditions=["glaucoma"])
    )

    assert field_errors(response) == {
        "none_of_these": ["You ticked “None of these” and a condition: untick one or the other."]
    }


def test_it_scores_audit_c_questions_2_and_3_as_0_after_never(patient_client, patient):
    data = post("substance-use", audit_c_1="0", audit_c_2=..., audit_c_3="4")

    save(patient_client, "substance-use", data)

    assert draft_answers(patient)["audit_c"] == [0, 0, 0]


def test_it_asks_audit_c_questions_2_and_3_after_any_drinking(patient_client):
    data = post("substance-use", audit_c_1="2", audit_c_2=..., audit_c_3=...)

    response = save(patient_client, "substance-use", data)

    assert field_errors(response) == {
        "audit_c_2": ["Please answer this question."],
        "audit_c_3": ["Please answer this question."],
    }


def test_it_refuses_an_item_score_outside_the_scale(patient_client):
    response = save(patient_client, "mood", post("mood", phq9_4="5"))

    assert list(field_errors(response)) == ["phq9_4"]


def test_it_leaves_cssrs_follow_ups_unasked_after_no_suicidal_thoughts(patient_client, patient):
    data = post("safety", cssrs_method="yes", cssrs_plan="yes")

    save(patient_client, "safety", data)

    assert draft_answers(patient)["cssrs"] == {
        "wish_dead": False,
        "suicidal_thoughts": False,
        "behavior_3_months": False,
        "behavior_lifetime": False,
    }


def test_it_requires_cssrs_follow_ups_after_suicidal_thoughts(patient_client):
    response = save(patient_client, "safety", post("safety", cssrs_suicidal_thoughts="yes"))

    assert field_errors(response) == {
        "cssrs_method": ["Please answer this question."],
        "cssrs_intent": ["Please answer this question."],
        "cssrs_plan": ["Please answer this question."],
    }


def test_it_counts_past_behaviour_as_recent_only_within_3_months(patient_client, patient):
    save(
        patient_client,
        "safety",
        post("safety", cssrs_behavior_lifetime="yes", cssrs_behavior_recent="no"),
    )

    cssrs = draft_answers(patient)["cssrs"]
    assert (cssrs["behavior_lifetime"], cssrs["behavior_3_months"]) == (True, False)


def test_it_checks_antidepressant_trials_with_the_engine_range(patient_client):
    response = save(patient_client, "treatment", {"antidepressant_trials": "31"})

    assert field_errors(response) == {"antidepressant_trials": ["Enter a number from 0 to 30."]}


def test_it_labels_each_radio_group_with_a_legend_and_links_help(patient_client):
    patient_client.post("/intake/")
    html = patient_client.get(step_url("about-you")).content.decode()

    assert '<fieldset aria-describedby="id_sex_at_birth_helptext">' in html
    assert "What sex were you assigned at birth?" in html.split("<legend")[1]


def test_it_shows_instrument_attributions(patient_client):
    patient_client.post("/intake/")

    mood = patient_client.get(step_url("mood")).content.decode()
    safety = patient_client.get(step_url("safety")).content.decode()
    assert mood.count("No permission required to reproduce") == 2
    assert "The Columbia Lighthouse Project" in safety


def test_it_keeps_mistyped_numbers_visible_in_text_inputs(patient_client):
    response = save(patient_client, "blood-pressure", post("blood-pressure", systolic_1="12O"))

    html = response.content.decode()
    field = re.search(r'<input[^>]*name="systolic_1"[^>]*>', html).group(0)
    assert 'type="text"' in field
    assert 'inputmode="numeric"' in field
    assert 'value="12O"' in field
    assert 'aria-describedby="id_systolic_1_helptext id_systolic_1_error"' in field


def test_it_keeps_the_unscored_how_difficult_answers_beside_the_scores(patient_client, patient):
    data = post("mood", phq9_difficulty="very", gad7_difficulty="somewhat")

    save(patient_client, "mood", data)

    answers = draft_answers(patient)
    assert (answers["phq9_difficulty"], answers["gad7_difficulty"]) == ("very", "somewhat")
    assert answers["phq9"] == [2, 2, 2, 2, 2, 2, 2, 2, 0]


def test_it_does_not_require_the_how_difficult_answers(patient_client, patient):
    save(patient_client, "mood", CLEAN_POSTS["mood"])

    assert "phq9_difficulty" not in draft_answers(patient)


def test_dast10_is_skipped_and_scores_0_for_someone_who_used_no_drugs(patient_client):
    from patients.models import IntakeDraft
    from screening.rules.scores import dast10_total

    patient_client.post("/intake/")
    data = post("substance-use", dast10_1="no")
    for n in range(2, 11):
        data.pop(f"dast10_{n}")

    response = patient_client.post(step_url("substance-use"), data)

    assert response.status_code == 302
    answers = IntakeDraft.objects.get().answers
    assert answers["dast10"][0] is False
    assert dast10_total(tuple(answers["dast10"])) == 0


def test_dast10_is_asked_in_full_after_a_yes_to_its_first_question(patient_client):
    patient_client.post("/intake/")
    data = post("substance-use", dast10_1="yes")
    del data["dast10_4"]

    response = patient_client.post(step_url("substance-use"), data)

    assert response.status_code == 200
    assert "dast10_4" in response.context["form"].errors
