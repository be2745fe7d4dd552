"""
tropedb settings: one file, configured from the environment; longer than 400 lines on purpose, so that every
setting and the variable it reads are found in one place.

With no environment at all the site runs in development mode on a SQLite file in the project.
Production sets DEBUG=0, SECRET_KEY, ALLOWED_HOSTS and usually DATABASE_URL and REDIS_URL.
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from tropedb.databases import databases, replica_aliases
from tropedb.observability import start_sentry
from tropedb.storages import media_origin, media_storages

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    # A development-only key: never used once DEBUG is off (see above).
    SECRET_KEY = "django-insecure-development-only-tropedb"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_filters",
    "django_htmx",
    "allauth",
    "allauth.account",
    "scenes",
    "community",
    "notifications",
    "rest_framework",
    "drf_spectacular",
    "api",
    "edge",
    "csp",
]

MIDDLEWARE = [
    # Outermost: the request's id and its count and timing wrap everything else, cached answers included.
    "edge.request_ids.RequestIdMiddleware",
    "edge.metrics.RequestMetricsMiddleware",
    # The reader's language, before anything answers (error pages included) and before the response cache, which
    # keeps pages per language (edge/locale.py).
    "edge.locale.LanguageMiddleware",
    "edge.request_size.RequestSizeLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    # Before anything reads a form: screenshots sent to find a scene are kept in memory, never in a temporary file.
    "scenes.catalogue.finder.ScreenshotSearchUploadsMiddleware",
    "edge.hostile_input.HostileInputMiddleware",
    "edge.replicas.ReadYourWritesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous readers' pages from the response cache, before the session, the user and the view (edge/).
    "edge.middleware.ResponseCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "scenes.errors.SiteErrorPagesMiddleware",
    "edge.unavailable.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "tropedb.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "notifications.context_processors.unread_notifications",
            ],
        },
    },
]

WSGI_APPLICATION = "tropedb.wsgi.application"

# SQLite file in the project unless DATABASE_URL names another database (e.g. postgres://...). DATABASE_REPLICA_URL
# (one URL or several, comma-separated) adds read replicas: edge.replicas routes readers' requests there and
# everything else (writes, transactions, a fan's requests just after a write, commands, tasks) to the primary.
DATABASES = databases(
    primary_url=os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
    replica_urls=env_list("DATABASE_REPLICA_URL", []),
    conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
)
DATABASE_REPLICAS = replica_aliases(DATABASES)
DATABASE_ROUTERS = ["edge.replicas.ReplicaRouter"] if DATABASE_REPLICAS else []
# How long after a write a fan's reads stay on the primary, so a replica's lag never hides their own vote,
# comment or submission from them.
READ_YOUR_WRITES_SECONDS = int(os.environ.get("READ_YOUR_WRITES_SECONDS", "5"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Shared cache: Redis when REDIS_URL is set (several app servers share it), local memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
# "cards" keeps rendered scene cards (scenes.catalogue.cards): many small entries, with their own limit in local memory
# (so they never push out the rest) and their own key prefix in Redis.
# Anonymous readers' pages from a kept copy (edge/, README "Freshness of pages"); off only where a test looks beneath.
EDGE_RESPONSE_CACHE = env_bool("EDGE_RESPONSE_CACHE", True)
# "pages" keeps whole pages for anonymous readers (edge.middleware); with Redis, each app server also keeps the pages
# it served last in its own memory (EDGE_LOCAL_PAGES), checked against the generations in Redis on every request.
if REDIS_URL:
    CACHES = {
        # While Redis is out of reach, each app server falls back to its own memory (edge/cache.py).
        "default": {"BACKEND": "edge.cache.FailSoftRedisCache", "LOCATION": REDIS_URL},
        "cards": {
            "BACKEND": "edge.cache.FailSoftRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "cards",
        },
        "pages": {
            "BACKEND": "edge.cache.FailSoftRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "pages",
        },
    }
    EDGE_LOCAL_PAGES = True
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tropedb"},
        "cards": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "tropedb-cards",
            "OPTIONS": {"MAX_ENTRIES": 5000},  # About 2 kB each.
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "tropedb-pages",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        },
    }
    EDGE_LOCAL_PAGES = False

# Sessions read from the cache (written through to the database): a fan's page needs no query for its session.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Accounts (django-allauth): sign up with a username and e-mail, vote right away.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = os.environ.get("ACCOUNT_EMAIL_VERIFICATION", "optional")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_USERNAME_MIN_LENGTH = 3
# Fans' profiles live at /accounts/<username>/: names allauth's own pages use are not available.
ACCOUNT_USERNAME_BLACKLIST = [
    "login",
    "logout",
    "signup",
    "password",
    "email",
    "confirm-email",
    "inactive",
    "reauthenticate",
    "3rdparty",
    "social",
    "code",
    "phone",
    "admin",
    "moderators",
    "tropedb",
]
ACCOUNT_ADAPTER = "community.signin.AccountAdapter"
# Wrong passwords: 10 a minute from one address, and 5 in five minutes for one username from one address
# (community.signin: the "key" holds the address too, so strangers cannot lock an owner out). The admin
# signs in through the same page (community.signin.admin_login).
ACCOUNT_RATE_LIMITS = {
    "signup": os.environ.get("SIGNUP_RATE_LIMIT", "5/h/ip"),
    "login_failed": os.environ.get("LOGIN_FAILED_RATE_LIMIT", "10/m/ip,5/300s/key"),
}
# Mail is sent by a task (edge.mail), through the backend EMAIL_BACKEND names.
EMAIL_BACKEND = "edge.mail.QueuedEmailBackend"
QUEUED_EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "tropedb <noreply@tropedb.invalid>")
# Where the site is reached from outside: links in e-mails (sent without a request to take the host from).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# The SMTP server, when EMAIL_BACKEND is django.core.mail.backends.smtp.EmailBackend.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = 20  # a mail server that hangs costs a worker's slot, never a request

# Abuse limits: (how many, per seconds), per signed-in fan and per client address. Counters use the cache.
RATE_LIMITS = {
    "vote": {"user": (60, 60), "address": (240, 60)},
    "trope_vote": {"user": (60, 60), "address": (240, 60)},
    "favourite": {"user": (60, 60), "address": (240, 60)},
    "comment": {"user": (10, 60), "address": (30, 60)},
    "report": {"user": (10, 3600), "address": (30, 3600)},
    # Scenes sent in (and edits, proposed dramas); a submission counts once it is accepted, so a form sent back for
    # a fix costs nothing. Attempts have a looser limit of their own: each one may decode screenshots.
    "submit": {"user": (20, 3600), "address": (60, 3600)},
    "submit_attempt": {"user": (120, 3600), "address": (360, 3600)},
    "api_token": {"user": (20, 3600), "address": (60, 3600)},
    "follow": {"user": (60, 60), "address": (240, 60)},
    # A pick takes a look at two scenes: a steady human pace is a few a minute; scripts meet this first.
    "duel": {"user": (30, 60), "address": (120, 60)},
    # Decoding a picture costs more than any other request: readers get a few a minute.
    "find_scene": {"user": (20, 60), "address": (20, 60)},
}
# Behind a load balancer that appends the client to X-Forwarded-For, set this to the number of proxies.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# English at the pages' plain addresses, Korean under /ko/ (tropedb/urls.py, edge/locale.py; README "Languages").
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ko", "한국어")]  # each in its own language: the chooser shows them so
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
# Dates as each language writes them: "5 Mar 2024" and "2024년 3월 5일" (tropedb/formats/).
FORMAT_MODULE_PATH = ["tropedb.formats"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))

MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

# Fans' uploads wait here, as they came (metadata and all), until a task processes them: never served.
INCOMING_ROOT = Path(os.environ.get("INCOMING_ROOT", BASE_DIR / "incoming"))

# Media on the disk (MEDIA_ROOT) unless MEDIA_BUCKET names an S3-compatible bucket (tropedb/storages.py).
STORAGES = {
    **media_storages(os.environ, incoming_root=INCOMING_ROOT),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# What one request may send: four screenshots of at most 8 MB (scenes.submissions.images) and the form around
# them. Larger bodies are refused from their Content-Length before they are read (edge.request_size); the
# reverse proxy refuses the same (deploy/nginx/, client_max_body_size 33m). Form fields other than files are
# small, so their whole is capped far lower; uploads past FILE_UPLOAD_MAX_MEMORY_SIZE go to a temporary file.
MAX_REQUEST_BYTES = 33 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2621440
DATA_UPLOAD_MAX_NUMBER_FILES = 10

# Serve uploaded media from Django itself (development, or a single box without a CDN/bucket).
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG and not os.environ.get("MEDIA_BUCKET"))

SCENES_PER_PAGE = 24
DRAMAS_PER_PAGE = 48
ACTORS_PER_PAGE = 40

# The JSON API (api/): JSON in and out, errors as {"detail", "errors"}, personal tokens or the session (with CSRF).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.ApiTokenAuthentication",
        "api.authentication.SessionAuthentication",  # CSRF refusals in the reader's language
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["api.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.PageNumberPagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.exceptions.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "tropedb API",
    "DESCRIPTION": (
        "The back-hug scene database as JSON. Reads are public; writes need a signed-in fan (session with "
        "CSRF token, or `Authorization: Token <key>` from /api/tokens/). GET responses carry an ETag for "
        'conditional requests. Every error is `{"detail": "...", "errors": {"field": ["..."]}}`.'
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "CharacterRoleEnum": "scenes.models.Character.Role",
        "CharacterGenderEnum": "scenes.models.Character.Gender",
        "NotificationKindEnum": "notifications.models.Kind",
        "NotificationDeliveryEnum": "notifications.models.Delivery",
        "FollowKindEnum": ["drama", "actor", "fan"],
    },
}

# The task queue (tropedb/celery.py). Without CELERY_BROKER_URL every task runs at once in the process that asks for
# it (development, tests, `make demo`). The broker should be a Redis of its own, or at least not one whose
# maxmemory-policy may evict the queue (the cache's allkeys-lru would).
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = False  # SiteTask.enqueue raises once the retries are spent
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_DEFAULT_QUEUE = "tropedb"
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_WORKER_PREFETCH_MULTIPLIER = 1  # slow tasks: a worker takes one at a time
CELERY_WORKER_HIJACK_ROOT_LOGGER = False  # the LOGGING below (JSON lines) stays in charge
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A task not acknowledged within this many seconds is delivered again (tasks acknowledge when done).
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_IMPORTS = ["scenes.submissions.tasks", "scenes.stats.tasks", "edge.mail", "edge.warming"]
# Periodic tasks, run by Celery beat (`celery -A tropedb beat`): no cron line needed.
CELERY_BEAT_SCHEDULE = {
    "refresh-stats": {"task": "scenes.stats.tasks.refresh_stats", "schedule": 240.0},
    "warm-caches": {"task": "edge.warming.warm_caches", "schedule": 300.0},
    "process-waiting-screenshots": {
        "task": "scenes.submissions.tasks.process_waiting_screenshots",
        "schedule": 600.0,
    },
}
# Pages the warming task renders, so the first reader after a deployment or an expiry finds them ready.
# Each in English and in Korean (/ko/): pages and cards are kept per language.
WARM_PAGES = ["/", "/scenes/", "/tropes/", "/dramas/", "/stats/"]
CACHE_WARM_PATHS = env_list("CACHE_WARM_PATHS", [*WARM_PAGES, *(f"/ko{path}" for path in WARM_PAGES)])

# Behind a TLS-terminating load balancer in production.
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # A year, subdomains included, fit for browsers' preload lists: every tropedb host speaks only HTTPS.
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^metrics$"]  # the load balancer and Prometheus ask over plain HTTP

# Content-Security-Policy (django-csp), on every response: code and styles only from this site's own files, so
# nothing a fan writes can run even if it slipped past escaping. No 'unsafe-inline', no 'unsafe-eval' and no
# nonces (a page kept by a shared cache would replay its nonce): behaviour lives in static/js/, widths in
# static/css/shares.css, and htmx is told to evaluate nothing (templates/base.html, htmx-config).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # Swagger UI draws its icons as data: URLs; screenshots in a bucket come from its address.
        "img-src": ["'self'", "data:", *filter(None, [media_origin(os.environ)])],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Logs: JSON lines with the request's id (edge.logs) when LOG_FORMAT=json, the default in production.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "edge.logs.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "edge.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "text",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO" if not DEBUG else "WARNING")},
}

# Prometheus metrics at /metrics (edge.metrics), for these addresses or networks only.
METRICS_ALLOWED_IPS = env_list("METRICS_ALLOWED_IPS", ["127.0.0.1"])

# Error reports to Sentry when SENTRY_DSN is set; without it the SDK is never started.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    start_sentry(
        dsn=SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
    )
