from django import forms
from django.core.paginator import Paginator
from django.http import QueryDict
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import RequestFactory

from coproduce.common.filters import ChoicesField, FilterForm, TickField, TickGroup
from coproduce.common.govuk_forms import render_field


class BookFilterForm(FilterForm):
    q = forms.CharField(label="Search", required=False, max_length=10)
    colour = forms.ChoiceField(
        label="Colour",
        choices=[("", "Any colour"), ("red", "Red"), ("blue", "Blue")],
        required=False,
        error_messages={"invalid_choice": "There is no colour called '%(value)s'"},
    )
    pages = forms.IntegerField(label="At least this many pages", required=False)
    sort = forms.ChoiceField(
        label="Sort by", choices=[("title", "Title"), ("newest", "Newest")], initial="newest"
    )
    shelves = ChoicesField(
        label="Shelves",
        choices=[("top", "Top"), ("bottom", "Bottom")],
        required=False,
        error_messages={"invalid_choice": "Unknown shelf %(value)s"},
    )
    signed = TickField(label="Signed")
    boxed = TickField(label="Boxed", widget_id="book-boxed")
    tick_groups = {"Copies that are": ("signed", "boxed")}


def _form(query: str = "", **kwargs) -> BookFilterForm:
    return BookFilterForm(QueryDict(query), url="/books/", **kwargs)


def test_a_bad_value_is_left_out_and_the_others_still_apply():
    """A value that makes no sense falls back to "any", keeps its error, and the rest apply."""
    form = _form("colour=green&q=moby&pages=lots")
    assert form.filters() == {"q": "moby", "sort": "newest"}
    assert form.errors["colour"] == ["There is no colour called 'green'"]
    assert "pages" in form.errors


def test_filters_leave_out_what_was_not_asked_for():
    """Empty values and unticked boxes are not filters."""
    assert _form("q=&colour=&pages=&signed=0").filters() == {"sort": "newest"}


def test_filters_give_cleaned_values():
    """Numbers are numbers, ticks are True, several choices a list."""
    form = _form("pages=200&colour=red&signed=1&shelves=top,bottom")
    assert form.filters() == {
        "pages": 200,
        "colour": "red",
        "signed": True,
        "shelves": ["top", "bottom"],
        "sort": "newest",
    }


def test_a_first_visit_is_bound_with_no_errors():
    """With no query at all the form is bound and valid, with only its defaults."""
    form = BookFilterForm()
    assert form.is_bound and form.is_valid()
    assert form.filters() == {"sort": "newest"}
    assert not form.is_filtered


def test_a_missing_or_empty_value_takes_the_fields_initial_and_shows_it():
    """The default sort is used and drawn as chosen when the query leaves it out or empty."""
    for query in ("", "sort="):
        form = _form(query)
        assert form.filters()["sort"] == "newest"
        assert '<option value="newest" selected>' in render_field(form["sort"])


def test_the_query_string_keeps_only_filters_that_made_sense_as_typed():
    """For page links: good filters as they were typed; bad ones, defaults and the page go."""
    form = _form("q=moby&colour=green&page=3&shelves=top,bottom&signed=1")
    assert QueryDict(form.query_string) == QueryDict("q=moby&shelves=top,bottom&signed=1")


def test_is_filtered_counts_bad_values_but_not_the_page():
    """The clear link shows for any filter asked for, even a bad one; not for a page number."""
    assert not _form("page=2").is_filtered
    assert _form("colour=green").is_filtered
    assert _form("q=moby").is_filtered


def test_from_request_reads_the_query_and_clears_to_the_same_page():
    """The form is the request's query; clearing it goes to the page without one."""
    form = BookFilterForm.from_request(RequestFactory().get("/books/", {"q": "moby"}))
    assert form.filters()["q"] == "moby"
    assert form.clear_url == "/books/"


def test_tick_fields_are_ticked_only_for_yes_words():
    """1, on, yes and true tick a box; anything else leaves it unticked, shown so too."""
    for value in ("1", "on", "yes", "true", "TRUE"):
        assert _form(f"signed={value}").filters().get("signed") is True, value
    for value in ("0", "no", "false", "maybe"):
        form = _form(f"signed={value}")
        assert "signed" not in form.filters(), value
        assert form["signed"].value() is False


def test_a_tick_box_on_its_own_sends_the_value_it_was_given():
    """A tick field drawn alone is a GOV.UK checkbox sending its value, with one id."""
    html = render_field(_form("boxed=yes")["boxed"])
    assert 'id="book-boxed" name="boxed" type="checkbox" value="1" checked>' in html
    assert html.count('id="book-boxed"') == 1


def test_several_choices_are_read_repeated_or_comma_separated_and_each_unknown_is_named():
    """?shelves=top&shelves=bottom and ?shelves=top,bottom are the same; bad ones all named."""
    assert _form("shelves=top&shelves=bottom").filters()["shelves"] == ["top", "bottom"]
    assert _form("shelves=top, bottom").filters()["shelves"] == ["top", "bottom"]
    form = _form("shelves=top,attic,cellar")
    assert form.errors["shelves"] == ["Unknown shelf attic, cellar"]


def test_tick_groups_are_drawn_as_one_question_where_the_first_box_was():
    """Boxes in a group come as one row, in the place of the first, with its legend."""
    rows = _form().rows()
    names = [row.name if isinstance(row, forms.BoundField) else "group" for row in rows]
    assert names == ["q", "colour", "pages", "sort", "shelves", "group"]
    group = rows[-1]
    assert isinstance(group, TickGroup) and group.legend == "Copies that are"


def test_a_tick_group_keeps_each_boxs_name_id_and_value():
    """One fieldset with a legend; each box sends its own name, with the value it was given."""
    html = render_to_string("common/forms/govuk_filter_form.html", {"form": _form("boxed=1")})
    assert '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">' in html
    assert 'id="id_signed" name="signed" type="checkbox" value="1">' in html
    assert 'id="book-boxed" name="boxed" type="checkbox" value="1" checked>' in html


def _sidebar(query: str = "", **options) -> str:
    context = {"form": _form(query), "heading": "Filter", "button": "Show books", **options}
    return render_to_string("common/_filters.html", context)


def test_the_sidebar_is_a_search_form_for_the_page_with_heading_and_button():
    """A GET form to the list's own address, named for assistive technology."""
    html = _sidebar(label="Filter books")
    assert '<form method="get" action="/books/" novalidate role="search"' in html
    assert 'aria-label="Filter books"' in html
    assert '<h2 class="govuk-heading-m">Filter</h2>' in html
    assert "Show books</button>" in html
    assert 'for="id_q"' in html


def test_the_sidebar_offers_to_clear_filters_only_when_there_are_some():
    """The clear link shows once a filter is asked for, and only if the page wants one."""
    link = '<a class="govuk-link" href="/books/">Clear filters</a>'
    assert link not in _sidebar(clear="Clear filters")
    assert link in _sidebar("q=moby", clear="Clear filters")
    assert link not in _sidebar("q=moby")


def test_page_links_keep_the_filters_given():
    """Pagination given a filter form's query string keeps it, and nothing else, in its links."""
    page = Paginator(range(50), 10).get_page(2)
    request = RequestFactory().get("/books/", {"q": "moby", "colour": "green", "page": "2"})
    html = Template(
        "{% load coproduce %}{% govuk_pagination page query=form.query_string %}"
    ).render(Context({"page": page, "request": request, "form": _form("q=moby&colour=green")}))
    assert 'href="?q=moby&amp;page=3"' in html
    assert "colour" not in html
