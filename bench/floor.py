"""The load test's floor: a view that does one INSERT, behind the same middleware.

It serves signed-in patients, so that the floor pays for the session, the user and
the role just as the submit request does; the benchmark's own URL configuration
gives it a row in the access matrix.
"""

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt

from config.access import MATRIX, PATIENTS


@csrf_exempt
def floor(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO bench_floor DEFAULT VALUES")
    return HttpResponse("ok")


MATRIX["bench_floor"] = PATIENTS  # the benchmark's URL configuration only
urlpatterns = [path("bench-floor/", floor, name="bench_floor"), path("", include("config.urls"))]
