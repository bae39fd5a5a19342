"""A backup made with pg_dump restores into an empty database with everything in it, as
docs/operations.md describes."""

import glob
import subprocess

import psycopg
import pytest
from django.db import connection
from django_scopes import scopes_disabled

from cocreate.conftest import make_org
from cocreate.offerings import services
from cocreate.offerings.models import Choice, Design
from cocreate.offerings.tests.conftest import build_unconference

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.postgresql,
]


def binary(name: str) -> str:
    return sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))[-1]


def test_a_dump_restores_every_design_and_seat(tmp_path):
    org = make_org("acme", "Acme Events")
    u = build_unconference(org)
    services.design_submit(
        offering=u.offering,
        membership=org.member(org.customer),
        options=[str(u.keynote.pk), str(u.in_person.pk)],
        answers={},
    )
    db = connection.settings_dict
    target = f"{db['NAME']}_restored"
    server = ["-h", db["HOST"], "-p", str(db["PORT"]), "-U", db["USER"]]
    dump = tmp_path / "cocreate.dump"

    subprocess.run([binary("pg_dump"), *server, "-Fc", "-f", str(dump), db["NAME"]], check=True)
    subprocess.run([binary("createdb"), *server, target], check=True)
    try:
        subprocess.run([binary("pg_restore"), *server, "-d", target, str(dump)], check=True)
        with psycopg.connect(
            host=db["HOST"], port=db["PORT"], user=db["USER"], dbname=target
        ) as restored:
            designs = restored.execute("select count(*) from offerings_design").fetchone()
            seats = restored.execute(
                "select seats_taken from offerings_option where id = %s", [u.keynote.pk]
            ).fetchone()
    finally:
        subprocess.run([binary("dropdb"), *server, target], check=True)

    with scopes_disabled():
        assert designs == (Design.objects.count(),)
        assert seats == (Choice.objects.filter(option=u.keynote).count(),)
    assert seats == (1,)
