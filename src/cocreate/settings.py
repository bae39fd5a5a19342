"""Django settings, read from the environment (see .env.example and docs/operations.md).

A fresh clone runs with no environment at all: DEBUG on, SQLite under var/, mail printed
to the console. Production sets DEBUG=false, SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and
EMAIL_URL, and then passes `cocreate check --deploy` without warnings.
"""

import os
import tempfile
from pathlib import Path

import dj_database_url
import dj_email_url
from django.core.exceptions import ImproperlyConfigured

from cocreate.env import env_bool, env_float, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env_str("DATA_DIR", str(BASE_DIR.parent.parent / "var")))

DEBUG = env_bool("DEBUG", True)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # Our apps first: their templates override allauth's, their commands Django's.
    "cocreate.core",
    "cocreate.accounts",
    "cocreate.organisations",
    "cocreate.messaging",
    "cocreate.offerings",
    "cocreate.ideas",
    "cocreate.agenda",
    "cocreate.listening",
    "cocreate.overview",
    "cocreate.privacy",
    "cocreate.demo",
    "cocreate.core.admin_site.CocreateAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "allauth",
    "allauth.account",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "ninja",  # serves the API docs' JavaScript locally instead of from a CDN
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cocreate.core.api_errors.ApiErrorShapeMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "cocreate.core.middleware.ServiceErrorMiddleware",
]

if not DEBUG:  # in development runserver serves static files itself
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "cocreate.urls"
WSGI_APPLICATION = "cocreate.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cocreate.organisations.context_processors.navigation",
                "cocreate.messaging.context_processors.inbox",
            ],
        },
    },
]

# Database: SQLite in WAL mode by default, PostgreSQL when DATABASE_URL says so.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'cocreate.sqlite3'}"),
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # A file, not memory, so that tests can run a worker in another process against it;
    # one per test run, so that two runs side by side do not share it.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"cocreate-test-{os.getpid()}.sqlite3")
    }
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE takes the write lock when a transaction starts, so concurrent writers
        # wait on busy_timeout instead of failing with "database is locked". Writers queue
        # unfairly under load (web, workers), so the wait is generous.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
        ),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache holds rate-limit counters, so it must be shared by every process: the database.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "cocreate_cache",
    }
}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ["email", "name"]},
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# django-allauth: email is the login, verified before the first sign-in.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_SIGNUP_FORM_CLASS = "cocreate.accounts.forms.SignupForm"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_USER_DISPLAY = "cocreate.accounts.models.display_name"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Cocreate] "
# Sign-up says plainly that an email is taken (a form error), as people expect; the rate
# limits below bound how fast anyone can probe for addresses.
ACCOUNT_PREVENT_ENUMERATION = False
INVITATIONS_PER_HOUR = env_int("INVITATIONS_PER_HOUR", 200)  # per organiser
IDEAS_PER_HOUR = env_int("IDEAS_PER_HOUR", 30)  # per person
COMMENTS_PER_HOUR = env_int("COMMENTS_PER_HOUR", 120)  # per person
VOTES_PER_MINUTE = env_int("VOTES_PER_MINUTE", 60)  # per person: pairwise and support votes
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",  # five wrong passwords for one email: wait 5 min
    "login": "30/m/ip",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}

# Email: EMAIL_URL such as submission://user:password@mail.example.org:587 (STARTTLS),
# smtps://… (TLS), smtp://localhost:25 or console:// (print mails).
_email_url = env_str("EMAIL_URL", "console://" if DEBUG else "smtp://localhost:25")
_email = dj_email_url.parse(_email_url)
if "EMAIL_BACKEND" not in _email:
    raise ImproperlyConfigured(
        f"EMAIL_URL={_email_url!r}: use smtp://, submission://, smtps://, console:// or file://."
    )
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email["EMAIL_HOST"]
EMAIL_PORT = _email["EMAIL_PORT"]
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Cocreate <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# HTTPS: on by default in production; the reverse proxy terminates TLS and says so.
HTTPS = env_bool("HTTPS", not DEBUG)
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]  # probes speak plain HTTP
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy: scripts only from our own static files, never inline; charts
# evaluate their expressions without eval (static/vendor/vega-interpreter.min.js). Inline
# style attributes stay allowed (charts set them). The API docs (Swagger UI, which ninja
# starts with an inline script) and the admin are left out.
# Jobs `cocreate worker` runs every so many seconds (several workers may run them at once:
# each job claims its work).
PERIODIC_JOBS = [("cocreate.listening.tasks.ask_after_sessions", 60)]

CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/api/v1/docs", "/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Requests larger than this are refused (413 on the API) before anything is parsed.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("MAX_REQUEST_BYTES", 1024 * 1024)

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

NINJA_PAGINATION_CLASS = "ninja.pagination.PageNumberPagination"
NINJA_PAGINATION_PER_PAGE = 50
NINJA_MAX_PER_PAGE_SIZE = 200

# Background work: a database-backed queue, run by `cocreate worker` (django-tasks).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Messaging: retries, digests and providers (docs/operations.md).
DELIVERY_MAX_ATTEMPTS = env_int("DELIVERY_MAX_ATTEMPTS", 8)
DELIVERY_BACKOFF_SECONDS = env_float("DELIVERY_BACKOFF_SECONDS", 30.0)  # first retry, doubling
DELIVERY_BACKOFF_CAP_SECONDS = env_float("DELIVERY_BACKOFF_CAP_SECONDS", 3600.0)
DELIVERY_LEASE_SECONDS = env_int("DELIVERY_LEASE_SECONDS", 120)  # a claim a dead worker held
DELIVERY_TIMEOUT = env_float("DELIVERY_TIMEOUT", 10.0)
DELIVERY_BATCH = env_int("DELIVERY_BATCH", 100)
DELIVERY_CONCURRENCY = env_int("DELIVERY_CONCURRENCY", 8)  # sends in flight per worker
DIGEST_THRESHOLD = env_int("DIGEST_THRESHOLD", 5)  # messages in an hour before a digest
# An agenda run still running this long after its time limit lost its worker.
AGENDA_RUN_ABANDONED_SECONDS = env_int("AGENDA_RUN_ABANDONED_SECONDS", 300)
SMS_PROVIDER_URL = env_str("SMS_PROVIDER_URL")
SMS_PROVIDER_TOKEN = env_str("SMS_PROVIDER_TOKEN")
SOCIAL_PROVIDER_URL = env_str("SOCIAL_PROVIDER_URL")
SOCIAL_PROVIDER_TOKEN = env_str("SOCIAL_PROVIDER_TOKEN")
# Webhooks to private or loopback addresses are refused in production (request forgery).
ALLOW_PRIVATE_WEBHOOKS = env_bool("ALLOW_PRIVATE_WEBHOOKS", DEBUG)

# The address people reach Cocreate at, for links in emails.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
# How long an invitation link stays valid.
INVITATION_VALID_DAYS = env_int("INVITATION_VALID_DAYS", 14)

LOG_FORMAT = env_str("LOG_FORMAT", "text" if DEBUG else "json")
if LOG_FORMAT not in ("json", "text"):
    raise ImproperlyConfigured("LOG_FORMAT is json or text.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "cocreate.core.logs.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            **({"formatter": "json"} if LOG_FORMAT == "json" else {}),
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"httpx": {"level": "WARNING"}},  # one line per request is too much
}

FORM_RENDERER = "cocreate.core.forms.FormRenderer"
