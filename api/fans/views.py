"""
A signed-in fan's own things over the API: notifications (read, mark read, settings) and follows. The same
services as the pages; reads need a signed-in fan too (401 otherwise), writes also the ban and rate limits.
"""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import AllowAny, IsAuthenticatedOrReadOnly
from rest_framework.response import Response
from rest_framework.views import APIView

from community import follows
from community.duels.selectors import SORTS, ranking
from community.duels.services import cast_duel_vote, pair_token
from community.duels.views import dealt_scenes
from community.feed.entries import feed_page, feed_token, revoke_feed_token
from community.preferences.viewer import ViewerPreferences, set_show_spoilers
from notifications import services as notifications
from notifications.selectors import delivery_choices, inbox, unread_count
from scenes.models import Actor, Drama

from ..conditional import ETAG, IF_NONE_MATCH, NOT_MODIFIED, ConditionalGetMixin
from ..schema import READ_ERRORS, WRITE_ERRORS, errors
from ..serializers import SceneSerializer
from ..views import FanActionMixin, JSONOnly, read_schema
from . import serializers as s

User = get_user_model()


@extend_schema_view(get=read_schema(s.NotificationSerializer(many=True), 400, 404))
class NotificationList(FanActionMixin, ConditionalGetMixin, generics.ListAPIView):
    """Your notifications, newest first: replies, your submissions decided, new back hugs in dramas you follow."""

    serializer_class = s.NotificationSerializer

    def get_queryset(self):
        return inbox(self.request.user)


@extend_schema_view(post=extend_schema(request=None, responses={200: s.ReadResultSerializer, **errors(*WRITE_ERRORS)}))
class NotificationsRead(FanActionMixin, APIView):
    """Mark every notification read."""

    rate_limit_action = "follow"

    def post(self, request):
        marked = notifications.mark_read(fan=request.user)
        return Response(s.ReadResultSerializer({"marked_read": marked, "unread": unread_count(request.user)}).data)


@extend_schema_view(
    get=read_schema(s.NotificationSettingsSerializer),
    put=extend_schema(
        request=s.NotificationSettingsSerializer,
        responses={200: s.NotificationSettingsSerializer, **errors(*WRITE_ERRORS)},
    ),
)
class NotificationSettings(FanActionMixin, ConditionalGetMixin, APIView):
    """How you hear of each kind: off, site, or email (on the site and by e-mail). PUT only the kinds to change."""

    rate_limit_action = "follow"

    def get(self, request):
        return Response(delivery_choices(request.user))

    def put(self, request):
        data = s.NotificationSettingsSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        for kind, delivery in data.validated_data.items():
            notifications.set_delivery(fan=request.user, kind=kind, delivery=delivery)
        return Response(delivery_choices(request.user))


def preferences_of(fan) -> dict:
    viewer = ViewerPreferences(fan)
    slugs = dict(Drama.objects.filter(pk__in=viewer.watched).values_list("pk", "slug"))
    return {
        "show_spoilers": viewer.shows_all_spoilers,
        "hidden_tropes": sorted(trope.slug for trope in viewer.hidden_tropes),
        "watched": {slugs[pk]: episode for pk, episode in viewer.watched.items() if pk in slugs},
    }


@extend_schema_view(
    get=read_schema(s.PreferencesSerializer),
    put=extend_schema(
        request=s.PreferencesSerializer, responses={200: s.PreferencesSerializer, **errors(*WRITE_ERRORS)}
    ),
)
class Preferences(FanActionMixin, ConditionalGetMixin, APIView):
    """What you read: PUT {"show_spoilers": true} to see every scene plainly (false: the spoiler rule again). Hidden
    tropes and progress are set on the pages (/me/preferences/, a drama's page) and read here."""

    rate_limit_action = "follow"

    def get(self, request):
        return Response(preferences_of(request.user))

    def put(self, request):
        data = s.PreferencesSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        set_show_spoilers(fan=request.user, show=data.validated_data["show_spoilers"])
        return Response(preferences_of(request.user))


def follow_row(request, kind: str, target, following: bool) -> dict:
    name = target.get_username() if kind == "fan" else target.slug
    page = f"/accounts/{name}/" if kind == "fan" else target.get_absolute_url()
    label = follows.label(target)
    return {
        "kind": kind,
        "name": name,
        "label": label,
        "following": following,
        "web_url": request.build_absolute_uri(page),
    }


