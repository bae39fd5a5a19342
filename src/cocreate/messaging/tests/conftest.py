import pytest

from cocreate.messaging.fake_provider import FakeProvider


@pytest.fixture
def provider(settings):
    """A fake SMS and social provider on 127.0.0.1, set up as Cocreate's provider."""
    server = FakeProvider().start()
    settings.SMS_PROVIDER_URL = f"{server.url}/sms"
    settings.SOCIAL_PROVIDER_URL = f"{server.url}/social"
    settings.SMS_PROVIDER_TOKEN = settings.SOCIAL_PROVIDER_TOKEN = "provider-token"
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def fast_retries(settings):
    settings.DELIVERY_BACKOFF_SECONDS = 0.0
    settings.DELIVERY_BACKOFF_CAP_SECONDS = 0.0
