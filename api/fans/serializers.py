"""JSON shapes of a fan's own things. Field names are part of the public contract: add fields, never rename them."""

from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from notifications.models import Delivery, Kind

from ..fields import ApiUrlField, WebUrlField, absolute


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


class PreferencesSerializer(serializers.Serializer):
    """What a fan reads: spoilers shown or not, the tropes they hide, how far they watched each drama."""

    show_spoilers = serializers.BooleanField(
        help_text='true: every scene shows plainly, no spoiler notices; false: the spoiler rule (README "Spoilers").'
    )
    hidden_tropes = serializers.ListField(
        child=serializers.SlugField(), read_only=True, help_text="The slugs of the tropes hidden everywhere."
    )
    watched = serializers.DictField(
        child=serializers.IntegerField(), read_only=True, help_text="Drama slug → the last episode watched."
    )


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
                error_messages={"invalid_choice": _("A delivery is off, site or email.")},
            )
            for kind, label in Kind.choices
        }


class FollowInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=["drama", "actor", "fan"],
        error_messages={"invalid_choice": _("One follows a drama, an actor or a fan.")},
    )
    name = serializers.CharField(max_length=150, help_text="The drama's or actor's slug, or the fan's username.")
    follow = serializers.BooleanField(default=True, help_text="false to stop following.")


class FollowSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["drama", "actor", "fan"])
    name = serializers.CharField(help_text="The drama's or actor's slug, or the fan's username.")
    label = serializers.CharField(help_text="The title or name, for people.")
    following = serializers.BooleanField()
    web_url = serializers.URLField()


class DuelRatingSerializer(serializers.Serializer):
    rating = serializers.FloatField(help_text="Glicko rating: 1500 to start, higher is better.")
    deviation = serializers.FloatField(help_text="The rating's uncertainty; 95% lie within twice this.")
    low = serializers.FloatField(source="conservative", help_text="rating − 2 × deviation: what the ranking sorts by.")
    high = serializers.SerializerMethodField(help_text="rating + 2 × deviation.")
    duels = serializers.IntegerField(help_text="Duels that counted.")
    wins = serializers.IntegerField()

    def get_high(self, row) -> float:
        return row.rating + 2 * row.deviation


class DuelSceneSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    url = ApiUrlField("api:scene-detail")
    web_url = WebUrlField()
    drama = serializers.CharField(source="drama.title")
    episode = serializers.IntegerField(allow_null=True, help_text="Null when no source says which episode.")
    hugger = serializers.CharField(source="hugger.name")
    hugged = serializers.CharField(source="hugged.name")


class RankedSceneSerializer(DuelRatingSerializer):
    scene = DuelSceneSummarySerializer()


class DuelPairSerializer(serializers.Serializer):
    token = serializers.CharField(
        allow_null=True, help_text="Send it back with your pick (signed in only; valid for an hour)."
    )
    scenes = serializers.ListField(
        child=serializers.DictField(), help_text="The two scenes, as /api/scenes/<id>/ shows them; empty when none."
    )


class DuelVoteInputSerializer(serializers.Serializer):
    token = serializers.CharField(max_length=200, help_text="The token of the pair, from GET /api/duels/.")
    winner = serializers.IntegerField(min_value=1, max_value=2**63 - 1, help_text="The id of the better scene.")


class DuelVoteResultSerializer(serializers.Serializer):
    counted = serializers.BooleanField(
        help_text="False once you have judged these scenes often: it no longer moves them."
    )
    winner = DuelRatingSerializer()
    loser = DuelRatingSerializer()


class FeedEntrySerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["scene", "comment", "favourite"])
    text = serializers.CharField(help_text="What happened, in a sentence.")
    when = serializers.DateTimeField()
    scene = serializers.IntegerField(source="scene.pk", allow_null=True, default=None)
    comment = serializers.IntegerField(source="comment.pk", allow_null=True, default=None)
    fan = serializers.CharField(source="fan.username", allow_null=True, default=None, help_text="Who did it.")
    web_url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_web_url(self, entry):
        return absolute(self.context, entry.url)


class FeedPageSerializer(serializers.Serializer):
    results = FeedEntrySerializer(many=True)
    next = serializers.URLField(allow_null=True, help_text="Older entries.")
    previous = serializers.URLField(allow_null=True, help_text="Newer entries.")


class FeedAddressInputSerializer(serializers.Serializer):
    action = serializers.ChoiceField(
        choices=["renew", "revoke"],
        help_text="renew: a new secret address (the old one stops working); revoke: no address.",
        error_messages={"invalid_choice": _("The action is renew or revoke.")},
    )


class FeedAddressSerializer(serializers.Serializer):
    atom_url = serializers.URLField(allow_null=True, help_text="Your private Atom feed; null when turned off.")
