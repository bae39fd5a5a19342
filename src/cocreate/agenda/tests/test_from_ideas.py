"""Ideas and challenges become sessions: the author stays the proposer, the people behind
them hear of it when proposed and again when accepted, and a refusal writes nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_scopes import scope

from cocreate.agenda import services, sources
from cocreate.agenda.models import Proposal, Speaker
from cocreate.conftest import make_org
from cocreate.core.errors import Conflict, Gone, InvalidInput, NotAllowed, NotFound
from cocreate.ideas import services as ideas_services
from cocreate.ideas.tests.conftest import build_ideas, customers
from cocreate.messaging.models import Message
from cocreate.organisations.models import AuditEntry


@pytest.fixture
def ideas(acme):
    built = build_ideas(acme)
    ideas_services.support_add(idea=built.recordings, user=acme.partner)  # a follower
    return built


def from_idea(day, idea, by, **fields):
    return services.proposal_from_idea(
        event=day.event, idea=idea, membership=by, **{"title": idea.title, **fields}
    )


def told(org, kind):
    with scope(organisation=org.organisation):
        return {m.recipient.email: m for m in Message.objects.filter(kind=kind)}


def nothing_written(org, before):
    with scope(organisation=org.organisation):
        assert Proposal.objects.count() == before
        assert not Message.objects.filter(kind__in=["idea_session", "challenge_session"]).exists()


def test_an_author_proposes_their_idea_and_its_followers_hear_of_it(acme, day, ideas):
    proposal = from_idea(
        day, ideas.recordings, acme.member(acme.customer), format="talk", topics=["AI"]
    )

    assert (proposal.idea, proposal.proposer, proposal.format, proposal.topics) == (
        ideas.recordings,
        acme.customer,
        "talk",
        ["AI"],
    )
    with scope(organisation=acme.organisation):
        speaker = Speaker.objects.get(proposal=proposal)
    assert (speaker.user, speaker.confirmed_at is not None) == (acme.customer, True)
    messages = told(acme, "idea_session")
    assert list(messages) == [acme.partner.email]  # the author did it: not told
    partner = messages[acme.partner.email]
    assert partner.subject == (
        "“Record every talk and put the videos online” is proposed as a session at CX Day"
    )
    assert "You hear this because you support it" in partner.body_text
    assert partner.link.endswith(f"/o/acme/agenda/{day.event.slug}/sessions/{proposal.pk}/")


def test_staff_propose_it_for_its_author_who_is_asked_to_host_it(acme, day, ideas):
    proposal = from_idea(day, ideas.recordings, acme.member(acme.staff))

    assert proposal.proposer == acme.customer
    with scope(organisation=acme.organisation):
        speaker = Speaker.objects.get(proposal=proposal)
        audited = AuditEntry.objects.filter(action="proposal.proposed_for").get()
    assert (speaker.user, speaker.confirmed_at) == (acme.customer, None)
    assert audited.actor == acme.staff
    messages = told(acme, "idea_session")
    assert sorted(messages) == sorted([acme.customer.email, acme.partner.email])
    author = messages[acme.customer.email]
    assert author.subject == (
        "Acme Events staff proposed your idea as a session: will you host it?"
    )
    assert "confirm that you will host it" in author.body_text

    services.speaker_confirm(proposal=proposal, user=acme.customer)
    speaker.refresh_from_db()
    assert speaker.confirmed_at is not None


def test_once_accepted_the_followers_hear_again_with_a_link_to_the_session(acme, day, ideas):
    proposal = from_idea(day, ideas.recordings, acme.member(acme.staff))
    with scope(organisation=acme.organisation):
        Message.objects.all().delete()

    services.proposal_accept(proposal=proposal, actor=acme.organiser)

    assert proposal.option is not None  # a session people choose
    again = told(acme, "idea_session")
    assert list(again) == [acme.partner.email]  # the author hears it as proposer
    assert again[acme.partner.email].subject == (
        "“Record every talk and put the videos online” is a session at CX Day"
    )
    assert again[acme.partner.email].link.endswith(f"/sessions/{proposal.pk}/")
    assert list(told(acme, "proposal_accepted")) == [acme.customer.email]
    services.proposal_accept(proposal=proposal, actor=acme.organiser)
    assert len(told(acme, "idea_session")) == 1  # accepting again tells nobody twice


def test_a_challenge_runs_as_a_session_with_the_lead_customers_who_took_part(acme, day, ideas):
    challenge = ideas_services.challenge_create(
        idea=ideas.recordings,
        actor=acme.organiser,
        title="Recordings people watch",
        problem="Half the attendees miss sessions they wanted to see.",
        deadline=timezone.localdate() + timedelta(days=30),
    )
    writer, silent = customers(acme, 2)
    ideas_services.challenge_invite(
        challenge=challenge,
        actor=acme.organiser,
        member_ids=[acme.member(writer).pk, acme.member(silent).pk],
    )
    ideas_services.challenge_post(
        challenge=challenge, membership=acme.member(writer), body="Chapters, please."
    )

    proposal = services.proposal_from_challenge(
        event=day.event,
        challenge=challenge,
        membership=acme.member(acme.staff),
        **sources.from_challenge(day.event, challenge),
    )

    assert (proposal.challenge, proposal.proposer, proposal.format) == (
        challenge,
        acme.organiser,
        "workshop",
    )
    with scope(organisation=acme.organisation):
        hosts = dict(
            Speaker.objects.filter(proposal=proposal).values_list("user__email", "confirmed_at")
        )
    assert hosts == {acme.organiser.email: None, writer.email: None}  # asked, to confirm
    assert sorted(told(acme, "challenge_session")) == sorted([acme.organiser.email, writer.email])
    assert told(acme, "challenge_session")[writer.email].subject == (
        "Host “Recordings people watch” as a session at CX Day?"
    )

    with scope(organisation=acme.organisation):
        Message.objects.all().delete()
    services.proposal_accept(proposal=proposal, actor=acme.organiser)
    assert list(told(acme, "challenge_session")) == [writer.email]


def test_the_session_starts_as_the_idea_with_the_topics_it_is_about(acme, day):
    idea = ideas_services.idea_submit(
        organisation=acme.organisation,
        author=acme.customer,
        title="Measure the effort along each customer journey",
        description="An AI could read the comments.",
    )

    assert sources.from_idea(day.event, idea) == {
        "title": "Measure the effort along each customer journey",
        "abstract": "An AI could read the comments.",
        "format": "discussion",
        "length": 1,
        "topics": ["Journey mapping", "Measurement", "AI"],
    }


def test_an_idea_of_another_organisation_is_not_found(acme, day, ideas):
    rival = make_org("rival", "Rival Bistro")
    theirs = build_ideas(rival).recordings

    with pytest.raises(NotFound):
        from_idea(day, theirs, acme.member(acme.organiser))
    nothing_written(acme, 4)


def test_someone_who_did_not_share_it_may_not_propose_it(acme, day, ideas):
    with pytest.raises(NotAllowed) as refused:
        from_idea(day, ideas.recordings, acme.member(acme.partner))

    assert refused.value.message == (
        "Only the idea's author, staff and organisers propose it as a session."
    )
    nothing_written(acme, 4)


def test_a_merged_idea_is_refused_pointing_to_the_one_it_joined(acme, day, ideas):
    ideas_services.idea_merge(idea=ideas.recordings, into=ideas.app, actor=acme.organiser)
    ideas.recordings.refresh_from_db()

    with pytest.raises(Gone) as refused:
        from_idea(day, ideas.recordings, acme.member(acme.customer))

    assert "merged into “Recommend sessions in the app" in refused.value.message
    nothing_written(acme, 4)


def test_a_declined_idea_is_closed(acme, day, ideas):
    ideas_services.idea_respond(
        idea=ideas.recordings,
        membership=acme.member(acme.staff),
        status="declined",
        reason="No cameras this year.",
    )
    ideas.recordings.refresh_from_db()

    with pytest.raises(Conflict) as refused:
        from_idea(day, ideas.recordings, acme.member(acme.customer))

    assert refused.value.message == (
        "“Record every talk and put the videos online” is declined: what became of it is decided."
    )
    nothing_written(acme, 4)


def test_a_closed_challenge_is_refused(acme, day, ideas):
    challenge = ideas_services.challenge_create(
        idea=ideas.recordings,
        actor=acme.organiser,
        title="Recordings people watch",
        problem="Half the attendees miss sessions they wanted to see.",
        deadline=timezone.localdate() + timedelta(days=30),
    )
    ideas_services.challenge_close(
        challenge=challenge, actor=acme.organiser, result="Chapters and summaries."
    )

    with pytest.raises(Conflict) as refused:
        services.proposal_from_challenge(
            event=day.event,
            challenge=challenge,
            membership=acme.member(acme.organiser),
            title=challenge.title,
        )

    assert refused.value.message == "“Recordings people watch” is closed: its result is recorded."
    nothing_written(acme, 4)


def test_a_customer_may_not_run_a_challenge_as_a_session(acme, day, ideas):
    challenge = ideas_services.challenge_create(
        idea=ideas.recordings,
        actor=acme.organiser,
        title="Recordings people watch",
        problem="Half the attendees miss sessions they wanted to see.",
        deadline=timezone.localdate() + timedelta(days=30),
    )

    with pytest.raises(NotAllowed):
        services.proposal_from_challenge(
            event=day.event,
            challenge=challenge,
            membership=acme.member(acme.customer),
            title=challenge.title,
        )
    nothing_written(acme, 4)


def test_an_idea_is_proposed_once_per_event_unless_that_was_declined(acme, day, ideas):
    first = from_idea(day, ideas.recordings, acme.member(acme.customer))
    with scope(organisation=acme.organisation):
        Message.objects.all().delete()

    with pytest.raises(Conflict) as refused:
        from_idea(day, ideas.recordings, acme.member(acme.staff))
    assert refused.value.message == (
        "“Record every talk and put the videos online” is already proposed at CX Day: "
        "“Record every talk and put the videos online” (proposed)."
    )
    nothing_written(acme, 5)

    services.proposal_decline(proposal=first, actor=acme.organiser, reason="Too late.")
    again = from_idea(day, ideas.recordings, acme.member(acme.customer), title="Videos, again")
    assert again.title == "Videos, again"


def test_an_event_that_takes_no_proposals_refuses_it(acme, day, ideas):
    services.event_move_to(event=day.event, actor=acme.organiser, phase="closed")

    with pytest.raises(Conflict) as refused:
        from_idea(day, ideas.recordings, acme.member(acme.customer))

    assert refused.value.message == "CX Day takes no proposals now (Closed)."
    nothing_written(acme, 4)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"title": "  "}, "title", "Give a title of up to 150 characters."),
        ({"title": "x" * 151}, "title", "Give a title of up to 150 characters."),
        ({"topics": ["Gardening"]}, "topics", "Not topics of CX Day: Gardening."),
    ],
    ids=["missing title", "too long a title", "unknown topics"],
)
def test_bad_fields_are_refused_by_field(acme, day, ideas, fields, field, message):
    with pytest.raises(InvalidInput) as refused:
        from_idea(day, ideas.recordings, acme.member(acme.customer), **fields)

    assert refused.value.fields == {field: [message]}
    nothing_written(acme, 4)
