import pytest

from coproduce.subscriptions import keys


def test_parse_reads_a_numbered_key():
    """A ward key gives its kind and its number."""
    assert keys.parse("ward:12") == ("ward", 12)


@pytest.mark.parametrize(
    "bad", ["ward:", "ward:012", "ward:١٢", "street:3", "theme:Food", "x" * 50]
)
def test_parse_refuses_bad_keys(bad):
    """Malformed keys, unknown kinds and non-ASCII digits are refused."""
    with pytest.raises(keys.BadTopic):
        keys.parse(bad)


def test_no_things_chosen_means_all():
    """An empty choice of things stands for every thing."""
    assert keys.things_of(keys.mask_of([])) == list(keys.THINGS)


def test_mask_keeps_only_the_chosen_things():
    """A mask of events and news wants events but not projects."""
    mask = keys.mask_of(["events", "news"])
    assert keys.wants(mask, "events") and not keys.wants(mask, "projects")
