"""The ideas API: the same services, the same refusals, in the API's one error shape."""

import json
from datetime import timedelta

from django.utils import timezone
from django_scopes import scope

from cocreate.conftest import client_for
from cocreate.ideas import services
from cocreate.ideas.models import Idea


def call(client, method, url, body=None):
    kwargs = {"data": json.dumps(body), "content_type": "application/json"} if body else {}
    return getattr(client, method)(f"/api/v1/orgs/acme{url}", **kwargs)


def test_an_idea_is_shared_found_similar_and_supported_once(acme, ideas):
    client = client_for(acme.customer)

    similar = call(client, "post", "/ideas/similar", {"title": "Please film all the talks"})
    shared = call(client, "post", "/ideas", {"title": "Serve breakfast before the keynote"})
    supported = call(client, "post", f"/ideas/{ideas.app.pk}/support")
    twice = call(client, "post", f"/ideas/{ideas.app.pk}/support")

    assert similar.json()[0]["idea"]["title"] == "Record every talk and put the videos online"
    assert 0.5 < similar.json()[0]["similarity"] <= 1
    assert shared.status_code == 201
    assert (shared.json()["status"], shared.json()["supports"]) == ("new", 0)
    assert supported.json()["supports"] == 1
    assert twice.status_code == 409
    assert twice.json()["error"]["code"] == "already_supported"


def test_an_oversized_idea_is_refused_with_its_field(acme):
    answer = call(client_for(acme.customer), "post", "/ideas", {"title": "x" * 141})

    assert answer.status_code == 422
    assert answer.json()["error"]["fields"] == {
        "title": ["The idea is too long: 141 characters, at most 140."]
    }


def test_pairs_are_voted_on_once_each_then_there_are_none(acme, ideas):
    client = client_for(acme.customer)
    votes = 0
    while (pair := call(client, "get", "/pairs/next")).status_code == 200:
        body = pair.json()
        assert body["round"] == "Round 1"
        answer = call(client, "post", f"/pairs/{body['id']}", {"choice": "right"})
        again = call(client, "post", f"/pairs/{body['id']}", {"choice": "left"})
        assert (answer.status_code, answer.json()["choice"]) == (200, "right")
        assert again.status_code == 409
        votes += 1

    assert pair.status_code == 204
    assert votes == 3
    ranking = call(client, "get", "/ideas/ranking").json()
    assert (ranking["votes"], ranking["voters"]) == (3, 1)
    assert {r["all_our_ideas_score"] for r in ranking["ideas"]} == {25.0, 50.0, 75.0}


def test_a_vote_on_a_hidden_idea_is_refused(acme, ideas):
    client = client_for(acme.customer)
    pair = call(client, "get", "/pairs/next").json()
    services.idea_hide(idea=_idea(acme, pair["left"]["id"]), actor=acme.organiser, reason="An ad")

    answer = call(client, "post", f"/pairs/{pair['id']}", {"choice": "left"})

    assert answer.status_code == 409
    assert answer.json()["error"]["code"] == "idea_hidden"


def _idea(org, pk):
    with scope(organisation=org.organisation):
        return Idea.objects.get(pk=pk)


def test_staff_answer_and_customers_may_not(acme, ideas):
    body = {"status": "declined", "reason": "The venue does not allow it."}

    refused = call(client_for(acme.customer), "post", f"/ideas/{ideas.coffee.pk}/updates", body)
    answered = call(client_for(acme.staff), "post", f"/ideas/{ideas.coffee.pk}/updates", body)

    assert refused.status_code == 403
    assert answered.status_code == 201
    detail = call(client_for(acme.customer), "get", f"/ideas/{ideas.coffee.pk}").json()
    assert (detail["status"], detail["decline_reason"]) == (
        "declined",
        "The venue does not allow it.",
    )
    assert [u["new_status"] for u in detail["updates"]] == ["declined"]


