"""Every API schema has its own name: two with one name would share one definition in the
OpenAPI document, and clients would validate answers against the wrong one."""

import inspect
from collections import defaultdict

from django.apps import apps
from ninja import Schema


def test_no_two_api_schemas_share_a_name():
    where = defaultdict(set)
    for config in apps.get_app_configs():
        if not config.name.startswith("cocreate."):
            continue
        try:
            module = __import__(f"{config.name}.schemas", fromlist=["*"])
        except ModuleNotFoundError:
            continue
        for name, thing in vars(module).items():
            ours = inspect.isclass(thing) and thing.__module__ == module.__name__
            if ours and issubclass(thing, Schema):
                where[name].add(config.name)
    assert {name: apps_ for name, apps_ in where.items() if len(apps_) > 1} == {}
