"""What a scene carries besides its own fields, as the API gives it: its screenshots (every stored size, absolute
addresses) and its sources (the pages that document it)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from scenes.models import SceneImage, SceneSource

from .fields import FileUrlField, absolute


class ThumbnailSerializer(serializers.Serializer):
    url = serializers.URLField()
    width = serializers.IntegerField(allow_null=True)


class ScreenshotSerializer(serializers.ModelSerializer):
    url = FileUrlField(source="image")
    thumbnail_url = serializers.SerializerMethodField(help_text="A card-sized picture (640 pixels wide when stored).")
    srcset = serializers.SerializerMethodField(help_text="For <img srcset>: every stored size, absolute URLs.")
    thumbnails = serializers.SerializerMethodField(help_text="Every stored size with its width in pixels.")

    class Meta:
        model = SceneImage
        fields = ["url", "thumbnail_url", "srcset", "thumbnails", "alt_text", "width", "height"]

    def get_thumbnail_url(self, image) -> str | None:
        return absolute(self.context, image.thumbnail_url) if image.thumbnail_url else None

    @extend_schema_field(ThumbnailSerializer(many=True))
    def get_thumbnails(self, image):
        """SceneImage.srcset() decides which sizes there are; here they become absolute."""
        sizes = []
        for entry in filter(None, image.srcset().split(", ")):
            url, _, descriptor = entry.partition(" ")
            width = int(descriptor[:-1]) if descriptor.endswith("w") and descriptor[:-1].isdigit() else None
            sizes.append({"url": absolute(self.context, url), "width": width})
        return sizes

    def get_srcset(self, image) -> str:
        return ", ".join(
            f"{size['url']} {size['width']}w" if size["width"] else size["url"] for size in self.get_thumbnails(image)
        )


class SceneSourceSerializer(serializers.ModelSerializer):
    """A page that documents the scene, as the scene page cites it."""

    class Meta:
        model = SceneSource
        fields = ["url", "title", "publisher", "published_on", "quote", "checked_on"]
