"""The one settings module. Everything that differs between machines comes from the environment.

Environment variables:
    DATABASE_URL       default sqlite:///<var>/strehe.sqlite3; postgres://... in production and CI
    SECRET_KEY         default: generated once into <var>/secret_key (never committed)
    DEBUG              "1" to enable; off by default
                       (yes/no variables take 1/0, true/false, yes/no, on/off or empty for the
                       default; anything else stops start-up with the variable's name)
    ALLOWED_HOSTS      comma separated; default 127.0.0.1,localhost
    STREHE_VAR_DIR     where the SQLite file, keys and collected static files live; default ./var
    STREHE_HTTPS       "1" behind TLS: secure cookies and HSTS
    STREHE_DEMO        "1" allows `strehe loaddemo` (synthetic demo data and demo logins)
    STREHE_FIELD_KEYS  comma separated Fernet keys for encrypted columns, newest first;
                       default: generated once into <var>/field_keys (see README, key rotation)
    STREHE_LOOKUP_KEY  HMAC key of the lookup-hash columns; default: generated into <var>/lookup_key
    STREHE_AUDIT_KEY   HMAC key of the audit hash chain; default: generated into <var>/audit_key
    STREHE_AUDIT_CHECKPOINT  file of the audit log's last checkpoint; default <var>/audit_checkpoint
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off"})


def env_flag(name: str, default: bool = False) -> bool:
    """A yes/no variable. Only clear words count: a typo such as STREHE_HTTPS=ture must stop
    start-up, not silently mean "off". Unset or empty means the default."""
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name}={os.environ[name]!r} is not a yes/no value: use one of "
        f"{', '.join(sorted(TRUE_WORDS))} or {', '.join(sorted(FALSE_WORDS))}, or leave it empty."
    )


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def read_or_create_secret(path: Path, nbytes: int = 50) -> str:
    """Return the secret stored at `path`, creating it (mode 0600) on first use."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(nbytes))
    return path.read_text().strip()


BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("STREHE_VAR_DIR", BASE_DIR / "var")).resolve()

SECRET_KEY = os.environ.get("SECRET_KEY") or read_or_create_secret(VAR_DIR / "secret_key")
DEBUG = env_flag("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
DEMO_MODE = env_flag("STREHE_DEMO")
HTTPS = env_flag("STREHE_HTTPS")

INSTALLED_APPS = [
    # modeltranslation must come before the admin so that it can patch admin forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "django_htmx",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    # Swagger UI's files served from our own static files, never a CDN.
    "drf_spectacular_sidecar",
    "strehe.core",
    "strehe.directory",
    # --- Screening and helpline (issue 5) ---
    "strehe.screening",
    "strehe.helpline",
    "strehe.accounts",
    "strehe.portal",
    # The "16 Days of Activism" campaign pages, their moderated comments and the anonymous
    # contact form (public writing, with its spam checks).
    "strehe.campaigns",
    "strehe.audit",
    "strehe.cases",
    # Shelter placement and occupancy (issue 13).
    "strehe.shelters",
    # Referrals of cases between agencies (issue 13).
    "strehe.referrals",
    # My work, the staff home: reads cases and helpline contacts.
    "strehe.work",
    "strehe.interchange",
    # Statistics: aggregates of persons, disclosure control, narrative, exports (issue 14).
    "strehe.statistics",
    "strehe.setup",
    "strehe.api",
]

MIDDLEWARE = [
    # First, so that every audit entry written while answering knows the client and request id.
    "strehe.core.context.RequestContextMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # After OTP so that an idle session is ended before any view sees the verified user.
    "strehe.accounts.middleware.IdleTimeoutMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Axes goes last so that it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "strehe.urls"
WSGI_APPLICATION = "strehe.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                # Whether the page is a staff page: base.html then drops the public quick exit.
                "strehe.core.context_processors.layout",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------------------------

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'strehe.sqlite3'}"),
        conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    # IMMEDIATE takes the write lock at BEGIN, so two writers queue on the busy timeout
    # instead of one failing with "database is locked" halfway through a transaction.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ------------------------------------------------------------------------------------

# REDIS_URL (redis://127.0.0.1:6379/0): one cache shared by every application server. Without
# it each process keeps its own in memory, which is all `make run` needs. Only rendered public
# pages are cached (strehe.portal.caching), never anything about a person, and a cached page is
# keyed by the content it shows, so neither choice can serve a stale page.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "strehe"}
    )
}

# --- Accounts and login -----------------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Named URLs, so that the login page keeps the reader's language prefix (/sq/staff/login/).
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"

# --- Internationalisation ---------------------------------------------------------------------

LANGUAGE_CODE = "sq"
LANGUAGES = [
    ("sq", _("Albanian")),
    ("sr", _("Serbian")),
    ("en", _("English")),
]
# Built by `make compilemessages` from Django's sr_Latn catalogs (see the Makefile).
LOCALE_PATHS = [BASE_DIR / "strehe" / "locale"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "sq"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("sq", "en")
TIME_ZONE = "Europe/Belgrade"
USE_I18N = True
USE_TZ = True
# One date and time format per language (strehe/formats/<language>/formats.py).
FORMAT_MODULE_PATH = ["strehe.formats"]

# --- Static files -----------------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# --- Security ---------------------------------------------------------------------------------

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
CSRF_COOKIE_HTTPONLY = True
# The CSRF cookie dies with the browser, like the session: nothing of a staff login stays a year
# on a shared computer.
CSRF_COOKIE_AGE = None
SECURE_CONTENT_TYPE_NOSNIFF = True
# No referrer ever leaves for another host. Not "no-referrer": with it, browsers send
# "Origin: null" on same-site form posts, and Django's CSRF check then refuses every login.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if HTTPS:
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Nothing is loaded from another host, ever: no fonts, scripts, images or analytics.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
    },
}

