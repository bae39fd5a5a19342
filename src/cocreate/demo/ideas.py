"""The demo's ideas, jobs and outcomes: what the CX Un-conference community wants.

Four jobs with their steps and 30 desired outcomes (organisers' and two customers'
proposals); an outcome survey sent to the customers and answered by almost all of them
(their ratings lean on their profiles, so the segments have something to find); 200
ideas, some reworded twice so the merge tool has work; support, comments, pairwise votes
drawn from a hidden Bradley-Terry truth; months of answers from staff (for the
response-time metrics); merges and hidden adverts; one running challenge with lead
customers.

Jobs, outcomes, the survey's sending, Chloe's ideas, merges, the recent answers and the
challenge go through the services, so their messages are in people's inboxes. The other
ideas, the survey answers, thousands of votes, support and the backdated history are
written in bulk, as the services would have written them: one by one they would take
most of a minute.
"""

import random
from datetime import timedelta
from typing import Any

import numpy as np
from django.db import transaction
from django.utils import timezone
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.demo.people import DOMAIN
from cocreate.engines import text
from cocreate.ideas import services
from cocreate.ideas.models import (
    Choice,
    Comment,
    Comparison,
    Follower,
    FollowReason,
    Idea,
    IdeaStatus,
    IdeaUpdate,
    Outcome,
    Rating,
    Response,
    Support,
)
from cocreate.ideas.services.voting import current_round, pair_key
from cocreate.ideas.tasks import schedule_ranking
from cocreate.organisations.models import Membership, Organisation, Role

# Job, its steps, and its outcomes as (direction, metric, object of control, clarifier).
JOBS: list[tuple[str, list[str], list[tuple[str, str, str, str]]]] = [
    (
        "Get the most out of a conference day",
        ["Plan the day", "Choose sessions", "Take part", "Follow up"],
        [
            ("minimise", "the time it takes", "to find a session", "worth attending"),
            ("minimise", "the likelihood", "of a session being full", "when I arrive"),
            ("minimise", "the time it takes", "to move between rooms", "between sessions"),
            ("minimise", "the likelihood", "of missing a talk", "I wanted to see"),
            ("increase", "the likelihood", "that a session matches", "my level of experience"),
            ("minimise", "the time it takes", "to see what changed in the programme", "on the day"),
            ("minimise", "the effort it takes", "to ask a question", "during a talk"),
            ("minimise", "the time it takes", "to get the slides", "after a talk"),
            ("increase", "the share of sessions", "that are hands-on", "rather than lectures"),
            ("minimise", "the likelihood", "of sessions overrunning", "into the breaks"),
        ],
    ),
    (
        "Meet the right people",
        ["Find people", "Meet", "Keep in touch"],
        [
            ("minimise", "the time it takes", "to find people", "who work on the same problems"),
            ("increase", "the number of conversations", "with peers", "from my industry"),
            ("minimise", "the effort it takes", "to arrange a meeting", "during the day"),
            ("minimise", "the likelihood", "of forgetting who I met", "after the event"),
            ("minimise", "the time it takes", "to find a quiet place", "to talk"),
            ("increase", "the likelihood", "of meeting the speakers", "in person"),
        ],
    ),
    (
        "Bring ideas back to work",
        ["Capture", "Adapt", "Convince"],
        [
            ("minimise", "the time it takes", "to turn a talk into an action", "for my team"),
            ("minimise", "the effort it takes", "to share what I learnt", "with colleagues"),
            ("increase", "the likelihood", "of finding a case", "from my industry"),
            ("minimise", "the likelihood", "of losing my notes", "after the event"),
            ("minimise", "the time it takes", "to find the tools", "a speaker mentioned"),
            ("increase", "the number of methods", "I can use", "on Monday"),
        ],
    ),
    (
        "Get to and around the venue",
        ["Travel", "Arrive", "Stay comfortable"],
        [
            ("minimise", "the time it takes", "to check in", "at the entrance"),
            ("minimise", "the time it takes", "to get a coffee", "between sessions"),
            ("minimise", "the likelihood", "of being too cold or too hot", "in the rooms"),
            ("minimise", "the effort it takes", "to find food", "that suits my diet"),
            ("minimise", "the likelihood", "of the wifi dropping", "during a session"),
            ("minimise", "the time it takes", "to travel", "from the station"),
            ("minimise", "the likelihood", "of not understanding a talk", "in a foreign language"),
            ("minimise", "the effort it takes", "to charge my phone", "during the day"),
        ],
    ),
]
# Outcomes (numbered 0-29 in the order above) that matter more to some people.
LEANINGS: list[tuple[str, str, list[int], float]] = [
    ("goals", "Meet peers from my industry", [10, 11, 12, 15, 18], 1.6),
    ("goals", "Take home methods I can use on Monday", [16, 17, 20, 21, 8], 1.6),
    ("goals", "Find partners or suppliers", [10, 12, 13], 1.0),
    ("interests", "Accessibility", [2, 6, 28], 1.2),
    ("interests", "Service design", [8, 21], 0.8),
]
NOT_ENGLISH = [28, 5]  # people whose preferred language is not English need these more
CHLOES = (0, 43, 117)  # the demo customer's own ideas (by their place in IDEAS)

