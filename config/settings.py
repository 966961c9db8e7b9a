"""Settings, read from environment variables with embedded defaults.

With nothing set: SQLite in the project folder, Celery tasks run eagerly in the
web process, DEBUG on. See the README for every variable.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
import django_stubs_ext
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from config.caches import PER_PROCESS_CACHES, cache_from_url, redis_cache_url
from config.env import (
    derived_fernet_key,
    env_bool,
    env_dates,
    env_int,
    env_list,
    env_secret,
    env_str,
    env_weekdays,
)

django_stubs_ext.monkeypatch()  # lets generic Django classes be subscripted for type hints

BASE_DIR = Path(__file__).resolve().parent.parent

DJANGO_ENV = env_str("DJANGO_ENV", "development")
if DJANGO_ENV not in ("development", "production"):
    raise ImproperlyConfigured(f"DJANGO_ENV must be development or production, not {DJANGO_ENV!r}")
PRODUCTION = DJANGO_ENV == "production"

DEBUG = False if PRODUCTION else env_bool("DEBUG", True)

SECRET_KEY = env_secret("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if PRODUCTION:
    required = (("SECRET_KEY", SECRET_KEY), ("ALLOWED_HOSTS", ALLOWED_HOSTS))
    missing = [name for name, value in required if not value]
    if missing:
        raise ImproperlyConfigured(
            f"DJANGO_ENV=production needs {' and '.join(missing)} set in the environment "
            "(SECRET_KEY may also come from the file named by SECRET_KEY_FILE)."
        )
else:
    SECRET_KEY = SECRET_KEY or "development-only-key-never-used-in-production"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]", "testserver"]

CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "csp",
    "crispy_forms",
    "crispy_bootstrap5",
    "config.apps.ConfigConfig",
    "patients",
    "screening",
    "treatment",
    "screening.apitokens",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # /healthz answers here, before host validation (the probe uses the instance's address).
    "config.health.HealthCheckMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The patient's language: the switch's cookie, else the browser's (Accept-Language).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # No NUL character reaches a view (PostgreSQL text cannot hold one).
    "config.requests.StripNulMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A patient's account keeps their language; staff always read English.
    "patients.language.AccountLanguageMiddleware",
    # Every view needs a signed-in user unless it opts out with @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "patients.middleware.StaffSecondFactorMiddleware",
    "patients.middleware.IdleTimeoutMiddleware",
    # A staff API token, on the views the matrix opens to tokens only.
    "screening.apitokens.middleware.ApiTokenMiddleware",
    # Every view's allowed roles come from one matrix (config/access.py).
    "config.access.AccessMiddleware",
    # Pages shown to a signed-in user are never stored by a browser or a proxy.
    "config.access.NoStoreMiddleware",
    # After an at-home dose the patient lands on the readings until they are done.
    "treatment.home.middleware.ReadingsFirstMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = env_str("ROOT_URLCONF", "config.urls")
# No form of ours comes near these; a bigger request is refused before it is read.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("MAX_REQUEST_BYTES", 256 * 1024)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 400
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "patients.language.page_language",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "patients.context_processors.role",
                "patients.context_processors.clinic",
                "screening.rulesets.context_processors.signoff_waiting",
                "treatment.courses.context_processors.has_course",
            ],
        },
    },
]

DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60), conn_health_checks=True
        )
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(BASE_DIR / env_str("SQLITE_NAME", "db.sqlite3")),
            # Writers queue for the lock from the start of a transaction instead of
            # failing mid-way: SQLite has no row locks to offer.
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
            # Tests use a file, not memory, so that concurrent connections wait for
            # each other's locks as they do in production (SQLITE_TEST_NAME: a second run
            # side by side).
            "TEST": {"NAME": str(BASE_DIR / env_str("SQLITE_TEST_NAME", "test-db.sqlite3"))},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "patients.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "home"

# Accounts (django-allauth): email and password, verified email, throttled sign-in.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = env_str("ACCOUNT_EMAIL_VERIFICATION", "mandatory")
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_SIGNUP_FORM_CLASS = "patients.forms.PatientSignupForm"
ACCOUNT_EMAIL_SUBJECT_PREFIX = None  # set from CLINIC_NAME below
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_ADAPTER = "patients.accounts.AccountAdapter"
# Only verified addresses count, are taken, and receive reset links (patients/accounts.py).
ACCOUNT_FORMS = {
    "signup": "patients.accounts.SignupForm",
    "reset_password": "patients.accounts.ResetPasswordForm",
    "add_email": "patients.accounts.ChangeEmailForm",
}
ACCOUNT_PASSWORD_RESET_TOKEN_GENERATOR = "patients.reset_tokens.ResetTokenGenerator"  # noqa: S105
# One address per account: a change waits, unverified, until its owner confirms it
# (allauth holds the pending address beside the current one, hence 2).
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_MAX_EMAIL_ADDRESSES = 2
# A reset link lasts an hour, and a newer link voids the older ones.
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_SECONDS", 3600)
# Who the client is behind a load balancer, for sign-in throttling and the audit trail:
# the client address comes from X-Forwarded-For only when the proxies in front are
# counted here (the header alone can be forged), or from a header the proxy sets.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env_str("TRUSTED_CLIENT_IP_HEADER") or None
# Second factor: TOTP with recovery codes; required of clinicians and admins. Secrets
# are stored encrypted with MFA_ENCRYPTION_KEY (comma-separated keys rotate: the first
# encrypts, any decrypts); outside production a key is derived from SECRET_KEY.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Ketamine therapy screening"
MFA_ADAPTER = "patients.mfa.EncryptingMFAAdapter"
# Signing a monitoring record asks the second factor again when the last one entered in the
# session is older than this.
SIGN_REAUTH_MINUTES = env_int("SIGN_REAUTH_MINUTES", 15)
# The code fields open a phone's numeric keypad (patients/mfa_forms.py).
MFA_FORMS = {
    "authenticate": "patients.mfa_forms.NumericAuthenticateForm",
    "reauthenticate": "patients.mfa_forms.NumericReauthenticateForm",
    "activate_totp": "patients.mfa_forms.NumericActivateTOTPForm",
}
MFA_ENCRYPTION_KEYS = [
    k.strip() for k in env_secret("MFA_ENCRYPTION_KEY").split(",") if k.strip()
] or ([] if PRODUCTION else [derived_fernet_key(SECRET_KEY)])
if PRODUCTION and not MFA_ENCRYPTION_KEYS:
    raise ImproperlyConfigured(
        "DJANGO_ENV=production needs MFA_ENCRYPTION_KEY (a Fernet key: "
        'python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"'
        "), or MFA_ENCRYPTION_KEY_FILE."
    )

# The review queue: when a waiting case counts as overdue, by priority (hours).
OVERDUE_AFTER_HOURS = {
    "urgent": env_int("OVERDUE_URGENT_HOURS", 1),
    "high": env_int("OVERDUE_HIGH_HOURS", 24),
    "routine": env_int("OVERDUE_ROUTINE_HOURS", 72),
}
QUEUE_PAGE_SIZE = env_int("QUEUE_PAGE_SIZE", 25)
# The usual time a clinician takes to review a questionnaire, in working days: the patient's
# emailed receipt and account page promise it.
REVIEW_USUAL_DAYS = env_int("REVIEW_USUAL_DAYS", 2)
PATIENTS_PAGE_SIZE = env_int("PATIENTS_PAGE_SIZE", 25)
# Four eyes: nobody who made or edited a rule-set draft may publish it.
RULESET_FOUR_EYES = env_bool("RULESET_FOUR_EYES", True)
# The clinic (treatment/): emergency protocol shown with every urgent alert, fasting
# windows asked before an in-clinic dose, record deadlines, follow-up task deadlines.
CLINIC_EMERGENCY_PROTOCOL = env_str(
    "CLINIC_EMERGENCY_PROTOCOL",
    "Stay with the patient and call for help. Stop any further dosing. Check airway, "
    "breathing and circulation; give oxygen if SpO2 stays below the floor; place the patient "
    "on their side if sedation deepens. Call 911 for a patient who cannot be roused, "
    "is not breathing adequately, or has chest pain or signs of a stroke.",
)
CLINIC_FOOD_WINDOW_MINUTES = env_int("CLINIC_FOOD_WINDOW_MINUTES", 120)
CLINIC_DRINK_WINDOW_MINUTES = env_int("CLINIC_DRINK_WINDOW_MINUTES", 30)
CLINIC_RECORD_DEADLINE_DAYS = env_int("CLINIC_RECORD_DEADLINE_DAYS", 7)
# When clinicians work (in TIME_ZONE): follow-up deadlines count these hours only, and the
# crisis page promises an urgent review within them, nothing more.
CLINIC_OPEN_DAYS = env_weekdays("CLINIC_OPEN_DAYS", "mon-fri")
CLINIC_OPENS_HOUR = env_int("CLINIC_OPENS_HOUR", 9)
CLINIC_CLOSES_HOUR = env_int("CLINIC_CLOSES_HOUR", 17)
# Dates the clinic is closed (holidays), as YYYY-MM-DD separated by commas: no in-clinic
# session is offered or scheduled on them, nor on a weekday outside CLINIC_OPEN_DAYS.
CLINIC_CLOSED_DATES = env_dates("CLINIC_CLOSED_DATES")
FOLLOW_UP_TASK_MINUTES = env_int("FOLLOW_UP_TASK_MINUTES", 60)
# At home: a crisis-level reading, a call or a severe side effect raises a task due sooner;
# a go (or an overridden hold) lets the patient start the dose for this long.
URGENT_TASK_MINUTES = env_int("URGENT_TASK_MINUTES", 15)
CLINIC_PHONE = env_str("CLINIC_PHONE", "")  # shown to patients at home as a tel: link
# Texts (SMS) of reminders, to patients who gave a mobile number: config/sms.py. The console
# in development; in production none unless a provider is set (config.sms.TwilioBackend with
# SMS_ACCOUNT_ID, SMS_AUTH_TOKEN and SMS_FROM).
SMS_BACKEND = env_str(
    "SMS_BACKEND", "config.sms.ConsoleBackend" if DEBUG else "config.sms.DisabledBackend"
)
SMS_ACCOUNT_ID = env_str("SMS_ACCOUNT_ID")
SMS_AUTH_TOKEN = env_secret("SMS_AUTH_TOKEN")
SMS_FROM = env_str("SMS_FROM")
SMS_API_URL = env_str(
    "SMS_API_URL", "https://api.twilio.com/2010-04-01/Accounts/{account}/Messages.json"
)
HOME_CHECK_IN_VALID_MINUTES = env_int("HOME_CHECK_IN_VALID_MINUTES", 180)
# Therapy around each dose: preparation within this many days before it, integration
# within this many days after it (a missed integration shows on the today board).
PREPARATION_WINDOW_DAYS = env_int("PREPARATION_WINDOW_DAYS", 3)
INTEGRATION_WINDOW_DAYS = env_int("INTEGRATION_WINDOW_DAYS", 3)
if not 0 <= PREPARATION_WINDOW_DAYS <= 30 or not 0 <= INTEGRATION_WINDOW_DAYS <= 30:
    raise ImproperlyConfigured("PREPARATION_ and INTEGRATION_WINDOW_DAYS must be 0 to 30 days")
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",  # reads older hashes, upgrades on sign-in
]
# Sessions end after this much idle time, by role (seconds).
SESSION_IDLE_SECONDS_STAFF = env_int("SESSION_IDLE_SECONDS_STAFF", 15 * 60)
SESSION_IDLE_SECONDS_PATIENT = env_int("SESSION_IDLE_SECONDS_PATIENT", 30 * 60)
# ...and after this long whatever the activity: keeping busy never extends a session for ever.
SESSION_MAX_SECONDS_STAFF = env_int("SESSION_MAX_SECONDS_STAFF", 12 * 3600)
SESSION_MAX_SECONDS_PATIENT = env_int("SESSION_MAX_SECONDS_PATIENT", 24 * 3600)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The patient side speaks these; staff pages stay English (patients/language.py).
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Outside production, serve static files straight from the app folders (no collectstatic).
WHITENOISE_USE_FINDERS = not PRODUCTION
# Files served at the site's root, where browsers look for them (/favicon.ico).
WHITENOISE_ROOT = BASE_DIR / "public"
WHITENOISE_AUTOREFRESH = not PRODUCTION

MESSAGE_TAGS = {40: "danger"}  # messages.ERROR shown as Bootstrap's "danger"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Email: the console by default, SMTP as soon as EMAIL_HOST is set.
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_secret("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
if PRODUCTION and not (EMAIL_HOST or env_str("EMAIL_BACKEND")):
    # Without a mail server, password-reset links would be written to the server log.
    raise ImproperlyConfigured(
        "DJANGO_ENV=production needs EMAIL_HOST (an SMTP server) or a deliberate "
        "EMAIL_BACKEND: otherwise emails, password-reset links among them, go to the log."
    )
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "screening@localhost")
# Where links in emails point.
# Links in emails are built from this, never from the request's Host header.
SITE_URL = env_str("SITE_URL", "" if PRODUCTION else "http://127.0.0.1:8000").rstrip("/")
if PRODUCTION and not SITE_URL.startswith("https://"):
    raise ImproperlyConfigured(
        "DJANGO_ENV=production needs SITE_URL, the https:// address patients and staff use "
        "(links in emails are built from it)."
    )
# The clinic's name, in every email and page title that names the service.
CLINIC_NAME = env_str("CLINIC_NAME", "Ketamine therapy screening")
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{CLINIC_NAME}] "

# Celery: a real broker when CELERY_BROKER_URL is set, otherwise tasks run
# eagerly in the calling process so that a bare checkout needs no Redis.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
if not CELERY_BROKER_URL:
    CELERY_BROKER_URL = "memory://localhost/"
CELERY_RESULT_BACKEND = env_str(
    "CELERY_RESULT_BACKEND",
    CELERY_BROKER_URL if CELERY_BROKER_URL.startswith("redis") else "cache+memory://",
)
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A submit must not hang on a broker that is down: the notification row waits instead.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
# Program outcomes (issue 26): the evaluation point (a measure after this session, or the
# last of a course ended before it), and the plan-review prompt: a PHQ-9 fallen less than
# this percent from baseline by this session opens a task for the course's clinician.
OUTCOMES_EVALUATION_SESSION = env_int("OUTCOMES_EVALUATION_SESSION", 6)
OUTCOMES_REVIEW_SESSION = env_int("OUTCOMES_REVIEW_SESSION", 4)
OUTCOMES_REVIEW_MIN_FALL_PERCENT = env_int("OUTCOMES_REVIEW_MIN_FALL_PERCENT", 20)
# How old the outcomes page's figures may be: beat aggregates the default view this often.
OUTCOMES_REFRESH_SECONDS = env_int("OUTCOMES_REFRESH_SECONDS", 300)
# How old the dashboard's figures may be: beat aggregates them anew this often.
DASHBOARD_REFRESH_SECONDS = env_int("DASHBOARD_REFRESH_SECONDS", 300)
CELERY_BEAT_SCHEDULE = {
    "deliver-pending-notifications": {
        "task": "screening.notifications_deliver_pending",
        "schedule": env_int("NOTIFICATION_SWEEP_SECONDS", 300),
    },
    "escalate-overdue-cases": {
        "task": "screening.cases_escalate_overdue",
        "schedule": env_int("ESCALATION_SWEEP_SECONDS", 600),
    },
    "daily-digest": {
        "task": "screening.digests_send",
        "schedule": crontab(hour=env_int("DIGEST_HOUR", 7), minute=0),
    },
    "remind-unsigned-records": {
        "task": "treatment.records_remind_unsigned",
        "schedule": crontab(hour=env_int("UNSIGNED_REMINDER_HOUR", 8), minute=0),
    },
    "remind-patients": {
        "task": "treatment.reminders_send",
        "schedule": env_int("REMINDER_SWEEP_SECONDS", 60),
    },
    "watch-home-readings": {
        "task": "treatment.readings_watch",
        "schedule": env_int("READING_WATCH_SECONDS", 60),
    },
    "notify-urgent-tasks": {
        "task": "treatment.tasks_notify_pending",
        "schedule": env_int("NOTIFICATION_SWEEP_SECONDS", 300),
    },
    "escalate-overdue-tasks": {
        "task": "treatment.tasks_escalate_overdue",
        "schedule": env_int("ESCALATION_SWEEP_SECONDS", 600),
    },
    "clear-expired-sessions": {
        "task": "patients.sessions_clear_expired",
        "schedule": crontab(hour=3, minute=30),
    },
    "refresh-dashboard": {
        "task": "screening.dashboard_refresh",
        "schedule": DASHBOARD_REFRESH_SECONDS,
    },
    "sweep-plan-reviews": {
        "task": "treatment.plan_reviews_sweep",
        "schedule": env_int("PLAN_REVIEW_SWEEP_SECONDS", 900),
    },
    "refresh-outcomes": {
        "task": "treatment.outcomes_refresh",
        "schedule": OUTCOMES_REFRESH_SECONDS,
    },
}
# Task modules outside the apps' own tasks.py.
CELERY_IMPORTS = (
    "screening.dashboard.tasks",
    "treatment.followup.tasks",
    "treatment.clinic.tasks",
    "treatment.home.tasks",
    "treatment.outcomes.tasks",
)
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5}

# The cache holds sign-in throttles and used second-factor codes, so every worker must
# share it: Redis (CACHE_URL, or database 1 of the broker's Redis), else the database.
CACHE_URL = env_str("CACHE_URL") or redis_cache_url(env_str("CELERY_BROKER_URL"))
CACHES = {"default": cache_from_url(CACHE_URL)}
if PRODUCTION and CACHES["default"]["BACKEND"] in PER_PROCESS_CACHES:
    raise ImproperlyConfigured(
        "DJANGO_ENV=production needs a cache shared by every worker (Redis or the "
        "database): sign-in throttles and used second-factor codes live in it."
    )

# Content-Security-Policy: everything from this host; no inline or foreign scripts.
# Inline style attributes are allowed (progress bar widths); data: images are
# Bootstrap's form icons and the QR code of the second-factor setup.
CONTENT_SECURITY_POLICY = {
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
    }
}

# Security headers for every environment; TLS-only settings in production.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the load balancer probes over plain HTTP
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    if env_bool("BEHIND_TLS_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "config.logfilter.RedactHealthData"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["redact"]}
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # The development server's access log has a handler of its own in Django's defaults,
    # which would write query strings (a token someone put there) in full.
    "loggers": {"django.server": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}
