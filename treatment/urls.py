"""Every address of the course of treatment, gathered from its packages."""

from treatment.board.urls import urlpatterns as board
from treatment.charts.urls import urlpatterns as charts
from treatment.clinic.urls import urlpatterns as clinic
from treatment.courses.urls import urlpatterns as courses
from treatment.followup.urls import urlpatterns as followup
from treatment.home.urls import urlpatterns as home
from treatment.outcomes.urls import urlpatterns as outcomes
from treatment.people.urls import urlpatterns as people
from treatment.therapy.urls import urlpatterns as therapy

urlpatterns = [*board, *charts, *courses, *therapy, *followup, *clinic, *home, *people, *outcomes]
