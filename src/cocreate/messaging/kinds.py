"""Every kind of message Cocreate sends a person, in one list.

Each kind has templates in templates/messaging/kinds/<key>/: subject.txt, text.txt (the
short version, for SMS and previews) and body.txt; the email's HTML wraps body.txt. An
organisation may override a kind's wording (MessageTemplate). People may mute a kind
unless it is mandatory. Later capabilities add their kinds here.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    key: str
    label: str  # as a person reads it in their preferences
    mandatory: bool = False


KINDS: dict[str, Kind] = {
    kind.key: kind
    for kind in [
        Kind("welcome", "A welcome when I join an organisation"),
        Kind("role_changed", "When my role in an organisation changes"),
        Kind("invitation_accepted", "When someone accepts an invitation I sent"),
        Kind("offering_opened", "When an offering opens for designs"),
        Kind("design_confirmed", "A confirmation when I submit or change a design"),
        Kind("waitlist_promoted", "When a seat I waited for is mine", mandatory=True),
        Kind("idea_update", "What becomes of an idea I shared, support or voted for"),
        Kind("idea_merged", "When an idea I follow is merged with another"),
        Kind("outcome_survey", "When I am asked what matters to me in a survey"),
        Kind("challenge_invitation", "When I am invited to work on a challenge"),
        Kind("challenge_update", "New messages and the result of a challenge I am part of"),
        Kind("cohost_invited", "When someone asks me to host a session with them"),
        Kind("proposal_accepted", "When a session I proposed is accepted"),
        Kind("proposal_declined", "When a session I proposed is declined", mandatory=True),
        Kind("proposal_merged", "When a session I proposed is merged with another"),
        Kind("agenda_changed", "When the sessions in my plan move, or my seat changes"),
        Kind("rating_asked", "When I am asked how a session or a service went"),
        Kind("session_rated", "How the sessions I host were rated"),
        Kind("idea_session", "When an idea I follow becomes a session at an event"),
        Kind("challenge_session", "When a challenge I took part in runs as a session"),
        Kind("import_finished", "When a file I imported has been read"),
        Kind("digest", "A digest instead of many messages in one hour", mandatory=True),
    ]
}
MUTABLE_KINDS = [kind for kind in KINDS.values() if not kind.mandatory]
