"""Who may do what inside an organisation: one line per action (permissions as data)."""

from enum import StrEnum

from cocreate.organisations.models import Role

EVERYONE = frozenset(Role)


class Permission(StrEnum):
    VIEW_ORGANISATION = "view_organisation"
    EDIT_OWN_PROFILE = "edit_own_profile"
    VIEW_MEMBERS = "view_members"
    MANAGE_MEMBERS = "manage_members"
    MANAGE_INVITATIONS = "manage_invitations"
    MANAGE_PROFILE_FIELDS = "manage_profile_fields"
    MANAGE_ORGANISATION = "manage_organisation"
    MANAGE_MESSAGING = "manage_messaging"
    VIEW_AUDIT = "view_audit"
    DESIGN_EXPERIENCE = "design_experience"
    MANAGE_OFFERINGS = "manage_offerings"
    VIEW_DEMAND = "view_demand"
    FULFIL_OPTIONS = "fulfil_options"
    SHARE_IDEAS = "share_ideas"
    RESPOND_TO_IDEAS = "respond_to_ideas"
    MANAGE_IDEAS = "manage_ideas"
    TAKE_PART_IN_AGENDA = "take_part_in_agenda"
    RUN_AGENDA = "run_agenda"
    VIEW_LISTENING = "view_listening"
    MANAGE_LISTENING = "manage_listening"
    TAKE_STAFF_PULSE = "take_staff_pulse"
    RECORD_INTERACTIONS = "record_interactions"
    TAKE_PART_IN_OPINIONS = "take_part_in_opinions"


GRANTS: dict[Permission, frozenset[Role]] = {
    Permission.VIEW_ORGANISATION: EVERYONE,
    Permission.EDIT_OWN_PROFILE: EVERYONE,
    # Front-line staff serve customers, so they see who the customers are.
    Permission.VIEW_MEMBERS: frozenset({Role.ORGANISER, Role.STAFF}),
    Permission.MANAGE_MEMBERS: frozenset({Role.ORGANISER}),
    Permission.MANAGE_INVITATIONS: frozenset({Role.ORGANISER}),
    Permission.MANAGE_PROFILE_FIELDS: frozenset({Role.ORGANISER}),
    Permission.MANAGE_ORGANISATION: frozenset({Role.ORGANISER}),
    # Deliveries, dead letters, webhooks and the wording of messages.
    Permission.MANAGE_MESSAGING: frozenset({Role.ORGANISER}),
    Permission.VIEW_AUDIT: frozenset({Role.ORGANISER}),
    # Anyone in the organisation may design their own experience of an open offering.
    Permission.DESIGN_EXPERIENCE: EVERYONE,
    Permission.MANAGE_OFFERINGS: frozenset({Role.ORGANISER}),
    # What customers chose and could not get: the business learns from it.
    Permission.VIEW_DEMAND: frozenset({Role.ORGANISER, Role.STAFF}),
    # Partners deliver their options and mark them fulfilled; organisers may too.
    Permission.FULFIL_OPTIONS: frozenset({Role.ORGANISER, Role.PARTNER}),
    # Ideas: everyone shares, supports, votes and answers surveys; staff answer ideas and
    # moderate them; organisers curate jobs and outcomes, survey, shortlist and challenge.
    Permission.SHARE_IDEAS: EVERYONE,
    Permission.RESPOND_TO_IDEAS: frozenset({Role.ORGANISER, Role.STAFF}),
    Permission.MANAGE_IDEAS: frozenset({Role.ORGANISER}),
    # Everyone proposes sessions and says what they want to attend; organisers plan.
    Permission.TAKE_PART_IN_AGENDA: EVERYONE,
    Permission.RUN_AGENDA: frozenset({Role.ORGANISER}),
    # Listening: staff serve customers, so they see what customers say and who they are.
    Permission.VIEW_LISTENING: frozenset({Role.ORGANISER, Role.STAFF}),
    Permission.MANAGE_LISTENING: frozenset({Role.ORGANISER}),
    # Staff say how their work feels, and record whom they served.
    Permission.TAKE_STAFF_PULSE: frozenset({Role.ORGANISER, Role.STAFF}),
    Permission.RECORD_INTERACTIONS: frozenset({Role.ORGANISER, Role.STAFF}),
    # Everyone agrees, disagrees or passes on statements, and sees the opinion groups.
    Permission.TAKE_PART_IN_OPINIONS: EVERYONE,
}


def allows(role: str, permission: Permission) -> bool:
    return role in GRANTS[permission]


def permissions_of(role: str) -> frozenset[Permission]:
    return frozenset(p for p, roles in GRANTS.items() if role in roles)
