"""
Where uploaded media live (the STORAGES setting): the local disk by default, any S3-compatible bucket when
MEDIA_BUCKET is set (AWS S3, MinIO, Ceph, Cloudflare R2, ...), through django-storages.

Two stores: ``default`` holds what pages show (screenshots and thumbnails: public, named at random and never
changed, so cached for a year), ``incoming`` holds fans' uploads as they came until a task processes them
(private: never served, EXIF and all). In a bucket they are two prefixes, ``media/`` and ``incoming/``.
"""

from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

S3 = "storages.backends.s3.S3Storage"
FILE_SYSTEM = "django.core.files.storage.FileSystemStorage"
# Screenshot files are never rewritten (every upload gets a new random name): browsers and CDNs may keep them.
IMMUTABLE = "public, max-age=31536000, immutable"


def media_storages(environ: Mapping[str, str], *, incoming_root: Path) -> dict[str, dict]:
    """The ``default`` and ``incoming`` entries of STORAGES from the environment."""
    bucket = environ.get("MEDIA_BUCKET", "")
    if not bucket:
        return {
            "default": {"BACKEND": FILE_SYSTEM},
            "incoming": {"BACKEND": FILE_SYSTEM, "OPTIONS": {"location": incoming_root}},
        }
    options = {
        "bucket_name": bucket,
        "file_overwrite": False,
        # Plain URLs: screenshots are public, and a signed URL would change on every page (and expire in caches).
        "querystring_auth": False,
    }
    for option, variable in (
        ("endpoint_url", "MEDIA_ENDPOINT_URL"),
        ("region_name", "MEDIA_REGION"),
        ("access_key", "MEDIA_ACCESS_KEY_ID"),  # else boto3's own chain: AWS_* variables, an instance role
        ("secret_key", "MEDIA_SECRET_ACCESS_KEY"),
        ("custom_domain", "MEDIA_CUSTOM_DOMAIN"),  # a CDN in front of the bucket
        ("addressing_style", "MEDIA_ADDRESSING_STYLE"),  # "path" for most self-hosted stores
    ):
        if environ.get(variable):
            options[option] = environ[variable]
    media = {**options, "location": "media", "object_parameters": {"CacheControl": IMMUTABLE}}
    if environ.get("MEDIA_ACL"):  # e.g. public-read, where the bucket has no public-read policy on media/
        media["default_acl"] = environ["MEDIA_ACL"]
    incoming = {**options, "location": "incoming", "default_acl": "private", "querystring_auth": True}
    incoming.pop("custom_domain", None)
    return {"default": {"BACKEND": S3, "OPTIONS": media}, "incoming": {"BACKEND": S3, "OPTIONS": incoming}}


def media_origin(environ: Mapping[str, str]) -> str | None:
    """Where screenshots are served from when that is not the site itself (for the Content-Security-Policy)."""
    bucket = environ.get("MEDIA_BUCKET", "")
    if not bucket:
        return None
    if environ.get("MEDIA_CUSTOM_DOMAIN"):
        return f"https://{environ['MEDIA_CUSTOM_DOMAIN']}"
    if environ.get("MEDIA_ENDPOINT_URL"):
        parts = urlsplit(environ["MEDIA_ENDPOINT_URL"])
        return f"{parts.scheme}://{parts.netloc}"
    return "https://*.amazonaws.com"  # AWS itself: the bucket's own host under a region's endpoint
