"""JSON shapes of a fan's own things. Field names are part of the public contract: add fields, never rename them."""

from django.template.loader import render_to_string
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from notifications.models import Delivery, Kind

from ..fields import absolute


class NotificationSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    kind = serializers.ChoiceField(choices=Kind.choices)
    text = serializers.SerializerMethodField(help_text="What happened, in a sentence.")
    reason = serializers.CharField(help_text="A moderator's reason (rejections); empty otherwise.")
    scene = serializers.IntegerField(source="scene_id", allow_null=True)
    drama = serializers.SlugField(source="drama.slug", allow_null=True, default=None)
    comment = serializers.IntegerField(source="comment_id", allow_null=True)
    web_url = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()
    read_at = serializers.DateTimeField(allow_null=True)

    def get_text(self, notification) -> str:
        return " ".join(render_to_string("notifications/_message.html", {"notification": notification}).split())

    @extend_schema_field(OpenApiTypes.URI)
    def get_web_url(self, notification):
        return absolute(self.context, notification.get_absolute_url())


class ReadResultSerializer(serializers.Serializer):
    marked_read = serializers.IntegerField(help_text="Notifications that were unread.")
    unread = serializers.IntegerField()


class NotificationSettingsSerializer(serializers.Serializer):
    """Each kind's delivery: off, site (on the site) or email (on the site and by e-mail)."""

    def get_fields(self):
        return {
            kind: serializers.ChoiceField(
                choices=Delivery.choices,
                required=False,
                help_text=str(label),
                error_messages={"invalid_choice": "A delivery is off, site or email."},
            )
            for kind, label in Kind.choices
        }


class FollowInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=["drama", "actor", "fan"], error_messages={"invalid_choice": "One follows a drama, an actor or a fan."}
    )
    name = serializers.CharField(max_length=150, help_text="The drama's or actor's slug, or the fan's username.")
    follow = serializers.BooleanField(default=True, help_text="false to stop following.")


class FollowSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["drama", "actor", "fan"])
    name = serializers.CharField(help_text="The drama's or actor's slug, or the fan's username.")
    label = serializers.CharField(help_text="The title or name, for people.")
    following = serializers.BooleanField()
    web_url = serializers.URLField()
