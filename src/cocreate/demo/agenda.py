"""The demo's co-created agenda: the un-conference's two days (yesterday and today), six
rooms, eight slots a day, eighty sessions the community proposed, and the attendees'
designs of the event, which are what they want to attend. The schedule is planned from
those designs and published; on the first day late sessions were proposed and chosen, and
a re-plan was published for the second. Everything goes through the real services and the
real optimiser, as an organiser and the attendees would have used them.
"""

import itertools
import random
from collections.abc import Sequence
from datetime import datetime, time

from django.core.management.base import CommandError
from django.utils import timezone
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.agenda import selectors, services, sources
from cocreate.agenda.models import Event, Format, Phase, Proposal, Run, Schedule
from cocreate.core.errors import ServiceError
from cocreate.demo.offerings import event_days
from cocreate.demo.people import DOMAIN, INTERESTS, TOPICS
from cocreate.demo.sessions import LATE, SESSIONS
from cocreate.ideas import rules as idea_rules
from cocreate.ideas import selectors as idea_selectors
from cocreate.offerings import services as offerings
from cocreate.offerings.models import Offering, Option, StepSource, Weight
from cocreate.organisations.models import Membership, Organisation, Role

TIMES = [
    (time(9, 0), time(9, 50)),
    (time(10, 0), time(10, 50)),
    (time(11, 20), time(12, 10)),
    (time(12, 20), time(13, 10)),
    (time(14, 10), time(15, 0)),
    (time(15, 10), time(16, 0)),
    (time(16, 30), time(17, 20)),
    (time(17, 30), time(18, 20)),
]
ROOMS = [  # name, seats, features
    ("Harbour Hall", 160, ["streaming", "step-free"]),
    ("Lighthouse", 80, ["streaming", "step-free"]),
    ("Dock 1", 45, ["whiteboard", "step-free"]),
    ("Dock 2", 45, ["whiteboard"]),
    ("Loft", 30, ["whiteboard"]),
    ("Garden room", 20, ["step-free"]),
]
OPENINGS = {
    "Workshop:": Format.WORKSHOP,
    "Panel:": Format.PANEL,
    "Demo:": Format.DEMO,
    "Round table:": Format.DISCUSSION,
    "Open question:": Format.DISCUSSION,
    "Open space:": Format.DISCUSSION,
    "Bring your": Format.DISCUSSION,
}
SEARCH_SECONDS = 3.0  # longer finds no better plan for the demo


def load_agenda(organisation: Organisation, *, seed: int) -> Event:
    rng = random.Random(seed)
    organiser = User.objects.get(email=f"olivia@{DOMAIN}")
    with scope(organisation=organisation):
        offering = Offering.objects.get(slug="unconference")
        members = list(Membership.objects.select_related("user", "organisation").order_by("pk"))
    event = services.event_create(
        organisation=organisation, actor=organiser, offering=offering, topics=INTERESTS
    )
    for day in event_days():
        services.slots_add_day(event=event, actor=organiser, day=day, times=TIMES)
    for name, seats, features in ROOMS:
        services.room_save(
            event=event, actor=organiser, name=name, capacity=seats, features=features
        )
    people = [m for m in members if m.role in (Role.CUSTOMER, Role.STAFF, Role.PARTNER)]
    rng.shuffle(people)
    # Each speaker gives a few sessions at most: a small demo's re-plan must still find a
    # place for each of them in the time that is left.
    speakers = itertools.cycle(people)
    for topic, titles in SESSIONS.items():
        for title in titles:
            _propose(event, organiser, next(speakers).user, title, topic, rng)
    attendees = [m for m in members if m.role != Role.ORGANISER]
    _design(offering, attendees, rng)
    _publish(event, organiser)
    services.event_move_to(event=event, actor=organiser, phase=Phase.LIVE)
    # The first evening: late sessions, ideas taken to the event, and a re-plan for the
    # second day (the demo loads at any time of day: its story's clock is that evening).
    second = timezone.make_aware(datetime.combine(event_days()[1], time(0, 0)))
    late = [_propose(event, organiser, next(speakers).user, t, c, rng) for t, c in LATE]
    late += _ideas_as_sessions(event, organiser, second)
    _choose(offering, late, attendees, rng)
    _publish(event, organiser, replan=True, frozen_before=second)
    return event


def _propose(
    event: Event, organiser: User, proposer: User, title: str, topic: str, rng: random.Random
) -> Proposal:
    form = next((f for opening, f in OPENINGS.items() if title.startswith(opening)), Format.TALK)
    workshop = form == Format.WORKSHOP
    proposal = services.proposal_submit(
        event=event,
        proposer=proposer,
        title=title,
        format=form,
        length=2 if workshop and rng.random() < 0.4 else 1,
        needs=["whiteboard"] if workshop else [],
        topics=[topic],
    )
    return services.proposal_accept(proposal=proposal, actor=organiser)


