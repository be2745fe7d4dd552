from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("me/notifications/", views.notification_list, name="list"),
    path("me/notifications/clear/", views.clear, name="clear"),
    path("me/notifications/settings/", views.save_settings, name="settings"),
]
