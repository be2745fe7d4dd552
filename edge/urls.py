from django.urls import path

from . import health

app_name = "edge"

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
]