# Ideas: (title, the outcomes it serves by number).
IDEAS: list[tuple[str, list[int]]] = [
    ("Record every talk and put the videos online", [3, 19]),
    ("Share the speakers' slides after each talk", [7, 19]),
    ("Stream the keynotes live for people who cannot come", [3]),
    ("Recommend sessions in the app based on my interests", [0, 4]),
    ("Let me search the programme and filter sessions by topic", [0]),
    ("Print a paper programme for people without a smartphone", [0, 5]),
    ("Show live seat counts so I know if a session is full", [1]),
    ("Let people reserve a seat in popular sessions", [1, 3]),
    ("Put signs with room names at every corridor crossing", [2]),
    ("Leave ten minutes between sessions to change rooms", [2, 9]),
    ("Mark each session as beginner, intermediate or advanced", [4, 0]),
    ("Send a push message when the programme changes", [5]),
    ("Put a live programme screen next to the entrance", [5]),
    ("Let the audience ask questions through the app", [6]),
    ("Keep the last ten minutes of every talk for questions", [6, 9]),
    ("Run more hands-on workshops instead of lectures", [8, 21]),
    ("Keep workshop groups under fifteen people", [8]),
    ("Have a timekeeper in every room so talks end on time", [9]),
    ("Match attendees who share interests for one-to-one meetings", [10, 11]),
    ("Print job titles and companies on the name badges", [10]),
    ("Publish the attendee list before the event", [10, 12]),
    ("Hold industry round tables at lunch", [11, 18]),
    ("Let me book a meeting slot with another attendee in the app", [12]),
    ("Add a QR code on badges to swap contact details", [13]),
    ("Send everyone a list of the people they met", [13]),
    ("Set up a quiet lounge for conversations", [14]),
    ("Offer small meeting booths that can be booked", [14, 12]),
    ("Host a speakers' corner after each block of talks", [15]),
    ("Organise a dinner with speakers and attendees", [15, 11]),
    ("Give each talk a one-page summary with three actions", [16, 21]),
    ("Provide a template to report back to my team", [17]),
    ("Share a short video summary of each day", [17, 3]),
    ("Tag every case study with its industry", [18]),
    ("Run a case clinic for each big industry", [18, 11]),
    ("Offer a shared notes page for every session", [19, 7]),
    ("Email me my notes and bookmarks after the event", [19]),
    ("List the tools and books each speaker mentions", [20]),
    ("Publish a resource library after the conference", [20, 7]),
    ("Run a Monday-morning follow-up webinar", [16, 21]),
    ("Send the workshop materials before the workshop", [8, 21]),
    ("Let people check in by scanning a code at the door", [22]),
    ("Open a second registration desk at peak times", [22]),
    ("Send the badges by post before the event", [22]),
    ("Put more coffee stations around the venue", [23]),
    ("Serve coffee inside the big hall during changeovers", [23]),
    ("Let people pre-order coffee in the app", [23]),
    ("Keep the rooms at a comfortable temperature", [24]),
    ("Add a temperature button in the app to report a cold room", [24]),
    ("Label every dish with its allergens", [25]),
    ("Serve more vegetarian and vegan dishes at lunch", [25]),
    ("Offer a gluten-free lunch option that is not an afterthought", [25]),
    ("Make the wifi faster and more reliable", [26]),
    ("Give speakers a wired connection for demos", [26]),
    ("Run a shuttle bus from the station", [27]),
    ("Send clear walking directions from the station", [27]),
    ("Offer a discount for people who come by train", [27]),
    ("Add live captions to every talk", [28, 6]),
    ("Translate the keynotes into French and German", [28]),
    ("Provide charging points for phones and laptops", [29]),
    ("Lend power banks at the registration desk", [29]),
    ("Make the event app work offline", [5, 26]),
    ("Add a dark mode to the event app", []),
    ("Let attendees rate each session in the app", [4]),
    ("Send a short feedback survey after the event", []),
    ("Tell us what changed because of last year's feedback", []),
    ("Invite a more diverse line-up of speakers", [4]),
    ("Let customers speak on stage about their experience", [18]),
    ("Let attendees propose session topics on the day", [0, 8]),
    ("Let attendees vote on which proposed topics get a room", [0]),
    ("Train the people who host the discussions", [8, 9]),
    ("Provide a creche so parents can attend", []),
    ("Finish the day by five so parents can do the school run", []),
    ("Provide a private room for breastfeeding", [14]),
    ("Make every room reachable without stairs", [2]),
    ("Book sign language interpreters for the keynotes", [28]),
    ("Stop using single-use plastic cups", [23]),
    ("Go paperless and put the handouts online", [7]),
    ("Replace the hard chairs with comfortable seating", [24]),
    ("Fix the microphones so speakers can be heard at the back", [6]),
    ("Put water fountains on every floor", [23]),
    ("Offer a cloakroom for coats and luggage", [22]),
    ("Have a lost-and-found desk", []),
    ("Open the venue an hour early for networking breakfast", [11, 12]),
    ("Run a newcomers' tour at the start of the day", [0, 4]),
    ("Pair first-time attendees with a buddy", [4, 10]),
    ("Add a silent disco style headset room for parallel talks", [3]),
    ("Let people switch sessions without disturbing the speaker", [2, 3]),
    ("Show a map of the venue in the app", [2]),
    ("Put the session hashtag on every slide", [13]),
    ("Hold a closing session on what we learnt together", [16]),
    ("Publish a top ten of practical takeaways", [21, 16]),
    ("Create an online community that lasts after the event", [13, 17]),
    ("Offer a certificate of attendance for training budgets", [17]),
    ("Run the un-conference twice a year", []),
    ("Hold a regional edition in the north", [27]),
    ("Allow tickets to be transferred to a colleague", []),
    ("Offer a discount for booking early", []),
    ("Give students a cheaper ticket", []),
    ("Give speakers a short rehearsal slot in their room", [9]),
    ("Share the list of sessions a week before the event", [0, 5]),
    ("Add a hackathon on customer journeys", [8]),
    ("Set up an ideas wall where anyone can add a sticky note", [16]),
    ("Offer a prayer and meditation room", [14]),
    ("Provide reading glasses and magnifiers at the desk", []),
    ("Let the app suggest who I should meet next", [10]),
    ("Show the speaker's contact details after the talk", [15]),
    ("Hold a panel of customers judging the best ideas", [18]),
    ("Give every attendee a notebook made from recycled paper", [19]),
    ("Offer healthy snacks in the afternoon", [25]),
    ("Play calm music in the breaks", []),
    ("Use bigger screens in the large hall", [3]),
    ("Make the slides readable from the back of the room", [6]),
    ("Record the workshops too, not only the talks", [3, 19]),
    ("Put subtitles on the recorded videos", [28]),
    ("Let people follow a track of related sessions", [0]),
    ("Show which sessions my colleagues are going to", [10, 0]),
    ("Warn me ten minutes before my next session starts", [3]),
    ("Add a lunch break long enough to eat and talk", [11, 9]),
    ("Serve lunch in two shifts to avoid queues", [23, 25]),
    ("Have staff in the corridors to show the way", [2]),
    ("Offer a quiet room for taking phone calls", [14]),
    ("Give the last session of the day a lighter format", []),
    ("Start the keynote on time", [9]),
    ("Run an evening social that is not in a loud bar", [11]),
    ("Hold an online edition for people abroad", [3, 27]),
    ("Make the registration form shorter", [22]),
    ("Let me change my session choices until the morning", [1]),
    ("Give every session a clear one-line promise", [0, 4]),
    ("Give volunteers a clear briefing before the doors open", [22]),
    ("Put the wifi password on the badge", [26]),
    ("Offer standing tables for people who prefer not to sit", [24]),
    ("Have a first-aid point that is easy to find", []),
    ("Make the event app remember my session choices", [0, 3]),
    ("Show walking times between rooms in the app", [2]),
    ("Add a lightning-talk slot for first-time speakers", [8]),
    ("Let attendees bring a colleague to one session for free", []),
    ("Offer a coaching corner with experienced practitioners", [16, 21]),
    ("Hold a fishbowl debate instead of one panel", [8, 6]),
    ("Let the audience vote on the questions for the panel", [6]),
    ("Put a glossary of CX terms in the programme", [4]),
    ("Create a channel in the app for each session's questions", [6, 13]),
    ("Let people leave feedback for speakers in private", []),
    ("Give exhibitors a separate hall so sessions stay quiet", [14]),
    ("Offer tea and fruit, not only coffee and pastries", [23, 25]),
    ("Start with a short game so strangers talk to each other", [11]),
    ("Hold job-role meetups for heads of CX, analysts and designers", [10, 11]),
    ("Provide a safe place to leave laptops during lunch", []),
    ("Share a reading list before the event", [20]),
    ("Show the number of people interested in each session", [1]),
    ("Add an overflow room with a screen for full sessions", [1, 3]),
    ("Give each attendee a personal agenda they can print", [0, 5]),
    ("Run a workshop on measuring the value of CX", [21]),
    ("Invite a customer panel to react to the talks", [18]),
    ("Publish the speakers' case studies as a booklet", [18, 20]),
    ("Make the closing keynote shorter and more practical", [21]),
    ("Set up a help desk for the event app", [5]),
    ("Open the lunch area to the garden when the weather is good", [14]),
    ("Offer bike parking near the entrance", [27]),
]
# Rewordings people sent of ideas already there: (the idea, its rewording).
REWORDINGS: list[tuple[str, str]] = [
    (
        "Record every talk and put the videos online",
        "Please film all the sessions so I can watch the ones I missed",
    ),
    (
        "Record every talk and put the videos online",
        "Could you post video recordings of the talks online?",
    ),
    (
        "Share the speakers' slides after each talk",
        "Idea: put the slide decks of all talks on the website",
    ),
    (
        "Recommend sessions in the app based on my interests",
        "Suggest talks that match the topics I care about",
    ),
    (
        "Let me search the programme and filter sessions by topic",
        "Add a search box and topic filters to the agenda",
    ),
    (
        "Show live seat counts so I know if a session is full",
        "Tell me in the app when a session is full",
    ),
    (
        "Leave ten minutes between sessions to change rooms",
        "Make the gaps between talks longer so we can move rooms",
    ),
    (
        "Let the audience ask questions through the app",
        "Could we ask the speaker questions from our phones?",
    ),
    (
        "Run more hands-on workshops instead of lectures",
        "More practical workshops and fewer talks please",
    ),
    (
        "Match attendees who share interests for one-to-one meetings",
        "Suggest people I should meet based on common interests",
    ),
    (
        "Print job titles and companies on the name badges",
        "Show job titles and organisations on the badges",
    ),
    (
        "Add a QR code on badges to swap contact details",
        "Put a code on the badge to exchange contact details",
    ),
    ("Set up a quiet lounge for conversations", "A quiet room where we can talk without shouting"),
    (
        "Give each talk a one-page summary with three actions",
        "Summarise each talk in a page with the main actions",
    ),
    (
        "List the tools and books each speaker mentions",
        "Please list the books and tools the speakers recommend",
    ),
    (
        "Let people check in by scanning a code at the door",
        "Let me check in quickly with a QR code at the entrance",
    ),
    (
        "Put more coffee stations around the venue",
        "Add extra coffee points so the queues are shorter",
    ),
    (
        "Put more coffee stations around the venue",
        "Why not more places to get coffee around the building?",
    ),
    (
        "Keep the rooms at a comfortable temperature",
        "The rooms were freezing: please keep them warmer",
    ),
    ("Label every dish with its allergens", "Show allergen information for all the food"),
    ("Serve more vegetarian and vegan dishes at lunch", "More meat-free meals on the lunch menu"),
    ("Make the wifi faster and more reliable", "Improve the wifi, it kept dropping"),
    (
        "Run a shuttle bus from the station",
        "A bus from the railway station to the venue would help",
    ),
    ("Add live captions to every talk", "Show real-time subtitles on screen during the talks"),
    (
        "Translate the keynotes into French and German",
        "Offer translation of the main talks for non-English speakers",
    ),
    (
        "Provide charging points for phones and laptops",
        "Install power sockets to charge laptops and phones",
    ),
    ("Make the event app work offline", "Make the app usable without an internet connection"),
    ("Let attendees rate each session in the app", "Add session ratings to the event app"),
    ("Invite a more diverse line-up of speakers", "Make the speaker line-up more diverse"),
    (
        "Finish the day by five so parents can do the school run",
        "Avoid evening sessions for parents with young children",
    ),
    (
        "Make every room reachable without stairs",
        "Ensure wheelchair access to all the session rooms",
    ),
    ("Stop using single-use plastic cups", "Replace disposable plastic cups with reusable ones"),
    (
        "Fix the microphones so speakers can be heard at the back",
        "Improve the sound system in the large hall",
    ),
    (
        "Run a newcomers' tour at the start of the day",
        "A guided tour for first-timers would be great",
    ),
    (
        "Create an online community that lasts after the event",
        "Create a community platform to keep in touch afterwards",
    ),
    ("Offer a discount for booking early", "Introduce cheaper early bird tickets"),
    ("Offer a prayer and meditation room", "Set up a prayer room where people can meditate"),
    ("Record the workshops too, not only the talks", "Please record the workshop sessions as well"),
    (
        "Add a lunch break long enough to eat and talk",
        "Lunch was too short to both eat and network",
    ),
    ("Start the keynote on time", "The keynote started late: please start on time"),
]
ADVERTS = [
    "Buy cheap followers for your company page today",
    "Visit my shop for the best CX consultancy deals",
]
COMMENTS = [
    "Yes please, this would make a real difference for me.",
    "I had the same problem last year.",
    "Great idea, and it should not cost much.",
    "Could this work for the workshops too?",
    "I am not sure this is a priority, but it would be nice.",
    "This would help people who come from abroad.",
    "Agree. The queues were the worst part of the day.",
    "Maybe start small and try it in one room first.",
]
STAFF_ANSWERS = [
    "Thank you! We are looking into it with the venue.",
    "Good point: we are checking what it would cost.",
    "We like this and are planning it for the next edition.",
    "Thanks for raising it; the team is discussing it this week.",
]
DECLINE_REASONS = [
    "The venue does not allow it, and we could not find another way.",
    "It would cost more than the whole catering budget.",
    "Too few people need it for the effort it takes; we will look again next year.",
]


