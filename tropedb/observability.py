"""Error reports to Sentry, started by the settings only when SENTRY_DSN is set."""

import sentry_sdk
from sentry_sdk.integrations.celery import CeleryIntegration
from sentry_sdk.integrations.django import DjangoIntegration


def start_sentry(*, dsn: str, environment: str, traces_sample_rate: float = 0.0, **options) -> None:
    """Report unhandled errors of requests and tasks, without who the fan is or what they typed (no user
    identity, no request bodies; cookies and headers with the SDK's sensitive values scrubbed)."""
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        traces_sample_rate=traces_sample_rate,
        data_collection={"user_info": False, "http_bodies": []},
        integrations=[DjangoIntegration(), CeleryIntegration()],
        **options,
    )
