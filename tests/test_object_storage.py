"""
Media in an S3-compatible bucket (MEDIA_BUCKET, tropedb/storages.py), tested against a local S3 server (moto's)
that the tests start on a free port: screenshots land in the bucket and their URLs serve them; without a bucket
everything stays on the local disk.
"""

import io
import json
import socket

import boto3
import pytest
import requests
from django.core.files.storage import default_storage, storages
from django.utils import timezone
from moto.server import ThreadedMotoServer
from PIL import Image

from scenes.models import Scene, SceneImage
from tests.test_submission import SUBMIT, form_data
from tropedb.storages import FILE_SYSTEM, S3, media_origin, media_storages

pytestmark = pytest.mark.django_db

BUCKET = "tropedb-media"
PUBLIC_MEDIA_POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/media/*",
        }
    ],
}
KEYS = {"MEDIA_ACCESS_KEY_ID": "test-key", "MEDIA_SECRET_ACCESS_KEY": "test-secret"}


@pytest.fixture(scope="module")
def s3_endpoint():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint, settings, tmp_path):
    """A fresh bucket, and the site's media configured into it as the environment would."""
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id=KEYS["MEDIA_ACCESS_KEY_ID"],
        aws_secret_access_key=KEYS["MEDIA_SECRET_ACCESS_KEY"],
    )
    client.create_bucket(Bucket=BUCKET)
    # As deploy/README.md says to: anyone may read media/, nobody but the site reads incoming/.
    client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_MEDIA_POLICY))
    environment = {"MEDIA_BUCKET": BUCKET, "MEDIA_ENDPOINT_URL": s3_endpoint, "MEDIA_REGION": "us-east-1", **KEYS}
    settings.STORAGES = {**settings.STORAGES, **media_storages(environment, incoming_root=tmp_path)}
    yield client
    for listed in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=listed["Key"])
    client.delete_bucket(Bucket=BUCKET)


def keys(client, prefix: str) -> list[str]:
    return [listed["Key"] for listed in client.list_objects_v2(Bucket=BUCKET, Prefix=prefix).get("Contents", [])]


def test_without_a_bucket_media_stay_on_the_local_disk(tmp_path):
    configured = media_storages({}, incoming_root=tmp_path)

    assert configured["default"]["BACKEND"] == FILE_SYSTEM
    assert configured["incoming"] == {"BACKEND": FILE_SYSTEM, "OPTIONS": {"location": tmp_path}}


def test_with_a_bucket_screenshots_are_public_and_uploads_private(tmp_path):
    configured = media_storages(
        {"MEDIA_BUCKET": BUCKET, "MEDIA_CUSTOM_DOMAIN": "media.example"}, incoming_root=tmp_path
    )

    assert configured["default"]["BACKEND"] == configured["incoming"]["BACKEND"] == S3
    assert configured["default"]["OPTIONS"]["querystring_auth"] is False
    assert configured["default"]["OPTIONS"]["custom_domain"] == "media.example"
    assert configured["incoming"]["OPTIONS"]["default_acl"] == "private"
    assert "custom_domain" not in configured["incoming"]["OPTIONS"]


def test_a_fans_screenshot_is_stored_in_the_bucket_and_its_url_serves_it(bucket, signed_in, heirs, s3_endpoint):
    response = signed_in.post(SUBMIT, form_data(heirs))

    image = SceneImage.objects.get()
    assert response.status_code == 302
    assert image.image.url.startswith(f"{s3_endpoint}/{BUCKET}/media/screenshots/")
    served = requests.get(image.image.url, timeout=10)
    assert served.status_code == 200
    assert Image.open(io.BytesIO(served.content)).format == "WEBP"
    assert image.image.url in signed_in.get(response["Location"]).content.decode()


def test_a_processed_upload_leaves_nothing_in_the_incoming_prefix(
    bucket, signed_in, heirs, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        signed_in.post(SUBMIT, form_data(heirs))

    assert keys(bucket, "incoming/") == []
    assert len(keys(bucket, "media/screenshots/")) == 1


def test_the_bucket_files_carry_a_long_cache_lifetime(bucket, signed_in, heirs):
    signed_in.post(SUBMIT, form_data(heirs))

    stored = bucket.head_object(Bucket=BUCKET, Key=keys(bucket, "media/screenshots/")[0])
    assert stored["CacheControl"] == "public, max-age=31536000, immutable"


def test_the_api_gives_the_bucket_urls(bucket, signed_in, heirs, moderator_client, s3_endpoint):
    signed_in.post(SUBMIT, form_data(heirs))
    image = SceneImage.objects.get()
    Scene.objects.filter(pk=image.scene_id).update(status=Scene.Status.PUBLISHED, published_at=timezone.now())

    screenshot = moderator_client.get(f"/api/scenes/{image.scene_id}/").json()["screenshots"][0]

    assert screenshot["url"] == image.image.url
    assert default_storage.exists(image.image.name) and not storages["incoming"].exists(image.image.name)


def test_an_upload_waiting_in_the_bucket_cannot_be_read_from_outside(
    bucket, signed_in, heirs, queued, s3_endpoint, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        signed_in.post(SUBMIT, form_data(heirs))

    [waiting] = keys(bucket, "incoming/")
    assert requests.get(f"{s3_endpoint}/{BUCKET}/{waiting}", timeout=10).status_code == 403


def test_pages_may_show_pictures_from_the_bucket_and_nowhere_else():
    assert media_origin({}) is None
    assert media_origin({"MEDIA_BUCKET": BUCKET, "MEDIA_ENDPOINT_URL": "https://minio.internal:9000/"}) == (
        "https://minio.internal:9000"
    )
    assert media_origin({"MEDIA_BUCKET": BUCKET, "MEDIA_CUSTOM_DOMAIN": "media.example"}) == "https://media.example"