def load_ideas(organisation: Organisation, *, seed: int) -> None:
    rng = random.Random(seed + 11)
    np_rng = np.random.default_rng(seed + 11)
    now = timezone.now().replace(microsecond=0)
    olivia = User.objects.get(email=f"olivia@{DOMAIN}")
    chloe = User.objects.get(email=f"chloe@{DOMAIN}")
    with scope(organisation=organisation):
        members = {
            m.user_id: m
            for m in Membership.objects.filter(organisation=organisation).select_related("user")
        }
    customers = sorted((m for m in members.values() if m.role == Role.CUSTOMER), key=lambda m: m.pk)
    staff = sorted((m for m in members.values() if m.role == Role.STAFF), key=lambda m: m.pk)
    outcomes = _jobs(organisation, members[olivia.pk], (customers * 3)[1:3])
    _survey(organisation, olivia, outcomes, customers, chloe, rng)
    ideas = _ideas(organisation, outcomes, customers, staff, chloe, rng, now)
    _moderation(organisation, ideas, customers, olivia)
    ideas = [i for i in ideas if i.pk not in _gone(organisation)]
    strengths = {idea.pk: float(np_rng.normal(0, 1)) for idea in ideas}
    _support(organisation, ideas, customers, strengths, rng)
    _votes(organisation, ideas, customers, chloe, strengths, rng, now)
    _comments(organisation, ideas, customers, staff, rng, now)
    _answers(organisation, ideas, staff, members[olivia.pk], rng, now)
    _challenge(organisation, ideas, strengths, olivia, chloe, customers, rng)
    schedule_ranking(organisation.pk)  # the worker ranks the votes in the background


