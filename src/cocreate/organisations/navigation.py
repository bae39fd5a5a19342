"""The organisation's sections, each shown to the roles allowed to use it.

Later capabilities add their section here, with the permission that guards its views.
"""

from dataclasses import dataclass

from cocreate.organisations.rules import Permission


@dataclass(frozen=True)
class Section:
    label: str
    url_name: str
    permission: Permission
    pages: tuple[str, ...] = ()  # the section's other pages' URL names

    def is_current(self, url_name: str | None) -> bool:
        return url_name == self.url_name or url_name in self.pages


SECTIONS: list[Section] = [
    Section("Overview", "org_home", Permission.VIEW_ORGANISATION),
    Section("My profile", "my_profile", Permission.EDIT_OWN_PROFILE),
    Section(
        "Offerings",
        "offerings",
        Permission.DESIGN_EXPERIENCE,
        pages=(
            "designer",
            "my_plan",
            "hosted_feedback",
            "offering_edit",
            "dimension_edit",
            "option_new",
            "option_edit",
            "offering_demand",
            "offering_fulfilment",
            "partners",
            "partner_edit",
        ),
    ),
    Section(
        "Ideas",
        "ideas",
        Permission.SHARE_IDEAS,
        pages=(
            "idea_new",
            "idea",
            "vote",
            "ranking",
            "ideas_inbox",
            "ideas_metrics",
            "ideas_duplicates",
            "shortlist",
            "jobs",
            "surveys",
            "survey_new",
            "survey_results",
            "survey_answer",
            "challenges",
            "challenge_new",
            "challenge",
            "challenge_invite",
        ),
    ),
    Section(
        "Agenda",
        "events",
        Permission.TAKE_PART_IN_AGENDA,
        pages=(
            "event",
            "proposals",
            "proposal",
            "proposal_new",
            "my_agenda",
            "availability",
            "event_setup",
            "event_constraints",
            "event_planning",
            "run_progress",
        ),
    ),
    Section(
        "Listening",
        "listening",
        Permission.VIEW_LISTENING,
        pages=(
            "listening_scores",
            "listening_staff",
            "listening_feedback",
            "session_feedback",
            "listening_themes",
            "listening_pulse",
            "listening_journey",
            "listening_surveys",
            "listening_survey",
            "listening_form_results",
            "listening_question",
            "listening_imports",
            "listening_import",
        ),
    ),
    Section("Insights", "insights", Permission.VIEW_LISTENING, pages=("listening_customer",)),
    Section(
        "Opinions",
        "opinions",
        Permission.TAKE_PART_IN_OPINIONS,
        pages=("opinion", "opinion_results"),
    ),
    Section("Members", "members", Permission.VIEW_MEMBERS),
    Section("Invitations", "invitations", Permission.MANAGE_INVITATIONS),
    Section("Profile fields", "profile_fields", Permission.MANAGE_PROFILE_FIELDS),
    Section("Messages", "deliveries", Permission.MANAGE_MESSAGING),
    Section("Webhooks", "webhooks", Permission.MANAGE_MESSAGING),
    Section("Audit log", "audit_log", Permission.VIEW_AUDIT),
    Section("Settings", "org_settings", Permission.MANAGE_ORGANISATION),
]
