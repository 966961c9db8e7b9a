from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST, require_safe

from patients.middleware import expiry_slide, idle_seconds


@login_not_required
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html")


@require_POST
def session_keepalive(request: HttpRequest) -> HttpResponse:
    """Someone is at the keyboard: the session's idle limit starts again from now."""
    idle = idle_seconds(request.user)
    if idle is not None:
        expiry_slide(request.session, idle, at_once=True)
    return HttpResponse(status=204)
