from standardwebhooks.webhooks import Webhook

from cocreate.accounts.models import new_webhook_secret


def test_every_secret_is_a_valid_standard_webhooks_secret():
    secrets = {new_webhook_secret() for _ in range(300)}

    assert len(secrets) == 300
    for secret in secrets:
        assert secret.startswith("whsec_")
        assert len(Webhook(secret)._whsecret) == 32