def _jobs(
    organisation: Organisation, organiser: Membership, proposers: list[Membership]
) -> list[Outcome]:
    outcomes = []
    for title, steps, statements in JOBS:
        job = services.job_propose(membership=organiser, title=title)
        made_steps = [services.job_step_add(job=job, actor=organiser.user, name=s) for s in steps]
        for n, (direction, metric, object_of_control, clarifier) in enumerate(statements):
            outcomes.append(
                services.outcome_propose(
                    membership=organiser,
                    job=job,
                    step=made_steps[min(n * len(steps) // len(statements), len(steps) - 1)],
                    direction=direction,
                    metric=metric,
                    object_of_control=object_of_control,
                    clarifier=clarifier,
                )
            )
    # Two customers' proposals wait for the organisers.
    first_job = outcomes[0].job
    services.outcome_propose(
        membership=proposers[0],
        job=first_job,
        direction="minimise",
        metric="the time it takes",
        object_of_control="to find a seat",
        clarifier="near a power socket",
    )
    services.job_propose(
        membership=proposers[1],
        title="Convince my manager to send me next year",
        description="What I need to show that the day was worth it.",
    )
    return outcomes


def _survey(
    organisation: Organisation,
    organiser: User,
    outcomes: list[Outcome],
    customers: list[Membership],
    chloe: User,
    rng: random.Random,
) -> None:
    """Everyone but Chloe answers (she can try it); ratings lean on their profiles."""
    survey = services.survey_create(
        organisation=organisation,
        actor=organiser,
        title="What matters on the day",
        introduction="Thirty outcomes of a conference day: how much each matters to you, "
        "and how well the un-conference does it today.",
        outcome_ids=[o.pk for o in outcomes],
    )
    services.survey_send(survey=survey, actor=organiser)
    base_importance = [rng.uniform(2.2, 4.3) for _ in outcomes]
    base_satisfaction = [rng.uniform(2.4, 4.6) for _ in outcomes]
    answered, ratings = [], []
    for membership in customers:
        if membership.user_id == chloe.pk or rng.random() < 0.08:
            continue
        importance = list(base_importance)
        for field, value, numbers, lift in LEANINGS:
            answer = membership.profile.get(field) or []
            if value in (answer if isinstance(answer, list) else [answer]):
                for n in numbers:
                    importance[n] += lift
        if membership.profile.get("language", "English") != "English":
            for n in NOT_ENGLISH:
                importance[n] += 2.0
        response = Response(organisation=organisation, survey=survey, user_id=membership.user_id)
        answered.append(response)
        ratings += [
            Rating(
                organisation=organisation,
                response=response,
                outcome=o,
                importance=_rating(importance[n] + rng.gauss(0, 0.8)),
                satisfaction=_rating(base_satisfaction[n] + rng.gauss(0, 0.8)),
            )
            for n, o in enumerate(outcomes)
        ]
    with transaction.atomic(), scope(organisation=organisation):
        Response.objects.bulk_create(answered)
        Rating.objects.bulk_create(ratings, batch_size=2000)


def _rating(value: float) -> int:
    return int(min(5, max(1, round(value))))


def _ideas(
    organisation: Organisation,
    outcomes: list[Outcome],
    customers: list[Membership],
    staff: list[Membership],
    chloe: User,
    rng: random.Random,
    now: Any,
) -> list[Idea]:
    """200 ideas over the last four months. Chloe's three go through the service; the
    others are written at once, their title vectors embedded in one batch."""
    titled = [(title, served) for title, served in IDEAS]
    served_by = dict(IDEAS)
    titled += [(title, served_by[original]) for original, title in REWORDINGS]
    titled += [(title, []) for title in ADVERTS]
    authors = [m.user for m in customers[1:]] + [m.user for m in staff]
    vectors = text.embed([text.what_is_asked(title) for title, _ in titled])
    model = text.model_name()
    made: list[Idea] = []
    for n, (title, served) in enumerate(titled):
        when = now - timedelta(days=rng.uniform(0.2, 120), hours=rng.uniform(0, 8))
        if n in CHLOES:
            made.append(
                services.idea_submit(
                    organisation=organisation,
                    author=chloe,
                    title=title,
                    outcome_ids=[outcomes[i].pk for i in served],
                    created_at=when,
                )
            )
            continue
        made.append(
            Idea(
                organisation=organisation,
                title=title,
                author=rng.choice(authors),
                created_at=when,
                vector=vectors[n].tobytes(),
                vector_model=model,
            )
        )
    serves = Idea.outcomes.through
    with transaction.atomic(), scope(organisation=organisation):
        Idea.objects.bulk_create([idea for n, idea in enumerate(made) if n not in CHLOES])
        serves.objects.bulk_create(
            serves(idea_id=idea.pk, outcome_id=outcomes[i].pk)
            for n, (idea, (_, served)) in enumerate(zip(made, titled, strict=True))
            if n not in CHLOES
            for i in served
        )
        Follower.objects.bulk_create(
            _follow(organisation, idea, idea.author, FollowReason.AUTHOR)
            for n, idea in enumerate(made)
            if n not in CHLOES
        )
    return made


def _support(
    organisation: Organisation,
    ideas: list[Idea],
    customers: list[Membership],
    strengths: dict[int, float],
    rng: random.Random,
) -> None:
    weights = [np.exp(strengths[i.pk]) for i in ideas]
    supports, follows = [], []
    for membership in customers:
        for idea in set(rng.choices(ideas, weights=weights, k=rng.randint(0, 8))):
            supports.append(Support(organisation=organisation, idea=idea, user=membership.user))
            follows.append(_follow(organisation, idea, membership.user, FollowReason.SUPPORTER))
    with transaction.atomic(), scope(organisation=organisation):
        Support.objects.bulk_create(supports, ignore_conflicts=True)
        Follower.objects.bulk_create(follows, ignore_conflicts=True)


def _follow(organisation: Organisation, idea: Idea, user: User, reason: str) -> Follower:
    return Follower(organisation=organisation, idea=idea, user=user, reason=reason)


def _votes(
    organisation: Organisation,
    ideas: list[Idea],
    customers: list[Membership],
    chloe: User,
    strengths: dict[int, float],
    rng: random.Random,
    now: Any,
) -> None:
    """Two voters in three compare 10 to 40 random pairs each; each picks the idea a
    Bradley-Terry truth favours, or cannot decide one time in ten. Chloe has not voted."""
    voting = current_round(organisation)
    rows, follows = [], []
    for membership in customers:
        if membership.user_id == chloe.pk or rng.random() < 0.33:
            continue
        seen: set[str] = set()
        for _ in range(rng.randint(10, 40)):
            left, right = rng.sample(ideas, 2)
            key = pair_key(left.pk, right.pk)
            if key in seen:
                continue
            seen.add(key)
            chance = 1 / (1 + np.exp(strengths[right.pk] - strengths[left.pk]))
            if rng.random() < 0.1:
                choice, winner = Choice.CANT_DECIDE, None
            elif rng.random() < chance:
                choice, winner = Choice.LEFT, left
            else:
                choice, winner = Choice.RIGHT, right
            at = now - timedelta(days=rng.uniform(0, 20))
            rows.append(
                Comparison(
                    organisation=organisation,
                    round=voting,
                    voter=membership.user,
                    left=left,
                    right=right,
                    pair=key,
                    choice=choice,
                    answered_at=at,
                )
            )
            if winner is not None:
                follows.append(_follow(organisation, winner, membership.user, FollowReason.VOTER))
    with transaction.atomic(), scope(organisation=organisation):
        Comparison.objects.bulk_create(rows, batch_size=2000)
        Follower.objects.bulk_create(follows, ignore_conflicts=True, batch_size=2000)


def _comments(
    organisation: Organisation,
    ideas: list[Idea],
    customers: list[Membership],
    staff: list[Membership],
    rng: random.Random,
    now: Any,
) -> None:
    rows, follows = [], []
    for idea in rng.sample(ideas, 70):
        for _ in range(rng.randint(1, 3)):
            author = rng.choice(customers).user
            rows.append(
                Comment(
                    organisation=organisation,
                    idea=idea,
                    author=author,
                    role=Role.CUSTOMER,
                    body=rng.choice(COMMENTS),
                )
            )
            follows.append(_follow(organisation, idea, author, FollowReason.COMMENTER))
    with transaction.atomic(), scope(organisation=organisation):
        made = Comment.objects.bulk_create(rows)
        Follower.objects.bulk_create(follows, ignore_conflicts=True)
        for comment in made:
            age = max(0.01, (now - comment.idea.created_at).days)
            at = comment.idea.created_at + timedelta(days=rng.uniform(0, age))
            Comment.objects.filter(pk=comment.pk).update(created_at=at)


def _answers(
    organisation: Organisation,
    ideas: list[Idea],
    staff: list[Membership],
    organiser: Membership,
    rng: random.Random,
    now: Any,
) -> None:
    """Staff answered most ideas older than a few days, some fast and some slowly; a few
    answers are recent and go through the service, so followers hear of them."""
    responders = [*staff[:6], organiser]
    speed = {m.user_id: rng.uniform(6, 150) for m in responders}  # typical hours to answer
    history = [i for i in ideas[1:] if (now - i.created_at).days >= 3]
    updates = []
    path = [IdeaStatus.UNDER_REVIEW, IdeaStatus.PLANNED, IdeaStatus.IN_PROGRESS, IdeaStatus.SHIPPED]
    with transaction.atomic(), scope(organisation=organisation):
        for idea in history:
            if rng.random() < 0.12:
                continue  # still waiting: the inbox shows it
            who = rng.choice(responders)
            first = idea.created_at + timedelta(hours=rng.expovariate(1 / speed[who.user_id]))
            first = min(first, now - timedelta(hours=1))
            steps = rng.choices([1, 2, 3, 4, 0], weights=[40, 25, 12, 8, 15])[0]
            status = IdeaStatus.NEW
            at = first
            if steps == 0:
                updates.append(
                    IdeaUpdate(
                        organisation=organisation,
                        idea=idea,
                        author=who.user,
                        old_status=status,
                        new_status=status,
                        message=rng.choice(STAFF_ANSWERS),
                        created_at=at,
                    )
                )
            for step in path[:steps]:
                updates.append(
                    IdeaUpdate(
                        organisation=organisation,
                        idea=idea,
                        author=who.user,
                        old_status=status,
                        new_status=step,
                        message=rng.choice(STAFF_ANSWERS) if step == path[0] else "",
                        created_at=at,
                    )
                )
                status, at = step, min(now, at + timedelta(days=rng.uniform(2, 20)))
            reason = ""
            if steps == 1 and rng.random() < 0.3:
                reason = rng.choice(DECLINE_REASONS)
                updates.append(
                    IdeaUpdate(
                        organisation=organisation,
                        idea=idea,
                        author=who.user,
                        old_status=status,
                        new_status=IdeaStatus.DECLINED,
                        message="",
                        created_at=at,
                    )
                )
                status = IdeaStatus.DECLINED
            Idea.objects.filter(pk=idea.pk).update(
                status=status,
                decline_reason=reason,
                first_response_at=first,
                first_response_by=who.user,
            )
        made = IdeaUpdate.objects.bulk_create(updates, batch_size=1000)
        for update, row in zip(made, updates, strict=True):
            IdeaUpdate.objects.filter(pk=update.pk).update(created_at=row.created_at)
    # Recent answers, through the service: their followers have them in their inboxes.
    recent = [i for i in ideas if (now - i.created_at).days < 3][:4]
    with scope(organisation=organisation):
        top = Idea.objects.get(pk=ideas[0].pk)  # Chloe's: "Record every talk…"
    services.idea_respond(
        idea=top,
        membership=organiser,
        status=IdeaStatus.PLANNED,
        message="We will film every talk from the next edition on, and post them within a week.",
    )
    for idea in recent:
        services.idea_respond(
            idea=idea,
            membership=rng.choice(staff),
            status=IdeaStatus.UNDER_REVIEW,
            message=rng.choice(STAFF_ANSWERS),
        )


def _gone(organisation: Organisation) -> set[int]:
    """Ideas hidden or merged away: out of the votes and support that follow."""
    with scope(organisation=organisation):
        hidden = Idea.objects.filter(hidden_at__isnull=False).values_list("pk", flat=True)
        merged = Idea.objects.filter(merged_into__isnull=False).values_list("pk", flat=True)
        return set(hidden) | set(merged)


def _moderation(
    organisation: Organisation,
    ideas: list[Idea],
    customers: list[Membership],
    organiser: User,
) -> None:
    """Adverts flagged and hidden; a dozen rewordings merged into the idea they repeat
    (the rest stay for the duplicates page)."""
    by_title = {i.title: i for i in ideas}
    for title in ADVERTS:
        if title in by_title:
            advert = by_title[title]
            services.idea_flag(idea=advert, user=customers[-1].user, reason="This is an advert.")
            services.idea_hide(idea=advert, actor=organiser, reason="An advert, not an idea.")
    for original, title in REWORDINGS[::3]:
        if title in by_title and original in by_title:
            with scope(organisation=organisation):
                rewording = Idea.objects.get(pk=by_title[title].pk)
                into = Idea.objects.get(pk=by_title[original].pk)
            if rewording.visible and into.visible:
                services.idea_merge(idea=rewording, into=into, actor=organiser)


def _challenge(
    organisation: Organisation,
    ideas: list[Idea],
    strengths: dict[int, float],
    organiser: User,
    chloe: User,
    customers: list[Membership],
    rng: random.Random,
) -> None:
    """The running challenge: "Record every talk" with six lead customers, Chloe among them."""
    with scope(organisation=organisation):
        idea = Idea.objects.get(pk=ideas[0].pk)
    challenge = services.challenge_create(
        idea=idea,
        actor=organiser,
        title="Recordings people actually watch",
        problem="Half the attendees miss sessions they wanted to see. Recording every talk "
        "is planned: how do we make the recordings worth watching, and easy to find?",
        constraints="One camera per room, no film crew. Speakers must agree to be filmed.",
        out_of_scope="Live streaming; paid access to the videos.",
        deadline=timezone.localdate() + timedelta(days=45),
    )
    others = [m.user_id for m in customers if m.user_id != chloe.pk]
    leads = [chloe.pk, *rng.sample(others, min(5, len(others)))]
    with scope(organisation=organisation):
        member_ids = list(Membership.objects.filter(user_id__in=leads).values_list("pk", flat=True))
    services.challenge_invite(challenge=challenge, actor=organiser, member_ids=member_ids)
    with scope(organisation=organisation):
        olivia = Membership.objects.get(user=organiser)
        writers = list(
            Membership.objects.filter(user_id__in=leads[1:3]).select_related("user", "organisation")
        )
    services.challenge_post(
        challenge=challenge,
        membership=olivia,
        body="Welcome! What would make you watch a recording rather than skip it?",
    )
    for membership, body in zip(
        writers,
        [
            "Short chapters, so I can jump to the part about metrics.",
            "The slides next to the video, and a summary of the three actions.",
        ],
        strict=False,
    ):
        services.challenge_post(challenge=challenge, membership=membership, body=body)
