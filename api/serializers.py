"""
The API's JSON shapes. Field names are part of the public contract: add fields, never rename them.

Every ``url`` is the absolute API address of the item, every ``web_url`` the page a person reads.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from community import scoring
from scenes.catalogue.watch import starts_at_second, watch_options
from scenes.models import Actor, Character, Drama, Scene, StreamingLink, Trope, TropeGroup

from .fans.serializers import DuelRatingSerializer
from .fields import ApiUrlField, FileUrlField, WebUrlField, absolute
from .scene_parts import SceneSourceSerializer, ScreenshotSerializer

# Summaries, nested in other items.


class ActorSummarySerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:actor-detail", lookup="slug")

    class Meta:
        model = Actor
        fields = ["slug", "name", "hangul_name", "url"]


class DramaSummarySerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:drama-detail", lookup="slug")
    web_url = WebUrlField()

    class Meta:
        model = Drama
        fields = ["slug", "title", "hangul_title", "year", "network", "url", "web_url"]


class CharacterSummarySerializer(serializers.ModelSerializer):
    actor = ActorSummarySerializer(allow_null=True)

    class Meta:
        model = Character
        fields = ["id", "name", "hangul_name", "role", "gender", "actor"]


class TropeGroupSerializer(serializers.ModelSerializer):
    class Meta:
        model = TropeGroup
        fields = ["slug", "name"]


class TropeSummarySerializer(serializers.ModelSerializer):
    group = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    url = ApiUrlField("api:trope-detail", lookup="slug")

    class Meta:
        model = Trope
        fields = ["slug", "name", "group", "is_derived", "url"]


# Scenes.


class VerdictSerializer(serializers.Serializer):
    awesome = serializers.IntegerField(source="awesome_count", help_text="Fans who find it awesome.")
    awkward = serializers.IntegerField(source="awkward_count", help_text="Fans who find it awkward.")
    awesome_share = serializers.SerializerMethodField(help_text="Percent of votes for awesome; null before any.")
    awesome_score = serializers.FloatField(
        help_text="Lower bound of the Wilson interval: what 'most awesome' sorts by."
    )
    is_controversial = serializers.SerializerMethodField(help_text="Many votes, split close to 50/50.")

    def get_awesome_share(self, scene) -> int | None:
        return scoring.awesome_share(scene.awesome_count, scene.awkward_count)

    def get_is_controversial(self, scene) -> bool:
        return scoring.is_controversial(scene.awesome_count, scene.awkward_count)


class SceneSerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:scene-detail")
    web_url = WebUrlField()
    comments_url = ApiUrlField("api:scene-comments")
    drama = DramaSummarySerializer()
    hugger = CharacterSummarySerializer(help_text="Who hugs from behind.")
    hugged = CharacterSummarySerializer(help_text="Who is hugged.")
    timecode = serializers.CharField(
        allow_null=True, help_text="Where the hug starts in the episode, e.g. 20:34; null when no start time is known."
    )
    duration_seconds = serializers.IntegerField(allow_null=True, help_text="Null unless both times are known.")
    tropes = TropeSummarySerializer(
        source="public_tropes", many=True, help_text="Derived classifications first, then the public tropes."
    )
    verdict = VerdictSerializer(source="*")
    screenshots = ScreenshotSerializer(source="images", many=True)
    sources = SceneSourceSerializer(many=True, help_text="The public pages that document the scene.")
    is_documented = serializers.BooleanField(
        help_text="At least one source, and not illustrative: what the site calls a documented scene."
    )

    is_spoiler = serializers.BooleanField(
        help_text="Marked as a spoiler: it gives away a turn of the story. The site shows it blurred, named by its "
        "drama and episode only (hugger, hugged, setting, description, lines, tropes, sources and screenshots "
        "hidden until the reader asks), to readers who have not watched that far; a client should do the same."
    )

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["timecode"] = data["timecode"] or None  # the model's "" for an unknown start
        return data

    class Meta:
        model = Scene
        fields = [
            "id",
            "url",
            "web_url",
            "comments_url",
            "drama",
            "episode",
            "start_seconds",
            "end_seconds",
            "timecode",
            "duration_seconds",
            "hugger",
            "hugged",
            "setting",
            "description",
            "line_korean",
            "line_english",
            "is_illustrative",
            "is_documented",
            "is_spoiler",
            "sources",
            "is_featured",
            "tropes",
            "verdict",
            "favourite_count",
            "comment_count",
            "screenshots",
            "published_at",
        ]


class WatchOptionSerializer(serializers.Serializer):
    provider = serializers.ChoiceField(choices=StreamingLink.Provider.choices)
    provider_name = serializers.CharField()
    region = serializers.CharField(help_text="Two-letter country code; empty for everywhere.")
    url = serializers.URLField(help_text="Starts at the hug's second when `starts_at_moment` is true.")
    starts_at_moment = serializers.BooleanField()
    note = serializers.CharField(help_text="What the link opens, in a sentence.")


class SceneDetailSerializer(SceneSerializer):
    watch = serializers.SerializerMethodField(help_text="Where to watch the hug, from its drama's streaming links.")
    duel = serializers.SerializerMethodField(help_text="Its rating from the duels; null before its first duel.")

    class Meta(SceneSerializer.Meta):
        fields = [*SceneSerializer.Meta.fields, "watch", "duel"]

    @extend_schema_field(DuelRatingSerializer(allow_null=True))
    def get_duel(self, scene):
        row = getattr(scene, "duel_rating", None)  # select_related: None when the scene has not been in a duel
        return DuelRatingSerializer(row).data if row is not None and row.duels else None

    @extend_schema_field(WatchOptionSerializer(many=True))
    def get_watch(self, scene):
        options = watch_options(scene, StreamingLink.of_drama(scene.drama_id))
        return WatchOptionSerializer(options, many=True).data


# Dramas, actors, characters, tropes.


class StreamingLinkSerializer(serializers.ModelSerializer):
    provider_name = serializers.CharField(source="get_provider_display")
    starts_at_second = serializers.SerializerMethodField(help_text="Whether scene links can start at a second.")

    class Meta:
        model = StreamingLink
        fields = ["provider", "provider_name", "region", "episode", "url", "starts_at_second"]

    def get_starts_at_second(self, link) -> bool:
        return starts_at_second(link.provider)


class DramaSerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:drama-detail", lookup="slug")
    web_url = WebUrlField()
    scenes_url = ApiUrlField("api:scene-list", lookup="slug", query="drama")
    other_titles = serializers.ListField(child=serializers.CharField(), source="other_titles_list")
    poster = FileUrlField()
    scene_count = serializers.IntegerField(help_text="Published back hugs.")

    class Meta:
        model = Drama
        fields = [
            "slug",
            "title",
            "hangul_title",
            "other_titles",
            "year",
            "network",
            "episodes",
            "poster",
            "scene_count",
            "url",
            "web_url",
            "scenes_url",
        ]


class DramaCharacterSerializer(serializers.ModelSerializer):
    actor = ActorSummarySerializer(allow_null=True)

    class Meta:
        model = Character
        fields = ["id", "name", "hangul_name", "role", "gender", "actor"]


class DramaStatsSerializer(serializers.Serializer):
    scenes = serializers.IntegerField()
    girl_initiated = serializers.IntegerField()
    second_lead = serializers.IntegerField()
    girl_initiated_share = serializers.IntegerField(help_text="Percent of the drama's back hugs.")
    second_lead_share = serializers.IntegerField(help_text="Percent of the drama's back hugs.")
    awesome_votes = serializers.IntegerField()
    awkward_votes = serializers.IntegerField()
    favourites = serializers.IntegerField()
    comments = serializers.IntegerField()


class DramaDetailSerializer(DramaSerializer):
    characters = DramaCharacterSerializer(many=True, source="character_list")
    stats = DramaStatsSerializer()
    streaming = StreamingLinkSerializer(many=True, source="streaming_links.all", help_text="Where it streams.")

    class Meta(DramaSerializer.Meta):
        fields = [*DramaSerializer.Meta.fields, "characters", "stats", "streaming"]


class ActorSerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:actor-detail", lookup="slug")
    web_url = WebUrlField()
    scenes_url = ApiUrlField("api:scene-list", lookup="slug", query="actor")
    hugs_given = serializers.IntegerField(help_text="Published back hugs the actor's characters give.")
    hugs_received = serializers.IntegerField(help_text="Published back hugs the actor's characters receive.")

    class Meta:
        model = Actor
        fields = ["slug", "name", "hangul_name", "url", "web_url", "scenes_url", "hugs_given", "hugs_received"]


class ActorRoleSerializer(serializers.ModelSerializer):
    drama = DramaSummarySerializer()

    class Meta:
        model = Character
        fields = ["id", "name", "hangul_name", "role", "gender", "drama"]


class ActorDetailSerializer(ActorSerializer):
    roles = ActorRoleSerializer(many=True, source="role_list")

    class Meta(ActorSerializer.Meta):
        fields = [*ActorSerializer.Meta.fields, "roles"]


class CharacterSerializer(serializers.ModelSerializer):
    drama = DramaSummarySerializer()
    actor = ActorSummarySerializer(allow_null=True)

    class Meta:
        model = Character
        fields = ["id", "name", "hangul_name", "role", "gender", "drama", "actor"]


class TropeSerializer(serializers.ModelSerializer):
    group = TropeGroupSerializer()
    aliases = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    scene_count = serializers.SerializerMethodField(help_text="Published scenes carrying the trope.")
    url = ApiUrlField("api:trope-detail", lookup="slug")
    web_url = WebUrlField()
    scenes_url = ApiUrlField("api:scene-list", lookup="slug", query="trope")

    class Meta:
        model = Trope
        fields = [
            "slug",
            "name",
            "hangul_name",
            "group",
            "description",
            "is_derived",
            "aliases",
            "scene_count",
            "url",
            "web_url",
            "scenes_url",
        ]

    def get_scene_count(self, trope) -> int:
        return self.context["trope_counts"].get(trope.pk, 0)


# Comments.


class CommentSerializer(serializers.Serializer):
    """A comment in its thread; a removed one stays as a placeholder (no author, no body) above its replies."""

    id = serializers.IntegerField(source="comment.pk")
    parent = serializers.IntegerField(source="comment.parent_id", allow_null=True)
    depth = serializers.IntegerField(help_text="Nesting shown on the page: 0 for a new thread, at most 3.")
    author = serializers.SerializerMethodField()
    body = serializers.SerializerMethodField()
    removed = serializers.SerializerMethodField(help_text="'deleted' by its author, 'hidden' by a moderator, or null.")
    created_at = serializers.DateTimeField(source="comment.created_at")
    edited_at = serializers.DateTimeField(source="comment.edited_at", allow_null=True)
    web_url = serializers.SerializerMethodField()

    def get_author(self, node) -> str | None:
        return node.comment.author.get_username() if node.comment.is_visible else None

    def get_body(self, node) -> str | None:
        return node.comment.body if node.comment.is_visible else None

    @extend_schema_field(serializers.ChoiceField(choices=["deleted", "hidden"], allow_null=True))
    def get_removed(self, node):
        return "deleted" if node.comment.is_deleted else "hidden" if node.comment.is_hidden else None

    @extend_schema_field(OpenApiTypes.URI)
    def get_web_url(self, node):
        return absolute(self.context, node.comment.get_absolute_url())


# Stats.


class StatsTotalsSerializer(serializers.Serializer):
    scenes = serializers.IntegerField()
    dramas = serializers.IntegerField()
    actors = serializers.IntegerField()
    awesome_votes = serializers.IntegerField()
    awkward_votes = serializers.IntegerField()
    favourites = serializers.IntegerField()
    comments = serializers.IntegerField()
    girl_initiated = serializers.IntegerField()
    girl_initiated_share = serializers.IntegerField()
    second_lead = serializers.IntegerField()
    second_lead_share = serializers.IntegerField()


class StatsDramaSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    title = serializers.CharField()
    hangul_title = serializers.CharField(help_text="The original title in Hangul; empty when the catalogue has none.")
    year = serializers.IntegerField()
    scenes = serializers.IntegerField()
    awesome_votes = serializers.IntegerField()
    awkward_votes = serializers.IntegerField()
    awesome_share = serializers.IntegerField(allow_null=True)


class StatsTropeSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    hangul_name = serializers.CharField(help_text="The name in Hangul; empty when the catalogue has none.")
    group = serializers.SlugField()
    scene_count = serializers.IntegerField()


class StatsYearSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    scenes = serializers.IntegerField()
    girl_initiated = serializers.IntegerField()


class StatsSerializer(serializers.Serializer):
    totals = StatsTotalsSerializer()
    dramas = StatsDramaSerializer(many=True)
    tropes = StatsTropeSerializer(many=True)
    years = StatsYearSerializer(many=True, help_text="Published back hugs by the year their drama aired.")
