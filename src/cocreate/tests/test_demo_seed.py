"""The demo is reproducible (kept apart from test_demo.py, whose tests share one loaded
demo)."""

from django.core.management import call_command

from cocreate.accounts.models import User


def test_the_same_seed_gives_the_same_people(db):
    call_command("demo", seed=7, customers=20, verbosity=0)
    first = list(User.objects.order_by("email").values_list("email", "name"))
    call_command("demo", seed=7, customers=20, reset=True, verbosity=0)

    assert list(User.objects.order_by("email").values_list("email", "name")) == first
