"""Production collects the static files with hashed names (WhiteNoise's manifest): every
asset, vendored ones included, must collect cleanly."""

import json
import os
import subprocess
import sys


def test_every_static_file_collects_for_production(tmp_path):
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "test-only-secret-key-that-is-long-enough-for-django-checks-1234",
        "DATA_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-m", "cocreate", "collectstatic", "--no-input", "-v", "0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert result.returncode == 0, result.stderr[-3000:]
    manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())["paths"]
    assert "vendor/vega-embed.min.js" in manifest
    assert "cocreate/app.css" in manifest
