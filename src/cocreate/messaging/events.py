"""The events an organisation can subscribe its webhooks to, in one list.

Later capabilities add theirs (design.submitted, idea.status_changed, schedule.published).
"""

EVENTS: dict[str, str] = {
    "member.joined": "Someone joined the organisation (self-join or invitation).",
    "member.role_changed": "An organiser changed a member's role.",
    "member.left": "A member left or was removed.",
    "profile.updated": "A member saved their profile.",
    "offering.status_changed": "An offering opened, was locked or delivered.",
    "design.submitted": "A customer submitted or changed their design of an offering.",
    "design.withdrawn": "A customer withdrew their design.",
    "idea.submitted": "Someone shared an idea.",
    "idea.status_changed": "An idea moved to a new status (planned, shipped, declined...).",
    "idea.merged": "A moderator merged an idea into another, with its votes and followers.",
    "survey.opened": "An outcome survey was sent to a segment.",
    "challenge.opened": "An organiser turned an idea into a challenge for lead customers.",
    "challenge.closed": "An organiser recorded what came of a challenge.",
    "proposal.submitted": "Someone proposed a session for an event's agenda.",
    "schedule.published": "A new version of an event's schedule was published.",
    "option.fulfilled": "A partner or organiser delivered an option to a customer.",
    "feedback.received": "Someone answered a feedback form.",
    "signals.imported": "Feedback, interactions or staff pulses came in from a file or the API.",
}
