import itertools
import random

from coproduce.demo.unique import NameBook


def test_a_ward_never_gets_a_name_twice_but_other_wards_may():
    book = NameBook()
    rng = random.Random(1)
    names = ["Oak Park", "Elm Park", "Ash Park"]
    given = [book.give(1, lambda: rng.choice(names)) for _ in range(20)]
    assert len(set(given)) == 20
    assert set(names) <= set(given)
    assert book.give(2, lambda: "Oak Park") == "Oak Park"


def test_the_callers_other_names_come_before_a_told_apart_one():
    book = NameBook()
    book.add("w", "Oak Mosque")
    assert book.give("w", lambda: "Oak Mosque", otherwise=["Oak Road Mosque"]) == (
        "Oak Road Mosque"
    )
    assert book.give("w", lambda: "oak mosque", otherwise=["Oak Road Mosque"]) == (
        "oak mosque North"
    )


def test_names_stay_unique_however_many_are_asked_for():
    book = NameBook()
    counter = itertools.count()
    given = [book.give(None, lambda: f"Hall {next(counter) % 3}") for _ in range(200)]
    assert len({g.casefold() for g in given}) == 200
