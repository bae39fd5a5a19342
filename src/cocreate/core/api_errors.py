"""The API's one error shape: {"error": {"code": ..., "message": ..., "fields": {...}}}.

Ninja's own exceptions and our services' refusals are mapped here, field by field;
ApiErrorShapeMiddleware reshapes whatever else reaches an /api/ client (unknown paths,
wrong methods, oversized bodies, server errors), so no client ever parses two shapes.
"""

import json
import logging
from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from cocreate.core.errors import DATABASE_AWAY, RETRY_AFTER_SECONDS, ServiceError, database_away

logger = logging.getLogger(__name__)

CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    410: "gone",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "rate_limited",
    500: "server_error",
    503: "unavailable",
}
MESSAGES = {
    401: "Sign in, or send a personal API token as 'Authorization: Bearer <token>'.",
    403: "You may not do this.",
    404: "Not found.",
    405: "This method is not allowed here.",
    413: "The request body is too large.",
    500: "Something went wrong on our side; it has been logged.",
    503: DATABASE_AWAY,
}


def error_body(status: int, message: str, *, code: str = "", fields: Any = None) -> dict[str, Any]:
    return {
        "error": {
            "code": code or CODES.get(status, "error"),
            "message": message,
            "fields": fields or {},
        }
    }


def install(api: NinjaAPI) -> None:
    def reply(request: HttpRequest, status: int, message: str, **extra: Any) -> HttpResponse:
        return api.create_response(request, error_body(status, message, **extra), status=status)

    def on_service_error(request: HttpRequest, exc: ServiceError) -> HttpResponse:
        return reply(request, exc.status, exc.message, code=exc.code, fields=exc.fields)

    def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        fields: dict[str, list[str]] = {}
        for error in exc.errors:
            fields.setdefault(_field_name(error.get("loc", ())), []).append(_sentence(error))
        return reply(request, 422, "The request has invalid or missing values.", fields=fields)

    def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        message = str(exc)
        if exc.status_code == 400 and "parse" in message.lower():
            message = "The request body is not valid JSON."
        elif isinstance(exc, AuthenticationError):
            message = MESSAGES[401]
        return reply(request, exc.status_code, message)

    def on_not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
        return reply(request, 404, str(exc) or MESSAGES[404])

    def on_denied(request: HttpRequest, exc: Exception) -> HttpResponse:
        return reply(request, 403, str(exc) or MESSAGES[403])

    def on_too_big(request: HttpRequest, exc: Exception) -> HttpResponse:
        return reply(request, 413, MESSAGES[413])

    def on_anything_else(request: HttpRequest, exc: Exception) -> HttpResponse:
        if database_away(exc):
            logger.warning("The database is unavailable: %s", exc)
            response = reply(request, 503, DATABASE_AWAY)
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return response
        logger.exception("API error on %s %s", request.method, request.path, exc_info=exc)
        return reply(request, 500, MESSAGES[500])

    handlers: list[tuple[type[Exception], Callable[..., HttpResponse]]] = [
        (ServiceError, on_service_error),
        (ValidationError, on_validation_error),
        (HttpError, on_http_error),
        (Http404, on_not_found),
        (PermissionDenied, on_denied),
        (RequestDataTooBig, on_too_big),
        (Exception, on_anything_else),
    ]
    for exception, handler in handlers:
        api.add_exception_handler(exception, handler)


def _field_name(loc: Any) -> str:
    """('body', 'payload', 'email') -> 'email'; ('query', 'page') -> 'page'."""
    parts = [str(part) for part in loc]
    if parts and parts[0] == "body":
        parts = parts[2:] or ["body"]
    elif parts and parts[0] in {"query", "path", "header", "cookie", "form"}:
        parts = parts[1:]
    return ".".join(parts) or "body"


def _sentence(error: dict[str, Any]) -> str:
    if error.get("type") == "extra_forbidden":
        return "This field is not known here."
    if error.get("type") == "missing":
        return "This field is required."
    return str(error.get("msg", "Invalid value."))


class ApiErrorShapeMiddleware:
    """Reshape any 4xx/5xx an API client gets that is not already in our error shape."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith("/api/") or response.status_code < 400:
            return response
        if response.get("Content-Type", "").startswith("application/json") and _has_shape(response):
            return response
        status = response.status_code
        reshaped = JsonResponse(
            error_body(status, MESSAGES.get(status, "The request could not be handled.")),
            status=status,
        )
        for header in ("Allow", "Retry-After", "WWW-Authenticate"):
            if header in response:
                reshaped[header] = response[header]
        return reshaped


def _has_shape(response: HttpResponse) -> bool:
    try:
        return "error" in json.loads(response.content)
    except (ValueError, AttributeError):
        return False
