from django.urls import path

from .catalogue import views
from .catalogue.feeds import NewScenesAtomFeed, NewScenesFeed
from .moderation import views as moderation_views
from .stats import views as stats_views
from .submissions import views as submission_views

app_name = "scenes"

urlpatterns = [
    path("", views.home, name="home"),
    path("scenes/", views.scene_list, name="scene-list"),
    path("scenes/<int:pk>/", views.scene_detail, name="scene-detail"),
    path("scenes/<int:pk>/edit/", submission_views.edit, name="scene-edit"),
    path("scenes/submit/", submission_views.submit, name="submit"),
    path("scenes/find/", views.find_scene, name="find"),
    path("scenes/submit/characters/", submission_views.submit_characters, name="submit-characters"),
    path("dramas/propose/", submission_views.propose_drama, name="propose-drama"),
    path("moderation/log/", moderation_views.moderation_log, name="moderation-log"),
    path("dramas/", views.drama_list, name="drama-list"),
    path("dramas/options/", submission_views.drama_options, name="drama-options"),
    path("dramas/<slug:slug>/", views.drama_detail, name="drama-detail"),
    path("actors/", views.actor_list, name="actor-list"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor-detail"),
    path("tropes/", views.trope_list, name="trope-list"),
    path("tropes/<str:slug>/", views.trope_detail, name="trope-detail"),
    path("stats/", stats_views.stats, name="stats"),
    path("feeds/scenes/", NewScenesAtomFeed(), name="feed"),
    path("feeds/scenes/rss/", NewScenesFeed(), name="feed-rss"),
    path("search/suggest/", views.search_suggest, name="search-suggest"),
]
