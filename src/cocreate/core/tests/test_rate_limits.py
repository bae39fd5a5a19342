"""One person cannot flood others: past a limit, a clear 429 says when to try again."""

import json

from cocreate.conftest import client_for


def test_an_organiser_sending_too_many_invitations_is_told_to_wait(acme, settings):
    settings.INVITATIONS_PER_HOUR = 3
    client = client_for(acme.organiser)

    answers = [
        client.post(
            "/api/v1/orgs/acme/invitations",
            data=json.dumps({"email": f"friend{n}@example.org", "role": "customer"}),
            content_type="application/json",
        )
        for n in range(4)
    ]

    assert [a.status_code for a in answers] == [201, 201, 201, 429]
    assert answers[-1].json()["error"]["code"] == "rate_limited"
    assert "Too many invitations in a short time" in answers[-1].json()["error"]["message"]
