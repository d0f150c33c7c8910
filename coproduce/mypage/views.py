from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .sections import your_page as build_your_page


@login_required
@require_GET
def your_page(request):
    """What is next for the signed-in person: only their own things, one link each."""
    return render(request, "mypage/your_page.html", {"page": build_your_page(request.user)})
