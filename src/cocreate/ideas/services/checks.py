"""Input checks every ideas service shares, with the sentences people read."""

from cocreate.core.errors import InvalidInput


def text(value: object, field: str, *, label: str, most: int, least: int = 1) -> str:
    """A stripped text of `least` to `most` characters, else InvalidInput on `field`."""
    cleaned = str(value if value is not None else "").strip()
    if least and not cleaned:
        wanted = "something" if least == 1 else f"at least {least} characters"
        message = f"{label} is empty: write {wanted}."
        raise InvalidInput(message, fields={field: [message]})
    if len(cleaned) < least:
        message = f"{label} is too short: write at least {least} characters."
        raise InvalidInput(message, fields={field: [message]})
    if len(cleaned) > most:
        message = f"{label} is too long: {len(cleaned):,} characters, at most {most:,}."
        raise InvalidInput(message, fields={field: [message]})
    return cleaned
