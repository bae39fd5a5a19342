"""Feedback texts for bench/analytics.py, generated from templates around planted themes,
so the benchmark can tell how well theme clustering recovers them. Seeded."""

import numpy as np

ITEMS = ("sofa", "washing machine", "laptop", "parcel", "order", "fridge", "bike", "phone")
PLANS = ("subscription", "monthly plan", "family plan", "contract", "membership")
NAMES = ("Sam", "Priya", "the agent", "the driver", "your colleague", "Tom", "Ana")
PLACES = ("store", "branch", "help desk", "showroom", "counter")
OPENERS = ("", "", "", "Honestly, ", "To be fair, ", "Well, ", "Once again ", "Just saying: ")
CLOSERS = ("", "", "", " Please sort this out.", " Thanks.", " Not the first time.", " Cheers!")

# Planted theme: (journey phase, templates). {item}, {plan}, {name}, {place}, {n} are filled.
THEMES = {
    "late delivery": (
        "use",
        (
            "My {item} arrived {n} days late.",
            "The delivery was delayed again and nobody told me why.",
            "Still waiting for my {item}, the courier never showed up.",
            "Delivery slot missed twice, the {item} came a week after the promised date.",
            "Tracking said out for delivery for {n} days, my {item} was late.",
        ),
    ),
    "damaged goods": (
        "use",
        (
            "The {item} arrived damaged and the box was crushed.",
            "My {item} was broken when I unpacked it.",
            "Scratches all over the {item}, clearly damaged in transit.",
            "The {item} came with a cracked panel.",
        ),
    ),
    "app crashes": (
        "use",
        (
            "The app crashes every time I open my account.",
            "Your app keeps freezing on the login screen.",
            "App crashed {n} times while I tried to pay.",
            "The mobile app is buggy and logs me out constantly.",
        ),
    ),
    "double billing": (
        "buy",
        (
            "I was charged twice for my {plan}.",
            "My card was billed {n} times for one {plan}.",
            "There is a duplicate charge on my statement for the {plan}.",
            "You overcharged me on this month's invoice for the {plan}.",
        ),
    ),
    "friendly staff": (
        "get help",
        (
            "{name} at the {place} was really friendly and helpful.",
            "Lovely service from {name}, so patient with my questions.",
            "The staff at the {place} were kind and welcoming.",
            "{name} went out of their way to help me, great service.",
        ),
    ),
    "phone wait": (
        "get help",
        (
            "I waited {n} minutes on the phone before anyone answered.",
            "The hotline kept me on hold for ages.",
            "Nobody picks up the phone, I was on hold for {n} minutes.",
            "Call centre queue is far too long, {n} minutes waiting.",
        ),
    ),
    "checkout errors": (
        "buy",
        (
            "Checkout kept failing at the payment step.",
            "The website gave an error when I tried to place my order.",
            "Could not complete the purchase, the payment page timed out.",
            "Your online checkout rejected my card {n} times.",
        ),
    ),
    "too expensive": (
        "choose",
        (
            "The {plan} is too expensive for what you get.",
            "Prices went up again, the {plan} is no longer worth it.",
            "Cheaper options elsewhere, your {plan} costs far too much.",
            "I love the product but the {plan} is overpriced.",
        ),
    ),
    "easy setup": (
        "use",
        (
            "Setting up the {item} was quick and easy.",
            "Installation took {n} minutes, very simple instructions.",
            "The {item} was up and running in no time, smooth setup.",
            "Clear instructions made the setup effortless.",
        ),
    ),
    "refund slow": (
        "stay or leave",
        (
            "Still no refund after {n} weeks.",
            "I returned the {item} a month ago and have not been refunded.",
            "The refund for my {item} is taking forever.",
            "Waiting {n} weeks for my money back is unacceptable.",
        ),
    ),
    "cancellation hard": (
        "stay or leave",
        (
            "Cancelling my {plan} was impossible, I had to call {n} times.",
            "Why is it so hard to cancel the {plan} online?",
            "The cancellation form does not work, I am still paying for the {plan}.",
            "It took {n} emails to end my {plan}.",
        ),
    ),
    "clean store": (
        "choose",
        (
            "The {place} was clean and well organised.",
            "Nice bright {place}, easy to find everything.",
            "Tidy shelves and a pleasant {place} to browse.",
            "The {place} looked spotless and the layout was clear.",
        ),
    ),
}


def generate_texts(count: int, seed: int = 11) -> tuple[list[str], np.ndarray, list[str]]:
    """`count` texts, each one's planted theme (index into THEMES) and journey phase."""
    rng = np.random.default_rng(seed)
    names = list(THEMES)
    weights = rng.dirichlet(np.full(len(names), 4.0))  # some themes are more common
    planted = rng.choice(len(names), count, p=weights)
    texts, phases = [], []
    for theme in planted:
        phase, templates = THEMES[names[theme]]
        body = templates[rng.integers(len(templates))].format(
            item=ITEMS[rng.integers(len(ITEMS))],
            plan=PLANS[rng.integers(len(PLANS))],
            name=NAMES[rng.integers(len(NAMES))],
            place=PLACES[rng.integers(len(PLACES))],
            n=int(rng.integers(2, 40)),
        )
        opener = OPENERS[rng.integers(len(OPENERS))]
        body = body if not opener else body[0].lower() + body[1:]
        texts.append(f"{opener}{body}{CLOSERS[rng.integers(len(CLOSERS))]}")
        phases.append(phase)
    return texts, planted, phases