def _ideas_as_sessions(
    event: Event, organiser: User, since: datetime, most: int = 3
) -> list[Proposal]:
    """Olivia took the most supported open ideas to the event, as many as the second day
    has room for (the re-plan must place them); their authors host them."""
    room = max(0, min(most, selectors.room_left(event, since=since)))
    with scope(organisation=event.organisation_id):
        olivia = Membership.objects.select_related("user", "organisation").get(user=organiser)
        top = list(idea_selectors.ideas_list(olivia, sort="support")[: most * 3])
    chosen = [idea for idea in top if idea_rules.open_to_sessions(idea)][:room]
    return [
        services.proposal_accept(
            proposal=services.proposal_from_idea(
                event=event, idea=idea, membership=olivia, **sources.from_idea(event, idea)
            ),
            actor=organiser,
        )
        for idea in chosen
    ]


def _design(offering: Offering, attendees: list[Membership], rng: random.Random) -> None:
    """Each attendee designs the days through the designer's service: the sessions on
    their interests (a few they must attend), how they take part, meals, what they want to
    talk about. Nine in ten design before the schedule is planned."""
    with scope(organisation=offering.organisation_id):
        options = list(Option.objects.filter(offering=offering).select_related("dimension"))
        talk = offering.dimensions.get(source=StepSource.TALK)
    sessions_on_offer = [o for o in options if o.dimension.source == StepSource.SESSIONS]
    meals = [o for o in options if o.dimension.name == "Meals"]
    by_key = {o.key: o for o in options}
    for membership in attendees:
        if rng.random() > 0.9:
            continue
        sessions = _sessions_for(membership, sessions_on_offer, rng)
        chosen = [o.pk for o in sessions]
        stream = rng.random() < 0.15
        chosen.append(by_key["live-stream" if stream else "in-person"].pk)
        if rng.random() < 0.3:
            chosen.append(by_key["recordings"].pk)
        if not stream:
            chosen += [o.pk for o in meals if rng.random() < 0.8]
            diet = rng.choice(["none", "none", "vegetarian", "vegan", "gluten-free", "halal"])
            chosen.append(by_key[f"diet-{diet}"].pk)
        answers = {str(talk.pk): rng.choice(TOPICS)} if rng.random() < 0.25 else {}
        musts = {str(o.pk): Weight.MUST for o in sessions if rng.random() < 0.25}
        offerings.design_submit(
            offering=offering,
            membership=membership,
            options=sorted(set(chosen)),
            answers=answers,
            weights=musts,
        )


def _sessions_for(
    membership: Membership, sessions: Sequence[Option], rng: random.Random
) -> list[Option]:
    liked = {str(i).lower() for i in membership.profile.get("interests") or []}
    pool = [s for s in sessions if liked & set(s.tags)] or list(sessions)
    return rng.sample(pool, min(len(pool), rng.randint(4, 12)))


def _choose(
    offering: Offering, late: list[Proposal], attendees: list[Membership], rng: random.Random
) -> None:
    """Some attendees choose the late sessions on the agenda's page, during the first day."""
    for membership in attendees:
        for proposal in late:
            if rng.random() < 0.12 and proposal.option is not None:
                try:
                    offerings.choice_set(
                        offering=offering,
                        membership=membership,
                        option=proposal.option,
                        weight=Weight.LIKE,
                    )
                except ServiceError:
                    continue  # it clashes with a session they chose: as the page would say


def _publish(
    event: Event, organiser: User, *, replan: bool = False, frozen_before: datetime | None = None
) -> None:
    """Plan and publish. A busy machine may find no schedule in the first few seconds (a
    small demo packs its rooms tightly), as an organiser might: then it runs again, longer.
    A re-plan keeps what started before `frozen_before` (the demo loads its story at any
    time of day: the re-plan it tells was made the evening before the second day)."""
    for seconds in (SEARCH_SECONDS, 10 * SEARCH_SECONDS):
        run = services.run_start(event=event, actor=organiser, replan=replan, time_limit=seconds)
        if frozen_before is not None:
            with scope(organisation=event.organisation_id):
                Run.objects.filter(pk=run.pk).update(frozen_before=frozen_before)
        services.run_execute(run.pk)
        with scope(organisation=event.organisation_id):
            draft = Schedule.objects.filter(run=run).first()
        if draft is not None:
            services.schedule_publish(schedule=draft, actor=organiser)
            return
    run.refresh_from_db()
    raise CommandError(f"The demo's agenda could not be planned: {run.error} Try --reset.")
