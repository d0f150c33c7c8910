import pytest
from django.apps import apps
from django.conf import settings
from django.db import models

from coproduce.personal_data import registry
from coproduce.personal_data.registry import Erasure


def test_every_link_to_a_person_is_declared():
    """A model with a ForeignKey, OneToOne or ManyToMany to a person is in a declaration."""
    assert registry.undeclared_links() == []


def test_an_undeclared_link_is_found(monkeypatch):
    """The check fails when a model links to a person and no app declares it."""
    kept = [d for d in registry._declarations if d.model != "discussion.Comment"]
    monkeypatch.setattr(registry, "_declarations", kept)
    assert ("discussion.Comment", "author") in registry.undeclared_links()


def test_every_declaration_names_a_real_model_and_lookup():
    """Each declaration's model exists and its lookup finds rows for a user."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    for declaration in registry.declarations():
        model = declaration.model_class
        assert issubclass(model, models.Model)
        # Builds the query, which fails for a lookup that does not exist.
        str(declaration.rows(user_model(pk=1)).query)


def test_anonymised_links_may_be_empty():
    """An ANONYMISE declaration with nothing to clear clears a link that may be null."""
    for declaration in registry.declarations():
        if declaration.erase is Erasure.ANONYMISE and not declaration.clear:
            field = declaration.model_class._meta.get_field(declaration.link)
            assert field.null, f"{declaration.model}.{declaration.link} cannot be empty"


def test_kept_rows_give_a_reason():
    """Rows kept when an account closes say why."""
    with pytest.raises(ValueError):
        registry.declare("discussion.Comment", field="author", kind="x", erase=Erasure.KEEP)
