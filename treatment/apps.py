from django.apps import AppConfig


class TreatmentConfig(AppConfig):
    name = "treatment"
    verbose_name = "Treatment"

    def ready(self) -> None:
        from treatment import receivers  # noqa: F401 (connects to screening's signals)
