import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cocreate.settings")
application = get_wsgi_application()
# Import every view as the worker starts, not on its first request: that request, and
# every one behind it, would otherwise wait the few seconds the imports take.
get_resolver().url_patterns  # noqa: B018 (evaluated for its side effect)
