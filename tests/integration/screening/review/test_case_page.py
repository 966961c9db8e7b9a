"""The case page explains the screening at a glance, with answers, scores and history."""

import json
import re

import pytest

from patients.roles import Role
from screening.audit.models import AuditEntry
from tests.factories import make_case, make_patient, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def clinician(client):
    user = make_user(Role.CLINICIAN)
    client.force_login(user)
    return user


def open_case(client, case):
    return client.get(f"/review/cases/{case.submission.public_id}/")


def test_it_shows_the_decision_first_with_each_rule_reason_and_source(client, clinician):
    case = make_case(bp_readings=[{"systolic": 184, "diastolic": 112}], mania="yes")

    html = open_case(client, case).content.decode()

    assert "Screening: Clinician review" in html
    assert 'text-uppercase">urgent</span> priority' in html
    assert "Rule set default-1" in html
    titles = re.findall(r'data-testid="fired-rule-title">([^<]+)<', html)
    assert titles[0].startswith("Average blood pressure, or any single reading")
    assert "Mean blood pressure 184/112 mmHg is at or above 180/120 · urgent priority" in html
    assert "Reports a past manic episode · routine priority" in html
    # Rule ids and threshold keys are there for those who want them, in details only.
    details = re.findall(r"<details.*?</details>", html, re.S)
    assert any("<code>hypertensive_crisis</code>" in d for d in details)
    assert "hypertensive_crisis" not in re.sub(r"<details.*?</details>", "", html, flags=re.S)
    assert "ACC/AHA 2017 blood pressure guideline" in html
    assert "APA 2017 consensus statement" in html
    assert html.index("Screening: Clinician review") < html.index("Answers")


def test_it_shows_scores_with_their_standard_bands_and_the_readings(client, clinician):
    case = make_case(
        bp_readings=[
            {"systolic": 142, "diastolic": 88, "heart_rate": 104},
            {"systolic": 138, "diastolic": 86, "heart_rate": 99},
        ]
    )

    html = open_case(client, case).content.decode()

    assert re.search(r"<td>PHQ-9</td><td>16</td><td>moderately severe</td>", html)
    assert re.search(r"<td>GAD-7</td><td>11</td><td>moderate</td>", html)
    assert re.search(r"<td>DAST-10</td><td>0</td><td>none</td>", html)
    assert re.search(r"<td>AUDIT-C</td><td>1</td><td>negative</td>", html)
    assert "<td>1</td><td>142/88 mmHg</td><td>104/min</td><td>stage 2 hypertension</td>" in html
    assert "<td>2</td><td>138/86 mmHg</td><td>99/min</td><td>stage 1 hypertension</td>" in html
    assert "140/87 mmHg (mean)</td><td>102/min, fast (tachycardia)</td>" in html


def test_it_groups_the_answers_as_the_patient_saw_them(client, clinician):
    html = open_case(client, make_case()).content.decode()

    for section in ("About you", "Blood pressure and pulse", "Alcohol and drugs", "Your safety"):
        assert f">{section}</h2>" in html
    assert "Little interest or pleasure in doing things" in html


def test_it_charts_phq9_and_gad7_over_earlier_submissions(client, clinician):
    patient = make_patient()
    first = make_case(patient=patient, hours_ago=24 * 60, phq9=[3] * 8 + [0])
    make_case(patient=patient)

    html = open_case(client, first).content.decode()

    data = json.loads(
        re.search(r'id="score-history" type="application/json">(.*?)</script>', html).group(1)
    )
    assert [point["phq9"] for point in data] == [24, 16]
    assert "/static/vendor/chartjs/chart.umd.min.js" in html


def test_it_draws_no_chart_for_a_first_submission(client, clinician):
    html = open_case(client, make_case()).content.decode()

    assert "score-history" not in html


