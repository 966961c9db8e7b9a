"""The queue's pages start after a case, never at an OFFSET; its rows say why, its tabs count."""

import re

import pytest

from patients.roles import Role
from screening.review.models import Case
from screening.review.selectors import QueueFilters, queue_list
from tests.decided import decided_case
from tests.factories import make_case, make_patient, make_user

pytestmark = pytest.mark.django_db

CRISIS_BP = {"bp_readings": [{"systolic": 185, "diastolic": 90}]}


@pytest.fixture
def clinician(client):
    user = make_user(Role.CLINICIAN)
    client.force_login(user)
    return user


def next_link(html):
    found = re.search(r'href="(\?[^"]*)"[^>]*>Next', html)
    return "/review/" + found.group(1).replace("&amp;", "&") if found else None


def walk(client, path):
    """Every row of a tab, following the Next links, and the queries of each page."""
    seen = []
    while path:
        response = client.get(path)
        seen.append([row["case"].pk for row in response.context["rows"]])
        path = next_link(response.content.decode())
    return seen


def test_each_page_holds_the_rows_an_offset_would_give(client, clinician, settings):
    settings.QUEUE_PAGE_SIZE = 3
    for index in range(10):
        make_case(hours_ago=index % 4, **(CRISIS_BP if index % 3 == 0 else {}))

    pages = walk(client, "/review/?tab=waiting")

    everything = list(queue_list(QueueFilters(tab="waiting"), clinician).values_list("pk", flat=1))
    assert pages == [everything[start : start + 3] for start in range(0, 10, 3)]


def test_the_decided_tab_pages_by_its_latest_decision(client, clinician, settings):
    settings.QUEUE_PAGE_SIZE = 2
    for _ in range(5):
        decided_case(outcome="confirm_at_home", clinician=clinician)

    pages = walk(client, "/review/?tab=decided")

    everything = list(queue_list(QueueFilters(tab="decided"), clinician).values_list("pk", flat=1))
    assert [pk for page in pages for pk in page] == everything
    assert [len(page) for page in pages] == [2, 2, 1]


def test_previous_goes_back_to_the_same_rows(client, clinician, settings):
    settings.QUEUE_PAGE_SIZE = 2
    for index in range(5):
        make_case(hours_ago=index)
    first = client.get("/review/")
    second = client.get(f"/review/?after={first.context['page'].next_after}")

    back = client.get(f"/review/?before={second.context['page'].previous_before}")

    assert [r["case"].pk for r in back.context["rows"]] == [
        r["case"].pk for r in first.context["rows"]
    ]
    assert back.context["page"].previous_before is None


def test_a_deep_page_costs_the_queries_of_the_first(
    client, clinician, settings, django_assert_num_queries
):
    settings.QUEUE_PAGE_SIZE = 2
    for index in range(12):
        make_case(hours_ago=index)
    client.get("/review/")  # the first page after signing in also renews the session
    # 9: the header's count of drafts waiting for a clinical lead's sign-off asks who signs off.
    with django_assert_num_queries(9):
        client.get("/review/")
    cursors = [client.get("/review/").context["page"].next_after]
    for _ in range(4):
        cursors.append(client.get(f"/review/?after={cursors[-1]}").context["page"].next_after)

    # One more query than the first page (the row a page starts after), at any depth.
    for cursor in (cursors[0], cursors[-1]):
        with django_assert_num_queries(10):
            response = client.get(f"/review/?after={cursor}")
        assert len(response.context["rows"]) == 2


def test_a_case_gone_from_the_tab_still_marks_the_place(client, clinician, settings):
    settings.QUEUE_PAGE_SIZE = 2
    cases = [make_case(hours_ago=10 - index) for index in range(5)]
    Case.objects.filter(pk=cases[1].pk).update(status=Case.Status.DECIDED)

    response = client.get(f"/review/?after={cases[1].pk}")

    assert [r["case"].pk for r in response.context["rows"]] == [cases[2].pk, cases[3].pk]


def test_each_row_says_why_in_plain_words_and_is_one_link(client, clinician):
    make_case(patient=make_patient(given_name="Ada"), support_person="no", **CRISIS_BP)

    response = client.get("/review/")
    html = response.content.decode()

    (row,) = response.context["rows"]
    assert "BP crisis" in row["reasons"] and "No support person" in row["reasons"]
    shown = html.split('data-testid="queue-row"')[1]  # the filter's option values are ids
    assert "hypertensive_crisis" not in shown and "BP crisis" in shown
    assert 'class="stretched-link"' in html
    assert re.search(r'<tr class="position-relative[^"]*" data-testid="queue-row">', html)


def test_the_decided_tab_carries_its_count(client, clinician):
    decided_case(outcome="decline", reason="Not suitable", clinician=clinician)
    decided_case(outcome="confirm_at_home", clinician=clinician)
    make_case()

    html = client.get("/review/").content.decode()

    assert re.search(r'Decided <span class="badge text-bg-secondary">2</span>', html)
