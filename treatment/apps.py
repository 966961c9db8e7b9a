from typing import Any

from django.apps import AppConfig


class TreatmentConfig(AppConfig):
    name = "treatment"
    verbose_name = "Treatment"

    def ready(self) -> None:
        from django.db import connections
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_migrate

        from screening.fhir.bundle import bundle_section_register
        from treatment import receivers  # noqa: F401 (connects to screening's signals)
        from treatment.fhir.resources import course_resources
        from treatment.guards import guards_ensure, sqlite_connection_prepare

        connection_created.connect(sqlite_connection_prepare, dispatch_uid="treatment-guards")
        for connection in connections.all(initialized_only=True):
            if connection.connection is not None:
                sqlite_connection_prepare(connection)

        def ensure(using: str = "default", **kwargs: Any) -> None:
            guards_ensure(connections[using])

        bundle_section_register(course_resources)
        post_migrate.connect(ensure, sender=self, dispatch_uid="treatment-guards-ensure")
