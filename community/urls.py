from django.urls import path

from edge.freshness import never_kept

from . import views
from .duels import views as duel_views
from .feed import views as feed_views
from .preferences import views as preference_views

app_name = "community"

urlpatterns = [
    path("scenes/<int:pk>/vote/", views.vote, name="vote"),
    path("scenes/<int:pk>/vote/sign-in/", views.vote_sign_in, name="vote-sign-in"),
    path("scenes/<int:pk>/favourite/", views.favourite, name="favourite"),
    path("scenes/<int:pk>/tropes/vote/", views.trope_vote, name="trope-vote"),
    path("scenes/<int:pk>/comments/", views.scene_comment, name="scene-comment"),
    path("dramas/<slug:slug>/comments/", views.drama_comment, name="drama-comment"),
    path("comments/<int:pk>/edit/", views.comment_edit, name="comment-edit"),
    path("comments/<int:pk>/delete/", views.comment_delete, name="comment-delete"),
    path("comments/<int:pk>/report/", views.comment_report, name="comment-report"),
    path("help-classify/", views.help_classify, name="help-classify"),
    path("duels/", duel_views.duel, name="duels"),
    path("duels/vote/", duel_views.vote, name="duel-vote"),
    path("duels/ranking/", duel_views.duel_ranking, name="duel-ranking"),
    path("me/follows/", views.follow, name="follow"),
    path("me/feed/", feed_views.my_feed, name="feed"),
    path("me/feed/address/", feed_views.feed_address, name="feed-address"),
    # One fan's feed behind a secret address: never a shared page (edge.freshness.never_kept).
    path("feeds/me/<str:token>/", never_kept(feed_views.PrivateFeed()), name="private-feed"),
    path("me/preferences/", preference_views.preferences, name="preferences"),
    path("me/hidden-tropes/", preference_views.hide_trope, name="hide-trope"),
    path("me/spoilers/", preference_views.spoiler_setting, name="spoiler-setting"),
    path("me/watching/<slug:slug>/", preference_views.watch_progress, name="watch-progress"),
    # tropedb/urls.py includes allauth first, so /accounts/login/ and friends are never taken for a name.
    path("accounts/<path:username>/", views.profile, name="profile"),
]
