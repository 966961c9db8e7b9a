"""`/healthz` for a load balancer: the database and the broker, nothing else."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from config.celery import app


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return bool(cursor.fetchone() == (1,))
    except Exception:
        return False


def broker_ok() -> bool:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return True  # no broker configured: tasks run in the web process
    try:
        # A new connection each time: a pooled one could hide a broker that went away.
        with app.connection_for_write(url=app.conf.broker_url) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return True
    except Exception:
        return False


@login_not_required
@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    checks = {"database": database_ok(), "broker": broker_ok()}
    healthy = all(checks.values())
    body = {"status": "ok" if healthy else "unavailable"} | {
        name: "ok" if ok else "down" for name, ok in checks.items()
    }
    return JsonResponse(body, status=200 if healthy else 503)


HEALTH_PATH = "/healthz"


class HealthCheckMiddleware:
    """Answer the load balancer's probe before the host check and the HTTPS redirect.

    A balancer probes each instance by its own address, over plain HTTP: neither is
    an allowed host nor HTTPS, and a 400 or a 301 would take a healthy instance out.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path == HEALTH_PATH and request.method in ("GET", "HEAD"):
            return healthz(request)
        return self.get_response(request)
