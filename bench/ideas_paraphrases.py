"""A labelled near-duplicate set for `bench/ideas.py`, generated from paraphrase templates.

Each family holds three different ideas about one subject; each idea is written three ways
with different words (its "cores"). Every text is a core inside a framing sentence drawn at
random ("Please ...", "Could you ...?"), different for each text of an idea, so duplicates
never share their framing while texts of different ideas often do. Duplicates are texts of
the same idea. The hard negatives are the other ideas of the same family: they share the
subject's words ("a quiet room for phone calls" against "a quiet room for prayer", "longer
breaks" against "shorter breaks") but mean something else.

Duplicate thresholds were tuned on the even-numbered families and are reported on the odd.
"""

import random

FRAMES = (
    "{}.",
    "Please {}.",
    "Idea: {}.",
    "Why not {}?",
    "Could you {}?",
    "Suggestion: {}.",
    "It would be great if you could {}.",
)

FAMILIES: tuple[tuple[tuple[str, str, str], ...], ...] = (
    (  # recordings and slides
        (
            "record every talk and put the videos online afterwards",
            "post video recordings of all the talks online after the event",
            "make recordings of every session available to watch later",
        ),
        (
            "stream the talks live online for remote attendees",
            "livestream the sessions for people who cannot attend in person",
            "let remote participants watch the talks live over the internet",
        ),
        (
            "share the speakers' slides after each talk",
            "put the slide decks from all the talks on the website",
            "send attendees the presentation slides by email after each session",
        ),
    ),
    (  # quiet spaces
        (
            "provide a quiet room for taking phone calls",
            "set up a silent room where people can make calls",
            "offer a quiet space to take work calls between sessions",
        ),
        (
            "provide a quiet room for prayer and meditation",
            "set up a prayer room where people can meditate",
            "offer a calm space for prayer during the day",
        ),
        (
            "provide charging points for phones and laptops",
            "install power sockets to charge laptops and phones",
            "offer charging stations for mobile devices",
        ),
    ),
    (  # food
        (
            "serve more vegetarian and vegan dishes at lunch",
            "offer more vegan and vegetarian food options at lunchtime",
            "add more meat-free meals to the lunch menu",
        ),
        (
            "label every dish with its allergens",
            "show allergen information for all the food",
            "put allergy labels on each dish at the buffet",
        ),
        (
            "make the lunch break longer",
            "extend the lunch break so we are not rushed",
            "give us a longer break for lunch",
        ),
    ),
    (  # breaks
        (
            "put more coffee stations around the venue",
            "add extra coffee points so the queues are shorter",
            "set up more places to get coffee and tea around the building",
        ),
        (
            "leave longer breaks between sessions",
            "make the gaps between talks longer so we can move rooms",
            "allow more time between sessions for a proper break",
        ),
        (
            "make the breaks between sessions shorter",
            "cut the gaps between talks so the day ends earlier",
            "reduce the time between sessions and finish sooner",
        ),
    ),
    (  # finding sessions
        (
            "recommend sessions based on my interests",
            "suggest talks that match the topics I care about",
            "give me personalised session recommendations",
        ),
        (
            "let me search the programme and filter sessions by topic",
            "add a search box and topic filters to the agenda",
            "make the schedule searchable with filters for track and room",
        ),
        (
            "print a paper programme for people without a smartphone",
            "hand out a printed schedule at the entrance",
            "provide the agenda on paper as well as in the app",
        ),
    ),
    (  # networking
        (
            "match attendees with others who share their interests",
            "suggest people I should meet based on common interests",
            "pair up participants with similar goals for one-to-one meetings",
        ),
        (
            "print each person's company and job title on their badge",
            "show job titles and organisations on the name badges",
            "put people's roles and employers on their badges",
        ),
        (
            "publish the attendee list before the event",
            "share the list of participants in advance so I can plan who to meet",
            "let attendees see who else is coming before the event",
        ),
    ),
    (  # accessibility
        (
            "add live captions to every talk",
            "show real-time subtitles on screen during the talks",
            "provide live captioning for all sessions",
        ),
        (
            "make every room reachable without stairs",
            "ensure wheelchair access to all the session rooms",
            "provide ramps and lifts so every room is step-free",
        ),
        (
            "book sign language interpreters for the keynotes",
            "have sign language interpretation on stage for the main talks",
            "provide BSL interpreters for the keynote sessions",
        ),
    ),
    (  # tickets and check-in
        (
            "speed up check-in at the entrance",
            "make check-in faster so there is no queue at the door",
            "let people check in quickly by scanning a code at the entrance",
        ),
        (
            "allow tickets to be transferred to a colleague",
            "let me transfer my ticket to someone else if I cannot come",
            "make tickets transferable between colleagues",
        ),
        (
            "offer a discount for booking early",
            "introduce cheaper early bird tickets",
            "reduce the ticket price for people who register early",
        ),
    ),
    (  # comfort
        (
            "turn down the air conditioning, the rooms are too cold",
            "make the session rooms warmer",
            "raise the temperature in the rooms, people were freezing",
        ),
        (
            "turn up the air conditioning, the rooms are too hot",
            "cool the session rooms down, it was stuffy",
            "improve the ventilation, the rooms get hot and stuffy",
        ),
        (
            "replace the hard chairs with comfortable seating",
            "provide more comfortable chairs for long sessions",
            "get better chairs for the session rooms",
        ),
    ),
    (  # feedback
        (
            "let attendees rate each session in the app",
            "add session ratings to the event app",
            "let people rate talks in the app right after they end",
        ),
        (
            "send a short feedback survey after the event",
            "email attendees a questionnaire once the conference is over",
            "ask everyone for feedback in a survey after the event",
        ),
        (
            "tell us what changed because of last year's feedback",
            "publish what you improved based on attendee feedback",
            "show which suggestions from last year were acted on",
        ),
    ),
    (  # connectivity and sound
        (
            "make the wifi faster and more reliable",
            "improve the wifi, it kept dropping",
            "provide reliable wireless internet with enough bandwidth",
        ),
        (
            "let the event app work offline",
            "make the app usable without an internet connection",
            "allow the agenda in the app to be downloaded for offline use",
        ),
        (
            "fix the microphones so speakers can be heard at the back",
            "improve the sound system in the large hall",
            "make sure the audio is clear in every room",
        ),
    ),
    (  # sustainability
        (
            "stop using single-use plastic cups and bottles",
            "replace disposable plastic cups with reusable ones",
            "ban single-use plastics from the catering",
        ),
        (
            "stop printing flyers and brochures",
            "go paperless and put the handouts online",
            "cut down on printed leaflets and brochures",
        ),
        (
            "encourage attendees to travel by train or bus",
            "offer discounts for people who come by public transport",
            "promote public transport to reduce travel emissions",
        ),
    ),
    (  # families
        (
            "offer childcare during the conference",
            "provide a creche so parents can attend",
            "set up supervised childcare for attendees' children",
        ),
        (
            "finish the day by five so parents can do the school run",
            "avoid evening sessions for parents with young children",
            "keep the programme within school hours for parents",
        ),
        (
            "provide a private room for breastfeeding",
            "set up a nursing room for mothers",
            "offer a quiet private space for breastfeeding mothers",
        ),
    ),
    (  # speakers
        (
            "invite a more diverse line-up of speakers",
            "make the speaker line-up more diverse",
            "include speakers from different backgrounds, ages and genders",
        ),
        (
            "let customers speak on stage about their experience",
            "invite customers as speakers to share their stories",
            "give clients a speaking slot to present their experience",
        ),
        (
            "leave time for questions after each talk",
            "keep the last ten minutes of every talk for audience questions",
            "allow audience questions at the end of each session",
        ),
    ),
    (  # workshops
        (
            "run more hands-on workshops instead of lectures",
            "have more practical workshops and fewer talks",
            "replace some lectures with interactive hands-on sessions",
        ),
        (
            "keep workshop groups small, under fifteen people",
            "limit the number of participants in each workshop",
            "cap workshop sizes so everyone can take part",
        ),
        (
            "send materials before the workshop so we can prepare",
            "share workshop materials in advance",
            "give participants the exercises before the workshop starts",
        ),
    ),
    (  # unconference
        (
            "let attendees propose session topics on the day",
            "allow participants to suggest new topics during the event",
            "keep an open board where anyone can propose a session",
        ),
        (
            "let attendees vote on which proposed topics get a room",
            "decide the session topics by participant vote",
            "use a poll so participants choose which sessions go ahead",
        ),
        (
            "train the people who host the discussions",
            "give session hosts training in facilitation",
            "prepare facilitators so discussions stay on track",
        ),
    ),
    (  # customer support
        (
            "add a live chat to the website for quick help",
            "offer live chat with a support agent",
            "let me chat with support in real time on the website",
        ),
        (
            "cut the waiting time when I call support",
            "answer support calls faster",
            "reduce how long callers wait on the phone for support",
        ),
        (
            "call customers back instead of keeping them on hold",
            "offer a callback when the phone lines are busy",
            "let me request a call back rather than wait on hold",
        ),
    ),
    (  # billing
        (
            "make invoices easier to understand",
            "explain each charge on the invoice in plain language",
            "redesign the bill so the charges are clear",
        ),
        (
            "let customers pay in monthly instalments",
            "allow payment to be spread over several months",
            "offer a monthly payment plan",
        ),
        (
            "refund money faster when an order is cancelled",
            "speed up refunds for cancelled orders",
            "return payments within days when customers cancel",
        ),
    ),
    (  # delivery
        (
            "let customers choose a delivery time slot",
            "allow me to pick a time for my delivery",
            "offer delivery slots that suit my schedule",
        ),
        (
            "show where my parcel is in real time",
            "send tracking updates for my delivery",
            "let me track the courier live on a map",
        ),
        (
            "use less packaging for small orders",
            "stop sending small items in huge boxes",
            "cut down the packaging in deliveries",
        ),
    ),
    (  # accounts
        (
            "make resetting a forgotten password simpler",
            "simplify the password reset process",
            "let me recover my account quickly when I forget my password",
        ),
        (
            "add two-factor authentication to accounts",
            "protect logins with a code sent to my phone",
            "require a second verification step when signing in",
        ),
        (
            "let customers delete their account and data easily",
            "provide a simple way to close my account and erase my data",
            "allow users to remove their account and personal information",
        ),
    ),
    (  # messages
        (
            "send fewer marketing emails",
            "reduce the number of promotional emails",
            "stop flooding my inbox with marketing messages",
        ),
        (
            "send a text message reminder the day before my appointment",
            "remind me by SMS before my appointment",
            "text customers a reminder ahead of their booking",
        ),
        (
            "send emails in my own language",
            "translate your emails for customers who do not read English",
            "let me choose the language of your messages",
        ),
    ),
    (  # shops
        (
            "open more checkouts at busy times",
            "staff more tills when the shop is busy",
            "add cashiers at peak times so queues move faster",
        ),
        (
            "install self-service checkouts",
            "let shoppers scan and pay for items themselves",
            "add self-checkout machines to the store",
        ),
        (
            "open the store later in the evening",
            "extend the shop's opening hours after work",
            "stay open until nine on weekdays",
        ),
    ),
    (  # loyalty
        (
            "reward regular customers with loyalty points",
            "start a points scheme for frequent shoppers",
            "give loyal customers points they can spend later",
        ),
        (
            "send customers a discount on their birthday",
            "offer a birthday voucher to members",
            "give customers a treat on their birthday",
        ),
        (
            "give existing customers the same deals as new ones",
            "stop offering better prices only to new customers",
            "let loyal customers get the introductory discounts too",
        ),
    ),
    (  # website
        (
            "make the website work properly on phones",
            "fix the mobile version of the site",
            "design the website for small phone screens",
        ),
        (
            "add a dark mode to the website",
            "offer a dark theme for the site",
            "let me switch the website to dark colours",
        ),
        (
            "make the website load faster",
            "speed up the site, pages take ages to open",
            "reduce page loading times on the website",
        ),
    ),
)


def labelled_set(part: str, seed: int) -> tuple[list[str], list[int]]:
    """The texts of the "tuning" (even) or "evaluation" (odd) families and, for each text,
    the idea it expresses: two texts are duplicates exactly when their ideas are equal."""
    first = {"tuning": 0, "evaluation": 1}[part]
    rng = random.Random(seed)
    texts, ideas = [], []
    for family_index in range(first, len(FAMILIES), 2):
        for idea_index, cores in enumerate(FAMILIES[family_index]):
            for core, frame in zip(cores, rng.sample(FRAMES, len(cores)), strict=True):
                text = frame.format(core)
                texts.append(text[0].upper() + text[1:])
                ideas.append(family_index * 3 + idea_index)
    return texts, ideas


def every_text() -> list[str]:
    """Every core in every frame: distinct texts for measuring embedding throughput."""
    cores = [core for family in FAMILIES for idea in family for core in idea]
    return [frame.format(core) for frame in FRAMES for core in cores]
