from django.urls import path, re_path

from edge.freshness import shared_page
from scenes.freshness import SCENE_PAGE

from . import pages, views
from .fans import views as fan_views
from .lookup import views as lookup_views

app_name = "api"

urlpatterns = [
    path("", views.ApiRoot.as_view(), name="root"),
    path("scenes/", views.SceneList.as_view(), name="scene-list"),
    path("scenes/find/", lookup_views.FindScene.as_view(), name="scene-find"),
    # A scene's answers are kept until it changes (edge.freshness), the lists LIST_SECONDS.
    path("scenes/<int:pk>/", shared_page(views.SceneDetail.as_view(), depends_on=SCENE_PAGE), name="scene-detail"),
    path(
        "scenes/<int:pk>/comments/",
        shared_page(views.SceneComments.as_view(), depends_on=SCENE_PAGE),
        name="scene-comments",
    ),
    path("scenes/<int:pk>/vote/", views.Vote.as_view(), name="scene-vote"),
    path("scenes/<int:pk>/tropes/vote/", views.TropeVote.as_view(), name="scene-trope-vote"),
    path("scenes/<int:pk>/favourite/", views.Favourite.as_view(), name="scene-favourite"),
    path("dramas/", views.DramaList.as_view(), name="drama-list"),
    path("dramas/<slug:slug>/", views.DramaDetail.as_view(), name="drama-detail"),
    path("actors/", views.ActorList.as_view(), name="actor-list"),
    path("actors/<slug:slug>/", views.ActorDetail.as_view(), name="actor-detail"),
    path("characters/", views.CharacterList.as_view(), name="character-list"),
    path("tropes/", views.TropeList.as_view(), name="trope-list"),
    path("tropes/<slug:slug>/", views.TropeDetail.as_view(), name="trope-detail"),
    path("stats/", views.Stats.as_view(), name="stats"),
    path("duels/", fan_views.Duel.as_view(), name="duels"),
    path("duels/ranking/", fan_views.DuelRanking.as_view(), name="duel-ranking"),
    path("me/notifications/", fan_views.NotificationList.as_view(), name="notifications"),
    path("me/notifications/read/", fan_views.NotificationsRead.as_view(), name="notifications-read"),
    path("me/notifications/settings/", fan_views.NotificationSettings.as_view(), name="notification-settings"),
    path("me/preferences/", fan_views.Preferences.as_view(), name="preferences"),
    path("me/follows/", fan_views.Follows.as_view(), name="follows"),
    path("me/feed/", fan_views.Feed.as_view(), name="feed"),
    path("me/feed/address/", fan_views.FeedAddress.as_view(), name="feed-address"),
    path("schema/", views.SchemaView.as_view(), name="schema"),
    path("docs/", pages.docs, name="docs"),
    path("tokens/", pages.tokens, name="tokens"),
    path("tokens/<int:pk>/revoke/", pages.revoke, name="token-revoke"),
    re_path(r"^(?P<path>.*)$", pages.not_found),
]
