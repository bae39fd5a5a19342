from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from cocreate.core.errors import ServiceError


class ServiceErrorMiddleware:
    """A page whose service refused the request shows the reason with its 4xx status.

    Views catch the refusals they expect and put them on forms; this is the net under
    them, so a refusal never surfaces as a server error.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, ServiceError):
            return None
        return render(request, "core/refused.html", {"error": exception}, status=exception.status)
