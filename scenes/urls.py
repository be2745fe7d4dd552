from django.urls import path

from . import views

app_name = "scenes"

urlpatterns = [
    path("", views.home, name="home"),
    path("scenes/", views.scene_list, name="scene-list"),
    path("scenes/<int:pk>/", views.scene_detail, name="scene-detail"),
    path("dramas/", views.drama_list, name="drama-list"),
    path("dramas/<slug:slug>/", views.drama_detail, name="drama-detail"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor-detail"),
    path("tropes/", views.trope_list, name="trope-list"),
    path("tropes/<str:slug>/", views.trope_detail, name="trope-detail"),
    path("healthz", views.healthz, name="healthz"),
]
