"""Partners deliver some options: they see who chose them and mark them fulfilled."""

import pytest
from django_scopes import scope

from cocreate.conftest import client_for
from cocreate.core.errors import NotAllowed
from cocreate.offerings import services
from cocreate.offerings.models import Choice


@pytest.fixture
def catering(acme, unconference):
    partner = services.partner_save(
        organisation=acme.organisation,
        actor=acme.organiser,
        name="Good Food Co",
        member_ids=[acme.member(acme.partner).pk],
    )
    u = unconference
    services.option_update(
        option=u.members_lunch,
        actor=acme.organiser,
        name=u.members_lunch.name,
        starts_at=u.members_lunch.starts_at,
        ends_at=u.members_lunch.ends_at,
        cost="15.00",
        eligibility=u.members_lunch.eligibility,
        partner=partner,
    )
    organiser = acme.member(acme.organiser)
    organiser.profile = {"membership": "member"}  # the lunch is for members
    services.design_submit(
        offering=u.offering,
        membership=organiser,
        options=[str(u.members_lunch.pk), str(u.in_person.pk)],
        answers={},
    )
    return partner


def test_a_partner_sees_the_customers_of_its_options_and_fulfils_them(acme, unconference, catering):
    client = client_for(acme.partner)
    url = f"/o/acme/offerings/{unconference.offering.slug}/fulfilment/"
    page = client.get(url).content.decode()
    assert "Members&#x27; lunch" in page
    assert "In person" not in page  # not theirs to deliver
    with scope(organisation=acme.organisation):
        choice = Choice.objects.get(option=unconference.members_lunch)

    client.post(f"{url}{choice.pk}/")

    choice.refresh_from_db()
    assert choice.fulfilled_by == acme.partner
    assert "Fulfilled" in client.get(url).content.decode()


def test_a_partner_cannot_fulfil_another_partners_option(acme, unconference, catering):
    with scope(organisation=acme.organisation):
        choice = Choice.objects.get(option=unconference.in_person)
    with pytest.raises(NotAllowed):
        services.choice_fulfil(choice=choice, membership=acme.member(acme.partner))


def test_customers_have_no_fulfilment_page(acme, unconference, catering):
    url = f"/o/acme/offerings/{unconference.offering.slug}/fulfilment/"
    assert client_for(acme.customer).get(url).status_code == 403


def test_only_partner_members_can_act_for_a_partner(acme):
    from cocreate.core.errors import InvalidInput

    with pytest.raises(InvalidInput, match="partner role"):
        services.partner_save(
            organisation=acme.organisation,
            actor=acme.organiser,
            name="Sneaky",
            member_ids=[acme.member(acme.customer).pk],
        )
