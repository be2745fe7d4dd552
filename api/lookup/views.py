"""
``POST /api/scenes/find/``: a screenshot (multipart, field ``screenshot``) in, the closest published scenes out,
each with its Hamming distance; the same checks, limits and rules as the page (scenes.catalogue.finder), and
nothing of the upload kept beyond the request.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from community import ratelimit
from scenes.catalogue.finder import HASH_BITS, MAX_RESULTS, closest_scenes, keep_uploads_in_memory
from scenes.models import Scene
from scenes.submissions.images import screenshot_hash

from ..parsers import MultiPartParser
from ..schema import errors
from ..serializers import SceneSerializer
from ..views import JSONOnly


class FindInputSerializer(serializers.Serializer):
    screenshot = serializers.FileField(help_text="A JPEG, PNG, WebP or GIF of at most 8 MB and 40 megapixels.")


class MatchSerializer(serializers.Serializer):
    distance = serializers.IntegerField(help_text=f"Bits of the {HASH_BITS}-bit perceptual hash that differ.")
    similarity = serializers.IntegerField(help_text="Percent of the hash's bits that agree.")
    closeness = serializers.CharField(help_text="The distance in words: the same picture, very close, similar…")
    scene = SceneSerializer()


class FindResultSerializer(serializers.Serializer):
    perceptual_hash = serializers.CharField(help_text="The screenshot's 64-bit difference hash, 16 hex digits.")
    results = MatchSerializer(many=True, help_text=f"At most {MAX_RESULTS}, nearest first; empty when none is close.")


@extend_schema_view(
    post=extend_schema(
        request={"multipart/form-data": FindInputSerializer},
        responses={200: FindResultSerializer, **errors(400, 401, 403, 404, 405, 415, 429)},
    )
)
class FindScene(APIView):
    """Find a scene from a screenshot: the closest published scenes by perceptual hash, with how close each is."""

    content_negotiation_class = JSONOnly
    parser_classes = [MultiPartParser]
    rate_limit_action = "find_scene"

    def dispatch(self, request, *args, **kwargs):
        self.upload = keep_uploads_in_memory(request)  # before anything reads the body
        return super().dispatch(request, *args, **kwargs)

    def post(self, request):
        ratelimit.check(request, self.rate_limit_action)
        refusal = self.upload.refusal()
        if refusal is not None:
            raise ValidationError({"screenshot": refusal.messages})
        data = FindInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            perceptual_hash = screenshot_hash(data.validated_data["screenshot"])
        except DjangoValidationError as error:
            raise ValidationError({"screenshot": error.messages}) from None
        scenes = Scene.objects.published().for_cards().with_actors().with_sources()
        matches = closest_scenes(perceptual_hash, scenes=scenes)
        body = {"perceptual_hash": perceptual_hash, "results": matches}
        return Response(FindResultSerializer(body, context={"request": request}).data)
