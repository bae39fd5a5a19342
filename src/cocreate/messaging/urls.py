from django.urls import path

from cocreate.messaging.views import deliveries, inbox, notifications, webhooks, wording

# Included under /me/ (the person's own) and /o/<org>/ (the organisation's).
personal_patterns = [
    path("inbox/", inbox.inbox, name="inbox"),
    path("inbox/read/", inbox.inbox_read_all, name="inbox_read_all"),
    path("inbox/<int:message_id>/read/", inbox.inbox_read, name="inbox_read"),
    path(
        "notifications/",
        notifications.notification_settings,
        name="notification_settings",
    ),
]

org_patterns = [
    path("messages/", deliveries.deliveries, name="deliveries"),
    path("messages/<int:message_id>/", deliveries.delivery, name="delivery"),
    path("messages/<int:message_id>/retry/", deliveries.delivery_retry, name="delivery_retry"),
    path("messages/wording/", wording.wording, name="wording"),
    path("messages/wording/<slug:kind>/", wording.wording_edit, name="wording_edit"),
    path("webhooks/", webhooks.webhooks, name="webhooks"),
    path("webhooks/<int:endpoint_id>/", webhooks.webhook, name="webhook"),
    path("webhooks/<int:endpoint_id>/delete/", webhooks.webhook_delete, name="webhook_delete"),
    path(
        "webhook-deliveries/<int:delivery_id>/replay/",
        webhooks.webhook_replay,
        name="webhook_replay",
    ),
]
