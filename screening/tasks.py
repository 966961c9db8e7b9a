from celery import shared_task


@shared_task(name="screening.ping")
def ping() -> str:
    """Round trip through the broker and a worker, for health checks and tests."""
    return "pong"
