import pytest
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.utils import translation

from scenes.models.querysets import forget_taxonomy
from tests.factories import SceneFactory, UserFactory
from tests.submission_support import heirs_with_leads
from tropedb.celery import SiteTask, app


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached rows (the taxonomy) and rendered cards must not leak between tests' databases."""
    for store in caches.all():
        store.clear()
    forget_taxonomy()
    yield
    for store in caches.all():
        store.clear()
    forget_taxonomy()


@pytest.fixture(autouse=True)
def english_between_tests():
    """The language a request activated (edge.locale) stays active in the thread after it, as in Django: a test that
    read a Korean page must not leave Korean to the next one's commands and services."""
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Hashing passwords with the real, deliberately slow hasher would dominate the suite's time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    incoming = {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path / "in"}}
    settings.STORAGES = {**settings.STORAGES, "incoming": incoming}


@pytest.fixture
def fan(db):
    return UserFactory(username="hugfan")


@pytest.fixture
def moderator(db):
    return UserFactory(username="mod", is_staff=True, is_superuser=True)


@pytest.fixture
def scene(db):
    return SceneFactory()


@pytest.fixture
def moderator_client(client, moderator):
    """A signed-in superuser moderator (test modules that need another kind define their own)."""
    client.force_login(moderator)
    return client


@pytest.fixture
def group_moderator(db):
    """A moderator as the site has them: staff in the Moderators group, not a superuser."""
    user = UserFactory(username="modestine", is_staff=True)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def heirs(db):
    """A drama with two characters (the ones tests.test_submission.form_data names)."""
    return heirs_with_leads()


@pytest.fixture
def signed_in(client, fan):
    """The test client, signed in as ``fan``."""
    client.force_login(fan)
    return client


@pytest.fixture
def queued(monkeypatch):
    """Tasks go to a queue (as with a broker) instead of running at once: the list of (task name, args) sent."""
    sent = []

    def send(task, args=(), kwargs=None, **options):
        sent.append((task.name, tuple(args)))

    monkeypatch.setattr(SiteTask, "apply_async", send)
    app.conf.task_always_eager = False
    yield sent
    app.conf.task_always_eager = True


@pytest.fixture
def without_response_cache(settings):
    """For tests of what the view itself does on every request (its own caches, its context): anonymous requests
    reach the view each time instead of a kept page (edge.middleware)."""
    settings.EDGE_RESPONSE_CACHE = False
