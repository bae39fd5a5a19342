"""Everyone votes on statements one at a time; opinion groups appear once enough did."""

import random

import pytest
from django_scopes import scope

from cocreate.conftest import client_for, make_user
from cocreate.core.errors import Gone, InvalidInput
from cocreate.listening import services
from cocreate.listening.models import Vote
from cocreate.organisations.models import Membership


@pytest.fixture
def conversation(acme):
    found = services.conversation_save(
        organisation=acme.organisation, actor=acme.organiser, title="Next year"
    )
    services.statements_add(
        conversation=found,
        actor=acme.organiser,
        texts=[f"Statement {n}" for n in range(10)],
    )
    return found


def test_a_member_votes_one_statement_after_another_with_htmx(acme, conversation):
    client = client_for(acme.customer)
    url = f"/o/acme/opinions/{conversation.pk}/"
    first = client.get(url).content.decode()
    with scope(organisation=acme.organisation):
        statement = conversation.statements.order_by("id").first()

    card = client.post(
        url + "vote/", {"statement": statement.pk, "value": "1"}, HTTP_HX_REQUEST="true"
    )

    assert "Statement 0" in first
    assert "1 of 10 statements answered" in card.content.decode()
    assert "Statement 1" in card.content.decode()


def test_a_second_vote_replaces_the_first(acme, conversation):
    membership = acme.member(acme.customer)
    with scope(organisation=acme.organisation):
        statement = conversation.statements.first()
    services.vote_cast(statement=statement, membership=membership, value=1)
    services.vote_cast(statement=statement, membership=membership, value=-1)

    with scope(organisation=acme.organisation):
        assert list(Vote.objects.values_list("value", flat=True)) == [-1]


def test_a_vote_other_than_agree_disagree_or_pass_is_refused(acme, conversation):
    with scope(organisation=acme.organisation):
        statement = conversation.statements.first()
    with pytest.raises(InvalidInput, match="Vote 1"):
        services.vote_cast(statement=statement, membership=acme.member(acme.customer), value=2)


def test_a_closed_conversation_takes_no_votes(acme, conversation):
    services.conversation_save(
        organisation=acme.organisation,
        actor=acme.organiser,
        conversation=conversation,
        title=conversation.title,
        is_open=False,
    )
    with scope(organisation=acme.organisation):
        statement = conversation.statements.first()

    with pytest.raises(Gone):
        services.vote_cast(statement=statement, membership=acme.member(acme.customer), value=1)


def test_repeated_statements_are_refused(acme, conversation):
    with pytest.raises(Exception, match="posted already"):
        services.statements_add(
            conversation=conversation, actor=acme.organiser, texts=["statement 3"]
        )


def test_two_camps_show_as_two_groups_with_what_sets_them_apart(acme, conversation):
    rng = random.Random(1)
    with scope(organisation=acme.organisation):
        statements = list(conversation.statements.order_by("id"))
        votes = []
        for n in range(40):
            user = make_user(f"voter{n}@acme.test")
            Membership.objects.create(organisation=acme.organisation, user=user)
            camp = n % 2
            for index, statement in enumerate(statements):
                agrees = (index < 5) == (camp == 0)
                value = 1 if agrees else -1
                if rng.random() < 0.1:
                    value = 0
                votes.append(
                    Vote(
                        organisation=acme.organisation,
                        conversation=conversation,
                        statement=statement,
                        participant=user,
                        value=value,
                        voted_at=conversation.created_at,
                    )
                )
        Vote.objects.bulk_create(votes)

    page = client_for(acme.customer).get(f"/o/acme/opinions/{conversation.pk}/groups/")
    api = client_for(acme.customer).get(f"/api/v1/orgs/acme/opinions/{conversation.pk}/groups")

    groups = api.json()["groups"]
    assert [g["size"] for g in groups] == [20, 20]
    assert "What sets each group apart" in page.content.decode()
    assert 'data-spec="map-chart"' in page.content.decode()


def test_too_few_votes_say_why_there_are_no_groups(acme, conversation):
    page = client_for(acme.customer).get(f"/o/acme/opinions/{conversation.pk}/groups/")

    assert "Opinion groups need votes from at least two participants" in page.content.decode()


def test_only_organisers_start_conversations(acme):
    response = client_for(acme.customer).post("/o/acme/opinions/new/", {"title": "Mine"})

    assert response.status_code == 403