def test_a_survey_is_built_sent_and_answered_once_through_the_api(acme, ideas):
    organiser, customer = client_for(acme.organiser), client_for(acme.customer)
    made = call(
        organiser, "post", "/surveys", {"title": "The day", "outcomes": [ideas.find.pk]}
    ).json()
    call(organiser, "post", f"/surveys/{made['id']}/send")
    ratings = {str(ideas.find.pk): {"importance": 5, "satisfaction": 1}}

    off_scale = call(
        customer,
        "post",
        f"/surveys/{made['id']}/responses",
        {"ratings": {str(ideas.find.pk): {"importance": 9, "satisfaction": 1}}},
    )
    answered = call(customer, "post", f"/surveys/{made['id']}/responses", {"ratings": ratings})
    twice = call(customer, "post", f"/surveys/{made['id']}/responses", {"ratings": ratings})
    scores = call(client_for(acme.staff), "get", f"/surveys/{made['id']}/opportunities").json()

    assert off_scale.status_code == 422
    assert answered.status_code == 201
    assert twice.status_code == 409
    assert [
        (s["statement"], s["importance"], s["satisfaction"], s["opportunity"]) for s in scores
    ] == [("Minimise the time it takes to find a session worth attending", 10.0, 0.0, 20.0)]


def test_a_challenge_runs_through_the_api(acme, ideas):
    organiser = client_for(acme.organiser)
    deadline = (timezone.localdate() + timedelta(days=20)).isoformat()
    made = call(
        organiser,
        "post",
        f"/ideas/{ideas.recordings.pk}/challenges",
        {
            "title": "Recordings people watch",
            "problem": "Half the attendees miss talks.",
            "deadline": deadline,
        },
    ).json()
    candidates = call(organiser, "get", f"/challenges/{made['id']}/candidates").json()
    invited = call(
        organiser,
        "post",
        f"/challenges/{made['id']}/invitations",
        {"members": [candidates[0]["member"]]},
    )
    posted = call(
        client_for(acme.customer),
        "post",
        f"/challenges/{made['id']}/messages",
        {"body": "Chapters!"},
    )
    closed = call(
        organiser, "post", f"/challenges/{made['id']}/close", {"result": "Chapters from spring on."}
    )

    assert candidates[0]["name"] == "Acme Events customer"
    assert invited.json() == ["Acme Events customer"]
    assert posted.status_code == 201
    assert closed.json()["status"] == "closed"
    detail = call(client_for(acme.customer), "get", f"/challenges/{made['id']}").json()
    assert [m["body"] for m in detail["messages"]] == ["Chapters!"]


def test_an_organiser_starts_a_new_round_and_the_pairs_come_back(acme, ideas):
    customer, organiser = client_for(acme.customer), client_for(acme.organiser)
    while (pair := call(customer, "get", "/pairs/next")).status_code == 200:
        call(customer, "post", f"/pairs/{pair.json()['id']}", {"choice": "cant_decide"})

    refused = call(customer, "post", "/voting-rounds", {"name": "Spring"})
    started = call(organiser, "post", "/voting-rounds", {"name": "Spring"})

    assert refused.status_code == 403
    assert (started.status_code, started.json()["name"]) == (201, "Spring")
    assert call(customer, "get", "/pairs/next").json()["round"] == "Spring"


def test_a_person_sharing_ideas_too_fast_is_told_to_wait(acme, settings):
    settings.IDEAS_PER_HOUR = 2
    client = client_for(acme.customer)

    answers = [
        call(client, "post", "/ideas", {"title": f"Idea number {n} for the day"}) for n in range(3)
    ]

    assert [a.status_code for a in answers] == [201, 201, 429]
    assert "Too many ideas in a short time" in answers[-1].json()["error"]["message"]
    with scope(organisation=acme.organisation):
        assert Idea.objects.filter(author=acme.customer).count() == 2


def test_votes_past_the_limit_are_refused_and_not_counted(acme, ideas, settings):
    settings.VOTES_PER_MINUTE = 2
    client = client_for(acme.customer)
    answers = []
    for _ in range(3):
        pair = call(client, "get", "/pairs/next").json()
        answers.append(call(client, "post", f"/pairs/{pair['id']}", {"choice": "left"}))

    assert [a.status_code for a in answers] == [200, 200, 429]
    assert answers[-1].json()["error"]["code"] == "rate_limited"
    assert call(client, "post", f"/ideas/{ideas.app.pk}/support").status_code == 429
    assert call(client, "get", "/ideas/ranking").json()["votes"] == 2
