from django.apps import AppConfig


class ConfigConfig(AppConfig):
    """Project-wide pieces with no models of their own: system checks, the cache table."""

    name = "config"
    label = "project"

    def ready(self) -> None:
        from config import checks  # noqa: F401 (registers the checks)
