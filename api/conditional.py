"""
Cheap polling: GET responses carry an ETag (a hash of the body); a client that sends it back in
If-None-Match gets ``304 Not Modified`` with no body when nothing changed.

The ETag is of the rendered body, not of a timestamp: the tallies (votes, favourites, comments) change
with ``UPDATE`` statements that leave ``updated_at`` alone, so only the body tells for sure.
"""

from django.utils.decorators import method_decorator
from django.views.decorators.http import conditional_page
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse

IF_NONE_MATCH = OpenApiParameter(
    "If-None-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="The ETag of a response you already have: 304 with no body when it is still current.",
)
ETAG = OpenApiParameter(
    "ETag",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    response=[200],
    description="Identifies this version of the response; send it back in If-None-Match.",
)
NOT_MODIFIED = OpenApiResponse(description="Not modified: the ETag in If-None-Match is still current.")


# ETag and If-None-Match for GET, as Django's ConditionalGetMiddleware does, for API views only.
# (A comment, not a docstring: the schema would take a docstring for the views' own description.)
class ConditionalGetMixin:
    @method_decorator(conditional_page)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)
