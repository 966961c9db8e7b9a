from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST, require_safe


@login_not_required
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html")


@require_POST
def session_keepalive(request: HttpRequest) -> HttpResponse:
    """Someone is at the keyboard: the idle-timeout middleware has just renewed the session."""
    return HttpResponse(status=204)
