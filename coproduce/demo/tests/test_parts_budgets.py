import pytest

from coproduce.budgets.models import Round
from coproduce.demo import services as demo_services
from coproduce.demo.parts import budgets as demo
from coproduce.demo.tests.factories import TINY

pytestmark = pytest.mark.django_db


def _built():
    ctx = demo_services.demo_context(size=TINY, seed=1, write=lambda line: None)
    demo_services.demo_build(ctx, without=frozenset({"budgets"}))
    demo.build(ctx)
    return ctx


def test_a_neighbourhood_plans_round_is_decided_and_its_winners_are_projects():
    """The demo has two rounds; the decided one's chosen proposals each became a project."""
    _built()
    assert Round.objects.count() == 2
    decided = [r for r in Round.objects.all() if hasattr(r, "result")]
    assert len(decided) == 1
    chosen = [line for line in decided[0].result.lines.all() if line.selected]
    assert chosen
    assert all(line.proposal.project_id for line in chosen)


def test_clearing_removes_the_rounds():
    """Clearing the part leaves no rounds behind."""
    _built()
    demo.clear()
    assert not Round.objects.exists()
