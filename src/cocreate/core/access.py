"""Every page and API operation declares who may reach it.

The declaration is an attribute (`cocreate_access`) on the view and an `x-cocreate-access`
entry on the API operation. The tenant-isolation test walks every route and refuses one
that declares nothing, so a new route cannot forget its access rule. Organisation routes
use `cocreate.organisations.access`; this module holds the declarations that involve no
organisation: public pages, and pages and operations on the signed-in person's own data.
"""

from collections.abc import Callable, Sequence
from functools import partial, wraps
from typing import Any, TypeVar

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from ninja.operation import Operation
from ninja.utils import contribute_operation_callback

ACCESS_ATTRIBUTE = "cocreate_access"
METHODS_ATTRIBUTE = "cocreate_methods"
PAGE_METHODS = ("GET", "POST")
PUBLIC = "public"  # anyone, signed in or not
PERSONAL = "personal"  # any signed-in person, about their own data only

View = TypeVar("View", bound=Callable[..., Any])


def keep_signature(func: View) -> Callable[[Callable[..., Any]], View]:
    """`functools.wraps`, typed to keep the wrapped function's type for mypy."""
    return wraps(func)  # type: ignore[return-value]


def declare(view: View, access: str, methods: Sequence[str] = PAGE_METHODS) -> View:
    setattr(view, ACCESS_ATTRIBUTE, access)
    setattr(view, METHODS_ATTRIBUTE, tuple(methods))
    return view


def allow_methods(view: Callable[..., HttpResponse], methods: Sequence[str]) -> Any:
    """Answer 405 to other methods, after the access checks that wrap this."""

    @keep_signature(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method not in methods:
            return HttpResponseNotAllowed(methods)
        return view(request, *args, **kwargs)

    return wrapper


def public_page(view: View) -> View:
    return declare(view, PUBLIC)


def personal_page(
    methods: Sequence[str] = PAGE_METHODS,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """A page about the signed-in person's own data."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        return declare(login_required(allow_methods(view, methods)), PERSONAL, methods)

    return decorate


def document_operation(operation: Operation, access: str) -> None:
    operation.openapi_extra = {**(operation.openapi_extra or {}), "x-cocreate-access": access}


def declare_operation(func: View, access: str) -> View:
    contribute_operation_callback(func, partial(document_operation, access=access))
    return declare(func, access)


def personal_operation(func: View) -> View:
    """An API operation on the caller's own data (the API's authentication applies)."""
    return declare_operation(func, PERSONAL)
