from django.urls import path

from . import health, metrics

app_name = "edge"

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("metrics", metrics.metrics, name="metrics"),
]
