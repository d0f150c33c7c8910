from django.shortcuts import render
from django.views.decorators.http import require_GET

from coproduce.common.visitor_pages import kept_for_visitors

from . import selectors
from .forms import SearchForm
from .text import read_question


@require_GET
@kept_for_visitors  # results are the same for every visitor: search reads only public things
def search(request):
    """Search everything: results grouped by kind, or one kind a page at a time."""
    form = SearchForm(request.GET)
    results = None
    if form.is_valid():
        data = form.cleaned_data
        kind = selectors.kind_for(data["kind"] or "")
        results = selectors.search(read_question(data["q"]), kind=kind, page=data["page"] or 1)
    context = {"form": form, "results": results, "q": request.GET.get("q", "")[:200]}
    return render(request, "search/results.html", context, status=400 if form.errors else 200)
