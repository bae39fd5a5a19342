"""What a suggestion asks for, without the words that only say it is a suggestion.

"Could you record every talk?", "Idea: record every talk." and "It would be great if you
could record every talk." ask for the same thing, but their sentence vectors also carry
the framing: two different ideas that both start "Could you ..." look closer than two
wordings of one idea framed differently. Near-duplicate detection compares what is asked.

The openers below are the common ways people phrase a request or label a suggestion in
English; each is removed from the start of the text, repeatedly ("Idea: please ..."),
with the closing punctuation. Nothing else is touched, so a text that is all framing
("Please!") is returned as it was rather than emptied.
"""

import re

_OPENERS = "|".join(
    [
        # a label: "Idea: ...", "Feature request - ..."
        r"(?:idea|suggestion|proposal|request|feature request|feedback|wish)\s*[:\-–]\s*",
        r"(?:please|kindly|maybe|perhaps)\s*,?\s+",
        r"(?:could|can|would|will) (?:you|we|they)(?: please)?\s+",
        r"why (?:not|don'?t (?:you|we))\s+",
        r"how about\s+",
        r"it would be (?:great|nice|good|helpful|lovely|useful|better) if (?:you|we|they)"
        r" (?:could|would)\s+",
        r"i(?:'d| would) (?:like|love) (?:you |us |them )?to\s+",
        r"i (?:wish|hope) (?:you|we|they) (?:would|could|will)\s+",
        r"(?:you|we|they) (?:should|could|need to|ought to)\s+",
    ]
)
OPENING = re.compile(rf"^\s*(?:{_OPENERS})+", re.IGNORECASE)
CLOSING = re.compile(r"[\s.?!]+$")


def what_is_asked(text: str) -> str:
    """The text without its request framing: "Could you record every talk?" gives
    "Record every talk"."""
    asked = CLOSING.sub("", OPENING.sub("", text))
    if not asked.strip():
        return text
    return asked[0].upper() + asked[1:]
