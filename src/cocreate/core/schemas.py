from typing import Any

from ninja import Schema
from pydantic import ConfigDict


class InputSchema(Schema):
    """A request body: unknown fields are refused, never ignored. Use StrictBool for
    booleans, so that "yes" or 1 is refused rather than guessed at.

    Give each one an example (json_schema_extra={"examples": [...]}): the API docs show it
    and the tenant-isolation test sends it.
    """

    model_config = ConfigDict(extra="forbid")


def examples(*given: dict[str, Any]) -> ConfigDict:
    """An input schema's config with its examples (and, as for every input, no extras)."""
    return ConfigDict(extra="forbid", json_schema_extra={"examples": list(given)})