@extend_schema_view(
    get=read_schema(s.FollowSerializer(many=True)),
    post=extend_schema(request=s.FollowInputSerializer, responses={200: s.FollowSerializer, **errors(*WRITE_ERRORS)}),
)
class Follows(FanActionMixin, ConditionalGetMixin, APIView):
    """The dramas, actors and fans you follow; POST follows one (or stops, with "follow": false)."""

    rate_limit_action = "follow"

    def get(self, request):
        found = follows.followed(request.user)
        rows = [follow_row(request, "drama", drama, True) for drama in found["dramas"]]
        rows += [follow_row(request, "actor", actor, True) for actor in found["actors"]]
        rows += [follow_row(request, "fan", fan, True) for fan in found["fans"]]
        return Response(s.FollowSerializer(rows, many=True).data)

    def post(self, request):
        data = s.FollowInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        kind, name = data.validated_data["kind"], data.validated_data["name"]
        target = {
            "drama": lambda: Drama.objects.filter(slug=name).first(),
            "actor": lambda: Actor.objects.filter(slug=name).first(),
            "fan": lambda: User.objects.filter(username=name, is_active=True).first(),
        }[kind]()
        if target is None:
            raise ValidationError({"name": [follows.unknown(kind, name)]})
        following = follows.set_following(fan=request.user, target=target, following=data.validated_data["follow"])
        return Response(s.FollowSerializer(follow_row(request, kind, target, following)).data)


@extend_schema_view(
    get=read_schema(s.DuelPairSerializer),
    post=extend_schema(
        request=s.DuelVoteInputSerializer, responses={200: s.DuelVoteResultSerializer, **errors(*WRITE_ERRORS)}
    ),
)
class Duel(FanActionMixin, ConditionalGetMixin, APIView):
    """GET deals two published scenes you have not judged; POST your pick with the pair's token (one per pair)."""

    permission_classes = [IsAuthenticatedOrReadOnly]
    rate_limit_action = "duel"

    def get(self, request):
        pair = dealt_scenes(request)
        if pair is None:
            return Response({"token": None, "scenes": []})
        scenes = SceneSerializer(pair, many=True, context={"request": request}).data
        signed_in = request.user.is_authenticated
        token = pair_token(fan=request.user, first=pair[0].pk, second=pair[1].pk) if signed_in else None
        return Response({"token": token, "scenes": scenes})

    def post(self, request):
        data = s.DuelVoteInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        result = cast_duel_vote(
            fan=request.user, token=data.validated_data["token"], winner_id=data.validated_data["winner"]
        )
        body = {"counted": result.weight > 0, "winner": result.winner, "loser": result.loser}
        return Response(s.DuelVoteResultSerializer(body).data)


SORT = OpenApiParameter(
    "sort",
    OpenApiTypes.STR,
    enum=list(SORTS),
    description="rank (default: the rating less its margin), rating, duels or uncertain.",
)


@extend_schema_view(
    get=extend_schema(
        parameters=[SORT, IF_NONE_MATCH, ETAG],
        responses={200: s.RankedSceneSerializer(many=True), 304: NOT_MODIFIED, **errors(400, 404, *READ_ERRORS)},
    )
)
class DuelRanking(ConditionalGetMixin, generics.ListAPIView):
    """The fans' ranking from the duels: published scenes with their Glicko rating and its uncertainty."""

    content_negotiation_class = JSONOnly
    permission_classes = [AllowAny]
    serializer_class = s.RankedSceneSerializer

    def get_queryset(self):
        sort = self.request.query_params.get("sort") or "rank"
        if sort not in SORTS:
            raise ValidationError({"sort": [_("Sort by rank, rating, duels or uncertain.")]})
        return ranking(sort)


PAGE = OpenApiParameter("page", OpenApiTypes.INT, description="Page number, from 1 (newest first).")


@extend_schema_view(
    get=extend_schema(
        parameters=[PAGE, IF_NONE_MATCH, ETAG],
        responses={200: s.FeedPageSerializer, 304: NOT_MODIFIED, **errors(400, 404, *READ_ERRORS)},
    )
)
class Feed(FanActionMixin, ConditionalGetMixin, APIView):
    """What the dramas, actors and fans you follow did, newest first: new scenes, comments, favourites."""

    def get(self, request):
        value = request.query_params.get("page", "1")
        if not (value.isascii() and value.isdigit() and len(value) <= 6 and int(value) >= 1):
            raise ValidationError({"page": [_("The page must be a whole number, like page=2.")]})
        page = int(value)
        entries, has_older = feed_page(request.user, page=page)
        if page > 1 and not entries:
            raise NotFound(_("Your feed has no page %(page)d.") % {"page": page})
        url = request.build_absolute_uri(request.path)
        body = {
            "results": entries,
            "next": f"{url}?page={page + 1}" if has_older else None,
            "previous": f"{url}?page={page - 1}" if page > 1 else None,
        }
        return Response(s.FeedPageSerializer(body, context={"request": request}).data)


@extend_schema_view(
    post=extend_schema(
        request=s.FeedAddressInputSerializer, responses={200: s.FeedAddressSerializer, **errors(*WRITE_ERRORS)}
    )
)
class FeedAddress(FanActionMixin, APIView):
    """Give your private Atom feed a new secret address (renew), or turn it off (revoke)."""

    rate_limit_action = "follow"

    def post(self, request):
        data = s.FeedAddressInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        if data.validated_data["action"] == "revoke":
            revoke_feed_token(fan=request.user)
            return Response({"atom_url": None})
        token = feed_token(fan=request.user, renew=True)
        return Response({"atom_url": request.build_absolute_uri(reverse("community:private-feed", args=[token]))})
