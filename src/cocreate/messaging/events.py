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
    "proposal.submitted": "Someone proposed a session for an event's agenda.",
    "schedule.published": "A new version of an event's schedule was published.",
    "option.fulfilled": "A partner or organiser delivered an option to a customer.",
}
