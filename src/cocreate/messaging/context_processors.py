from typing import Any

from django.http import HttpRequest

from cocreate.messaging.selectors import unread_count


def inbox(request: HttpRequest) -> dict[str, Any]:
    """The unread count beside the inbox link, on every page."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_messages": unread_count(user)}
