"""Cocreate's engines: plain Python that does the real work (profiles, and later rules,
scheduling, ranking, statistics). They take and return plain data and never import
Django or the apps (enforced by engines/ruff.toml); a service loads, calls, saves."""
