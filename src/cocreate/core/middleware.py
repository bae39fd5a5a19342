from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from cocreate.core.errors import DATABASE_AWAY, RETRY_AFTER_SECONDS, ServiceError, database_away


class ServiceErrorMiddleware:
    """A page whose service refused the request shows the reason with its 4xx status, and
    a database that is away (restarting, failing over) gives 503 with Retry-After.

    Views catch the refusals they expect and put them on forms; this is the net under
    them, so a refusal never surfaces as a server error.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if database_away(exception):
            # Rendered without the request: the navigation would ask the database again.
            page = render_to_string("core/unavailable.html", {"message": DATABASE_AWAY})
            return HttpResponse(page, status=503, headers={"Retry-After": str(RETRY_AFTER_SECONDS)})
        if not isinstance(exception, ServiceError):
            return None
        return render(request, "core/refused.html", {"error": exception}, status=exception.status)