def test_it_audits_every_opening(client, clinician):
    case = make_case()

    open_case(client, case)
    open_case(client, case)

    entries = AuditEntry.objects.filter(action="case_viewed", case=case, actor=clinician)
    assert entries.count() == 2
    assert entries.first().ip_address == "127.0.0.1"


def test_it_404s_an_unknown_case(client, clinician):
    assert client.get("/review/cases/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_it_shows_the_cssrs_risk_level_and_highlights_a_lifetime_attempt(client, clinician):
    cssrs = {
        "wish_dead": True,
        "suicidal_thoughts": False,
        "behavior_lifetime": True,
        "behavior_3_months": False,
    }

    html = open_case(client, make_case(cssrs=cssrs)).content.decode()

    assert re.search(r'Risk level: <strong class="text-warning-emphasis">moderate</strong>', html)
    assert (
        '<p class="alert alert-warning py-2 mb-0" data-testid="lifetime-attempt"><strong>'
        "Suicide attempt or preparatory act in their lifetime</strong>, more than 3 months ago"
        in html
    )


def test_it_shows_a_low_risk_level_without_an_attempt(client, clinician):
    cssrs = {
        "wish_dead": True,
        "suicidal_thoughts": False,
        "behavior_lifetime": False,
        "behavior_3_months": False,
    }

    html = open_case(client, make_case(cssrs=cssrs)).content.decode()

    assert re.search(r"Risk level: <strong[^>]*>low</strong>", html)
    assert "lifetime-attempt" not in html


def test_it_lists_medicines_and_escapes_names_typed_by_the_patient(client, clinician):
    case = make_case(
        medications=["benzodiazepine", "other"], medications_other=["<script>x()</script>"]
    )

    html = open_case(client, case).content.decode()

    assert "<li>A benzodiazepine</li>" in html
    assert "<li>Another prescribed medicine</li>" in html
    assert "<q>&lt;script&gt;x()&lt;/script&gt;</q>" in html
    assert "<script>x()" not in html


def test_it_shows_the_contacts_and_the_place_of_sessions(client, clinician):
    html = open_case(client, make_case()).content.decode()

    assert "Jamie Example · +1 555 010 0100" in html
    assert "Casey Example · (555) 010-0101" in html
    assert "12 Elm Street, Springfield" in html


def test_it_says_when_the_patient_has_no_monitor(client, clinician):
    case = make_case(bp_readings=..., bp_unavailable=True)

    html = open_case(client, case).content.decode()

    assert "No readings: the patient has no blood pressure monitor." in html


def test_it_says_what_an_earlier_questionnaire_did_not_ask(client, clinician):
    format_2_only = ("format", "medications", "emergency_contact", "support_person_contact")
    case = make_case(
        **dict.fromkeys(format_2_only, ...),
        session_location=...,
        bp_readings=[{"systolic": 122, "diastolic": 78}],
    )

    html = open_case(client, case).content.decode()

    assert case.submission.screening.route == "at_home"
    assert "Earlier version: no medicines, heart rate" in html
    assert "<td>1</td><td>122/78 mmHg</td><td>\u2013</td><td>elevated</td>" in html


def test_a_jump_link_near_the_top_leads_to_the_decision(client, clinician):
    html = open_case(client, make_case()).content.decode()

    jump = html.index('data-testid="jump-to-decision"')
    assert 'href="#decide"' in html[jump - 80 : jump]
    assert jump < html.index('id="answers"') < html.index('id="decide"')
    assert jump < html.index('id="engine-decision"')  # before the first section of the page


def test_it_shows_what_the_patient_takes_of_each_medicine(client, clinician):
    case = make_case(
        medications=["ssri_snri"],
        medication_details=[
            {"class": "ssri_snri", "name": "<b>Sertraline</b>", "dose": "50 mg"},
        ],
    )

    html = open_case(client, case).content.decode()

    assert "<li>An SSRI or SNRI antidepressant: &lt;b&gt;Sertraline&lt;/b&gt;, 50 mg</li>" in html
