"""Each rule of the catalog has a short plain label for the queue's rows."""

from screening.rules.catalog import RULES, RULES_BY_ID
from screening.rules.labels import SHORT_LABELS, short_label


def test_it_labels_every_rule_of_the_catalog_and_nothing_else():
    assert set(SHORT_LABELS) == set(RULES_BY_ID)


def test_each_label_is_short_plain_and_distinct():
    labels = [short_label(rule.id) for rule in RULES]
    assert len(set(labels)) == len(labels)
    for rule in RULES:
        label = short_label(rule.id)
        assert len(label) <= 30, label
        assert "_" not in label and rule.id not in label


def test_a_rule_no_longer_in_the_catalog_still_reads_as_words():
    assert short_label("some_old_rule") == "Some old rule"
