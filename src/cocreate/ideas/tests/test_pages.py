"""Every ideas page opens for the roles it is for, and lists do not query per row."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cocreate.conftest import client_for
from cocreate.ideas import services
from cocreate.ideas.tests.conftest import isolation_values

EVERYONE = [
    "ideas/",
    "ideas/new/",
    "ideas/vote/",
    "ideas/ranking/",
    "jobs/",
    "surveys/",
    "challenges/",
]
STAFF = [
    "ideas/inbox/",
    "ideas/response-times/",
    "ideas/duplicates/",
    "ideas/shortlist/",
    "surveys/{survey_id}/",
    "ideas/{idea_id}/",
    "challenges/{challenge_id}/",
]
ORGANISERS = ["surveys/new/", "challenges/{challenge_id}/invite/", "ideas/{idea_id}/challenge/"]


@pytest.mark.parametrize("role", ["organiser", "staff", "partner", "customer"])
def test_every_page_opens_for_the_roles_it_is_for(acme, role):
    values = isolation_values(acme)
    client = client_for(getattr(acme, role))
    pages = (
        EVERYONE
        + (STAFF if role in ("organiser", "staff") else [])
        + (ORGANISERS if role == "organiser" else [])
    )

    answers = {page: client.get("/o/acme/" + page.format(**values)).status_code for page in pages}

    assert answers == {page: 200 for page in pages}


def test_the_list_of_ideas_makes_the_same_queries_for_one_idea_or_many(acme):
    client = client_for(acme.customer)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/o/acme/ideas/").status_code == 200
        return len(captured)

    services.idea_submit(organisation=acme.organisation, author=acme.staff, title="The first idea")
    one = queries()
    for n in range(2):
        idea = services.idea_submit(
            organisation=acme.organisation, author=acme.partner, title=f"Another idea, {n}"
        )
        services.support_add(idea=idea, user=acme.customer)
    three = queries()

    assert one == three