# --- django-axes: lockout per username and address, and a throttle per address ---------------

# Five failures lock one username from one address for 30 minutes; fifty failures from one
# address lock that address for every username (strehe/accounts/lockout.py). A lock never follows
# an account to another address, so nobody can lock staff out of their own desks, and an
# agency's office behind one NAT address is not locked by one colleague's typos.
AXES_HANDLER = "strehe.accounts.lockout.AccountAndAddressHandler"
AXES_FAILURE_LIMIT = 5
STREHE_ADDRESS_FAILURE_LIMIT = 50
AXES_COOLOFF_TIME = 0.5  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
# Masked in axes' log lines and kept out of the stored attempt data (the one-time code typed at
# the admin login); axes masks the password itself.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "otp_token"]
# The attempts list is shown to administrators by strehe.accounts.admin (role MANAGE_USERS), where
# unlocking is audited; axes' own admin would show it to superusers only, and unaudited.
AXES_ENABLE_ADMIN = False

# --- REST API ---------------------------------------------------------------------------------

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "strehe.api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # Deny by default: a view that does not say who may use it is for verified staff only.
    "DEFAULT_PERMISSION_CLASSES": ["strehe.api.permissions.VerifiedStaff"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_THROTTLE_CLASSES": [
        "strehe.api.permissions.TokenRateThrottle",
        "strehe.api.permissions.AnonymousRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "token": os.environ.get("STREHE_API_RATE_TOKEN", "") or "600/minute",
        "user": os.environ.get("STREHE_API_RATE_TOKEN", "") or "600/minute",
        "anon": os.environ.get("STREHE_API_RATE_ANONYMOUS", "") or "120/minute",
    },
    "EXCEPTION_HANDLER": "strehe.api.errors.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Strehë API",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "strehe.api.schema.error_responses",
    ],
    # Choice sets that come under several field names: one enum each.
    "ENUM_NAME_OVERRIDES": {
        "DimensionEnum": "strehe.statistics.forms.DIMENSION_CHOICES",
        "StatisticsLanguageEnum": "strehe.statistics.report.LANGUAGES",
        "LanguageEnum": "strehe.helpline.models.Language",
        "StatusEnum": "strehe.cases.codes.TraffickingStatus",
        "StatisticsStatusEnum": "strehe.statistics.forms.STATUS_CHOICES",
    },
}

# --- Access and audit (accounts, audit, cases) -------------------------------------------------

# A staff session ends after 30 idle minutes: the middleware checks the last activity stored in
# the session, and the session itself expires 30 minutes after the last request it saw.
STREHE_IDLE_TIMEOUT_SECONDS = 30 * 60
SESSION_COOKIE_AGE = STREHE_IDLE_TIMEOUT_SECONDS
SESSION_SAVE_EVERY_REQUEST = True
# A staff session dies with the browser; nothing of it is left on a shared computer.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
OTP_TOTP_ISSUER = "Strehë"
# A locked account gets a translated page (status 429) instead of axes' plain-text default.
AXES_LOCKOUT_CALLABLE = "strehe.accounts.views.locked_out"


def read_or_create_fernet_key(path: Path) -> str:
    """Return the Fernet key(s) stored at `path`, creating one (mode 0600) on first use."""
    if not path.exists():
        from cryptography.fernet import Fernet

        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(Fernet.generate_key().decode("ascii"))
    return path.read_text().strip()


# Encrypted columns use their own keys, not SECRET_KEY: rotating the session secret must never
# make personal data unreadable. The first key encrypts; every key decrypts.
# var/field_keys holds one key per line, newest first.
FIELD_ENCRYPTION_KEYS = env_list("STREHE_FIELD_KEYS", "") or [
    line.strip()
    for line in read_or_create_fernet_key(VAR_DIR / "field_keys").splitlines()
    if line.strip()
]
LOOKUP_HASH_KEY = os.environ.get("STREHE_LOOKUP_KEY") or read_or_create_secret(
    VAR_DIR / "lookup_key"
)
AUDIT_CHAIN_KEY = os.environ.get("STREHE_AUDIT_KEY") or read_or_create_secret(VAR_DIR / "audit_key")
# The audit chain's last checkpoint (head entry, hash, count, time): a file the database role
# cannot change, so `strehe audit verify` notices a log that was emptied or shortened.
AUDIT_CHECKPOINT_FILE = Path(
    os.environ.get("STREHE_AUDIT_CHECKPOINT") or VAR_DIR / "audit_checkpoint"
).resolve()
# How long the receiving agency has to answer a referral, in hours, by urgency; an unanswered
# referral past its time is flagged in its sender's My work. The time is fixed when it is sent.
REFERRAL_ANSWER_HOURS = {"immediate": 4, "urgent": 24, "routine": 120}
# Pseudonymous case codes look like KS-2026-00042.
STREHE_CASE_CODE_PREFIX = os.environ.get("STREHE_CASE_CODE_PREFIX", "KS")
# Published statistics never show a count from 1 to this minus one (strehe.statistics.disclosure).
STREHE_STATISTICS_THRESHOLD = 5

# Public writing (campaign comments, the anonymous contact form). Comments wait for a moderator
# unless STREHE_COMMENTS_PREMODERATED=0. A form sent sooner than the minimum after it was opened,
# or a client's post beyond the limit within the window, is refused and stores nothing.
STREHE_COMMENTS_PREMODERATED = env_flag("STREHE_COMMENTS_PREMODERATED", default=True)
STREHE_PUBLIC_FORM_MIN_SECONDS = 4
STREHE_PUBLIC_POST_LIMIT = 5
STREHE_PUBLIC_POST_WINDOW_SECONDS = 3600

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
