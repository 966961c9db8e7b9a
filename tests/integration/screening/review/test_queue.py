"""The review queue: most urgent first, filters, counts, pages, and a constant query cost."""

import re
from urllib.parse import parse_qsl

import pytest
from django.test import Client

from patients.models import IntakeDraft
from patients.roles import Role
from screening.audit.models import AuditEntry
from screening.review.models import Case
from tests.factories import make_case, make_patient, make_user

pytestmark = pytest.mark.django_db

CRISIS_BP = {"bp_readings": [{"systolic": 185, "diastolic": 90}]}
ACTIVE_USE = {"substance_use": "active"}
NO_SUPPORT = {"support_person": "no"}
PASSIVE_WISH = {"phq9": [2, 2, 2, 2, 2, 2, 2, 1, 1]}


@pytest.fixture
def clinician_client(client):
    client.force_login(make_user(Role.CLINICIAN))
    return client


def filter_queue(client, query=""):
    """Post the filters (they are kept in the session) and list the queue."""
    params = dict(parse_qsl(query))
    tab = params.pop("tab", "")
    client.post("/review/", {**params, "tab": tab} if params else {"clear": "1"})
    return client.get(f"/review/?tab={tab}" if tab else "/review/")


def queue_numbers(client, query=""):
    response = filter_queue(client, query)
    return [row["case"].submission.case_number for row in response.context["rows"]]


def test_it_puts_flagged_cases_first_by_priority_then_waiting_time(clinician_client):
    at_home_old = make_case(hours_ago=100)
    in_clinic_high = make_case(hours_ago=2, **PASSIVE_WISH)
    in_clinic_routine = make_case(hours_ago=50, **NO_SUPPORT)
    review_high = make_case(hours_ago=30, **ACTIVE_USE)
    review_urgent_new = make_case(hours_ago=0.1, **CRISIS_BP)
    review_urgent_old = make_case(hours_ago=0.5, **CRISIS_BP)

    assert queue_numbers(clinician_client) == [
        c.submission.case_number
        for c in (
            review_urgent_old,
            review_urgent_new,
            review_high,
            in_clinic_high,
            in_clinic_routine,
            at_home_old,
        )
    ]


def test_it_filters_by_route_priority_rule_status_date_and_search(clinician_client):
    crisis = make_case(patient=make_patient(family_name="Okafor"), **CRISIS_BP)
    active = make_case(hours_ago=24 * 10, **ACTIVE_USE)
    home = make_case()
    Case.objects.filter(pk=home.pk).update(status=Case.Status.DECIDED)
    number = crisis.submission.case_number

    assert queue_numbers(clinician_client, "route=in_clinic") == []
    assert queue_numbers(clinician_client, "priority=high") == [active.submission.case_number]
    assert queue_numbers(clinician_client, "rule=hypertensive_crisis") == [number]
    assert queue_numbers(clinician_client, "tab=decided") == [home.submission.case_number]
    assert queue_numbers(clinician_client, f"search={number.lower()}") == [number]
    assert queue_numbers(clinician_client, "search=okaf") == [number]
    day = active.waiting_since.date().isoformat()
    assert queue_numbers(clinician_client, f"date_from={day}&date_to={day}") == [
        active.submission.case_number
    ]


def test_each_case_is_in_exactly_one_tab_and_each_tab_says_what_it_means(client):
    me, colleague = make_user(Role.CLINICIAN), make_user(Role.CLINICIAN)
    waiting, mine, theirs, asked, decided = (make_case() for _ in range(5))
    Case.objects.filter(pk=mine.pk).update(status=Case.Status.CLAIMED, claimed_by=me)
    Case.objects.filter(pk=theirs.pk).update(status=Case.Status.CLAIMED, claimed_by=colleague)
    Case.objects.filter(pk=asked.pk).update(status=Case.Status.AWAITING_PATIENT)
    Case.objects.filter(pk=decided.pk).update(status=Case.Status.DECIDED)
    client.force_login(me)

    listed = {}
    for tab in ("waiting", "mine", "others", "awaiting_patient", "decided"):
        response = client.get(f"/review/?tab={tab}")
        listed[tab] = [row["case"].pk for row in response.context["rows"]]
        assert response.context["current_tab"].meaning in response.content.decode()

    assert listed == {
        "waiting": [waiting.pk],
        "mine": [mine.pk],
        "others": [theirs.pk],
        "awaiting_patient": [asked.pk],
        "decided": [decided.pk],
    }
    counted = {tab: 1 for tab in listed}  # the Decided tab carries its count too
    assert client.get("/review/").context["counts"] == counted


def test_the_decided_tab_shows_each_decision_and_who_made_it(client):
    clinician = make_user(Role.CLINICIAN)
    client.force_login(clinician)
    case = make_case(support_person="no")
    client.post(
        f"/review/cases/{case.submission.public_id}/decide/",
        {"outcome": "refer_in_clinic", "version": "0"},
    )

    response = client.get("/review/?tab=decided")

    (row,) = response.context["rows"]
    assert row["decision"] == "Refer for in-clinic treatment"
    assert "by Clinician Test" in response.content.decode()


