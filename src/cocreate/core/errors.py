"""Errors a service raises when a request cannot be carried out.

Views turn them into form errors or messages, the API into its one error shape
(`{"error": {"code", "message", "fields"}}`), so both say the same thing.
"""


class ServiceError(Exception):
    status = 400
    code = "invalid"

    def __init__(
        self, message: str, *, code: str | None = None, fields: dict[str, list[str]] | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        self.fields = fields or {}


class InvalidInput(ServiceError):
    status = 422
    code = "validation_error"


class Conflict(ServiceError):
    status = 409
    code = "conflict"


class Gone(ServiceError):
    status = 410
    code = "gone"


class NotAllowed(ServiceError):
    status = 403
    code = "forbidden"


class NotFound(ServiceError):
    status = 404
    code = "not_found"


# The database is away (restarting, failing over, too busy): nothing was saved, and the
# same request, sent again in a few seconds, will work. Clients get 503 and Retry-After.
DATABASE_AWAY = "The service is briefly unavailable; nothing was saved. Try again in a few seconds."
RETRY_AFTER_SECONDS = 5


def database_away(exc: BaseException) -> bool:
    from django.db import InterfaceError, OperationalError

    return isinstance(exc, OperationalError | InterfaceError)
