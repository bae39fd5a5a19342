"""Settings come from the environment; production settings pass Django's deploy checks."""

import os
import subprocess
import sys

PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "x7#kq-" + "a-long-random-production-secret-value-of-fifty-plus-chars",
    "ALLOWED_HOSTS": "cocreate.example.org",
    "DATABASE_URL": "sqlite:///:memory:",
    "EMAIL_URL": "submission://mailer:secret@mail.example.org:587",
}


def cocreate(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    # Only what each test sets: not the developer's settings, nor the test run's own.
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in PRODUCTION and k not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "HTTPS"}
    }
    return subprocess.run(
        [sys.executable, "-m", "cocreate", *args],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_checks_without_warnings():
    result = cocreate("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = cocreate("check", **{**PRODUCTION, "SECRET_KEY": ""})

    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off." in result.stderr


def test_a_value_that_is_not_a_boolean_is_refused_by_name():
    result = cocreate("check", DEBUG="maybe")

    assert result.returncode != 0
    assert "DEBUG='maybe' is not a boolean" in result.stderr


def test_the_database_and_mail_come_from_urls():
    result = cocreate(
        "shell",
        "--verbosity=0",
        "-c",
        "from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_USE_TLS)",
        DATABASE_URL="postgres://u:p@db.example.org:5432/cocreate",
        EMAIL_URL="submission://mailer:secret@mail.example.org:587",
    )

    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "mail.example.org",
        "587",
        "True",
    ]


def test_the_command_lists_cocreates_own_commands():
    result = cocreate("help")

    assert result.returncode == 0
    assert "demo" in result.stdout
    assert "serve" in result.stdout