def test_it_highlights_overdue_cases_by_priority(clinician_client, settings):
    settings.OVERDUE_AFTER_HOURS = {"urgent": 1, "high": 24, "routine": 72}
    make_case(hours_ago=1.5, **CRISIS_BP)  # urgent, overdue
    make_case(hours_ago=23, **ACTIVE_USE)  # high, not yet
    make_case(hours_ago=73)  # routine, overdue

    rows = clinician_client.get("/review/").context["rows"]

    assert [row["overdue"] for row in rows] == [True, False, True]
    assert clinician_client.get("/review/").content.decode().count("table-warning") == 2


def test_it_shows_urgent_drafts_marked_as_drafts(clinician_client):
    patient = make_patient(given_name="Dana")
    IntakeDraft.objects.create(patient=patient, urgent_since="2026-01-01T00:00:00Z")

    html = clinician_client.get("/review/").content.decode()

    assert "Draft · Dana" in html


def test_it_pages_the_queue(clinician_client, settings):
    settings.QUEUE_PAGE_SIZE = 2
    for _ in range(5):
        make_case()

    first = clinician_client.get("/review/")
    second = clinician_client.get(f"/review/?after={first.context['page'].next_after}")
    third = clinician_client.get(f"/review/?after={second.context['page'].next_after}")

    assert len(first.context["rows"]) == 2
    assert len(third.context["rows"]) == 1
    assert third.context["page"].next_after is None


def test_it_costs_the_same_queries_for_30_or_300_cases(
    clinician_client, django_assert_max_num_queries
):
    patients = [make_patient() for _ in range(10)]

    def build(count):
        for index in range(count):
            changes = CRISIS_BP if index % 3 == 0 else {}
            make_case(patient=patients[index % 10], hours_ago=index % 90, **changes)

    build(30)
    clinician_client.get("/review/")  # warm the session and role caches
    with django_assert_max_num_queries(10) as small:
        clinician_client.get("/review/")
    build(270)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = clinician_client.get("/review/")

    assert response.context["tab_count"] == 300


def test_it_lets_a_clinician_claim_a_case_so_others_see_it(clinician_client):
    case = make_case(**CRISIS_BP)

    clinician_client.post(f"/review/cases/{case.submission.public_id}/claim/")
    other = Client()
    other.force_login(make_user(Role.CLINICIAN))
    row = other.get("/review/?tab=others").context["rows"][0]

    assert row["case"].status == "claimed"
    assert AuditEntry.objects.filter(action="case_claimed", case=case).count() == 1
    assert "Claimed · Clinician Test" in other.get("/review/?tab=others").content.decode()


def test_each_listing_is_audited_without_the_search_terms(client):
    clinician = make_user(Role.CLINICIAN)
    client.force_login(clinician)
    make_case(patient=make_patient(family_name="Okafor"), **CRISIS_BP)
    make_case()

    client.get("/review/")
    filter_queue(client, "search=Okafor&tab=waiting")

    entries = AuditEntry.objects.filter(action="queue_viewed").order_by("pk")
    assert [(e.actor, e.detail) for e in entries] == [
        (clinician, "waiting, page 1: 2 cases"),
        (clinician, "waiting, page 1: 1 case (filtered)"),
    ]
    assert entries[0].ip_address == "127.0.0.1"


def test_search_terms_never_appear_in_an_address(clinician_client):
    make_case(patient=make_patient(family_name="Okafor"), **CRISIS_BP)

    response = clinician_client.post("/review/", {"search": "Okafor", "tab": "waiting"})
    listing = clinician_client.get(response.url)

    assert "Okafor" not in response.url
    assert listing.context["filters"].search == "Okafor"
    assert "Okafor" not in "".join(
        a for a in re.findall(r'href="([^"]*)"', listing.content.decode())
    )


def test_taking_over_another_clinicians_case_asks_first_and_is_audited(client):
    first, second = make_user(Role.CLINICIAN), make_user(Role.CLINICIAN)
    case = make_case()
    url = f"/review/cases/{case.submission.public_id}/claim/"
    client.force_login(first)
    client.post(url)
    client.force_login(second)

    unconfirmed = client.post(url)
    case.refresh_from_db()
    assert unconfirmed.url == url
    assert case.claimed_by == first
    confirmation = client.get(url)
    assert b"Take over case" in confirmation.content
    assert first.get_full_name().encode() in confirmation.content

    client.post(url, {"take_over": "yes"})

    case.refresh_from_db()
    assert case.claimed_by == second
    entry = AuditEntry.objects.get(action="case_taken_over")
    assert (entry.actor, entry.case, entry.detail) == (second, case, f"from {first.email}")
