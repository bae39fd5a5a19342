"""Secrets handed to people (API tokens, invitation links), stored only as digests.

A token has 256 random bits, so a plain SHA-256 is enough to store it: there is no
password to guess, and lookups by digest stay a single indexed query.
"""

import hashlib
import secrets


def new_token(prefix: str) -> tuple[str, str]:
    """Return (token to hand out once, digest to store)."""
    token = f"{prefix}_{secrets.token_urlsafe(32)}"
    return token, digest_of(token)


def digest_of(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
