from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

from cocreate.accounts.models import User


class AuthedRequest(HttpRequest):
    """A request from a signed-in person (behind personal_page or the API's authentication)."""

    user: User
    htmx: HtmxDetails
