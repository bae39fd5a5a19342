"""The manager that confines queries to the organisation in `scope(organisation=...)`."""

from typing import TYPE_CHECKING, TypeVar

from django.db import models
from django_scopes import ScopedManager

_Model = TypeVar("_Model", bound=models.Model)

if TYPE_CHECKING:

    class OrganisationScopedManager(models.Manager[_Model]):
        def with_scopes_disabled(self) -> "OrganisationScopedManager[_Model]": ...

else:
    # django-scopes builds its manager class inside a function; subclassing it here gives
    # the class a stable name, which django-stubs needs to type `Model.objects`.
    class OrganisationScopedManager(type(ScopedManager(organisation="organisation"))):
        pass
