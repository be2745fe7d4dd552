"""
A signed-in fan's own things over the API: notifications (read, mark read, settings) and follows. The same
services as the pages; reads need a signed-in fan too (401 otherwise), writes also the ban and rate limits.
"""

from django.contrib.auth import get_user_model
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from community import follows
from notifications import services as notifications
from notifications.selectors import delivery_choices, inbox, unread_count
from scenes.models import Actor, Drama

from ..conditional import ConditionalGetMixin
from ..schema import WRITE_ERRORS, errors
from ..views import FanActionMixin, read_schema
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


def follow_row(request, kind: str, target, following: bool) -> dict:
    name = target.get_username() if kind == "fan" else target.slug
    page = f"/accounts/{name}/" if kind == "fan" else target.get_absolute_url()
    label = target.title if kind == "drama" else str(target)
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
            raise ValidationError({"name": [f"There is no {kind} called “{name}”."]})
        following = follows.set_following(fan=request.user, target=target, following=data.validated_data["follow"])
        return Response(s.FollowSerializer(follow_row(request, kind, target, following)).data)
