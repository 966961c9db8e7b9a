"""The published rule set is read from the cache, and a publication shows at once."""

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from patients.roles import Role
from screening.rulesets.published import Published, published_key, published_rules
from screening.rulesets.selectors import active_thresholds
from screening.rulesets.services import ruleset_draft_create, ruleset_publish
from tests.factories import make_user
from tests.integration.screening.rulesets.test_rulesets import publish_ready
from treatment.checks.selectors import active_limits

# Committed transactions, as in the clinic: these tests start with no rule set published
# (the contract's defaults apply) and their publications are committed for real.
pytestmark = pytest.mark.django_db(transaction=True)


def queries_of(read):
    with CaptureQueriesContext(connection) as captured:
        value = read()
    return value, [q["sql"] for q in captured.captured_queries if "screening_ruleset" in q["sql"]]


def published(**thresholds):
    author, publisher = make_user(Role.ADMIN), make_user(Role.ADMIN)
    draft = publish_ready(ruleset_draft_create(actor=author), author, **thresholds)
    return ruleset_publish(draft=draft, actor=publisher)


def test_a_second_read_costs_no_database_query():
    first, first_queries = queries_of(active_thresholds)
    again, again_queries = queries_of(active_thresholds)

    assert first.ruleset == again.ruleset == "default-1"
    assert len(first_queries) == 1
    assert again_queries == []


def test_a_publication_is_read_at_once_by_screenings_and_checks():
    assert active_thresholds().bp_elevated_systolic == 140  # cached now

    name = published(bp_elevated_systolic=130).name

    assert active_thresholds().ruleset == name
    assert active_thresholds().bp_elevated_systolic == 130
    assert active_limits()[1] == name


def test_a_read_inside_a_transaction_that_rolls_back_leaves_nothing_cached():
    class RolledBack(Exception):
        pass

    with pytest.raises(RolledBack), transaction.atomic():
        name = published(bp_elevated_systolic=130).name
        assert active_thresholds().ruleset == name  # its own, uncommitted publication
        raise RolledBack

    assert cache.get(published_key()) is None
    assert active_thresholds().ruleset == "default-1"


def test_any_save_of_a_rule_set_clears_it():
    published_rules()
    assert cache.get(published_key()) is not None

    ruleset_draft_create(actor=make_user(Role.ADMIN))

    assert cache.get(published_key()) is None


def test_an_unreachable_cache_costs_a_database_read_not_an_error(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/1",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }

    assert active_thresholds().ruleset == "default-1"
    ruleset = published(bp_elevated_systolic=130)
    assert active_thresholds().ruleset == ruleset.name


def test_an_entry_another_database_cached_is_never_read(monkeypatch):
    with monkeypatch.context() as elsewhere:
        elsewhere.setitem(connection.settings_dict, "NAME", "another-clinic")
        cache.set(published_key(), Published(name="elsewhere-9"), 60)

    assert published_rules().name != "elsewhere-9"
    assert active_thresholds().ruleset == "default-1"
