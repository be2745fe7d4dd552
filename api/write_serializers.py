"""The JSON the fans' actions take and give back, and the one shape of every error."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from community.models import Verdict


class CommentInputSerializer(serializers.Serializer):
    body = serializers.CharField(
        allow_blank=True, trim_whitespace=False, help_text=_("Plain text, at most 3000 characters.")
    )
    parent = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, max_value=2**63 - 1, help_text=_("The comment replied to.")
    )


class VoteInputSerializer(serializers.Serializer):
    verdict = serializers.ChoiceField(
        choices=[*Verdict.values, "none"],
        allow_null=True,
        help_text=_("awesome, awkward, or null (or 'none') to take the vote back."),
        error_messages={"invalid_choice": _("A verdict is awesome, awkward or none.")},
    )


class VoteResultSerializer(serializers.Serializer):
    verdict = serializers.ChoiceField(choices=Verdict.values, allow_null=True, help_text=_("Your verdict now."))
    awesome = serializers.IntegerField()
    awkward = serializers.IntegerField()
    awesome_share = serializers.IntegerField(allow_null=True)
    is_controversial = serializers.BooleanField()


class TropeVoteInputSerializer(serializers.Serializer):
    trope = serializers.SlugField(max_length=80, error_messages={"invalid": _("Pick a trope by its slug.")})
    vote = serializers.ChoiceField(
        choices=["agree", "disagree", "none"],
        error_messages={"invalid_choice": _("A trope vote is agree, disagree or none.")},
    )


class TropeVoteResultSerializer(serializers.Serializer):
    trope = serializers.SlugField()
    vote = serializers.ChoiceField(choices=["agree", "disagree"], allow_null=True, help_text=_("Your vote now."))
    on_scene = serializers.BooleanField(help_text=_("False once a proposal nobody agrees with any more is gone."))
    is_public = serializers.BooleanField(help_text=_("Shown on the scene and matched by filters."))
    agree_count = serializers.IntegerField()
    disagree_count = serializers.IntegerField()


class FavouriteResultSerializer(serializers.Serializer):
    is_favourite = serializers.BooleanField()
    favourite_count = serializers.IntegerField()


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text=_("What went wrong, for people."))
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text=_("Messages per field (query parameter or body field); empty when no field is at fault."),
    )
