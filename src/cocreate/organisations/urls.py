from django.urls import path

from cocreate.organisations.views import (
    audit,
    home,
    invitations,
    members,
    overview,
    profile_fields,
    settings,
)

# Included under /o/<org>/ (cocreate/urls.py); every view goes through org_page. The
# organisation's overview (org_home) is the overview app's: it reads every other app.
org_patterns = [
    path("profile/", overview.my_profile, name="my_profile"),
    path("leave/", overview.leave, name="leave"),
    path("members/", members.members, name="members"),
    path("members/<int:membership_id>/", members.member, name="member"),
    path("members/<int:membership_id>/role/", members.member_role, name="member_role"),
    path("members/<int:membership_id>/remove/", members.member_remove, name="member_remove"),
    path("invitations/", invitations.invitations, name="invitations"),
    path(
        "invitations/<int:invitation_id>/resend/",
        invitations.invitation_resend,
        name="invitation_resend",
    ),
    path(
        "invitations/<int:invitation_id>/revoke/",
        invitations.invitation_revoke,
        name="invitation_revoke",
    ),
    path("profile-fields/", profile_fields.profile_fields, name="profile_fields"),
    path(
        "profile-fields/<int:field_id>/",
        profile_fields.profile_field_edit,
        name="profile_field_edit",
    ),
    path(
        "profile-fields/<int:field_id>/move/",
        profile_fields.profile_field_move,
        name="profile_field_move",
    ),
    path(
        "profile-fields/<int:field_id>/delete/",
        profile_fields.profile_field_delete,
        name="profile_field_delete",
    ),
    path("settings/", settings.org_settings, name="org_settings"),
    path("audit/", audit.audit_log, name="audit_log"),
]

urlpatterns = [
    path("", home.home, name="home"),
    path("join/", home.join, name="join"),
    path("join/<slug:org>/", home.join_organisation, name="join_organisation"),
    path("organisations/new/", home.organisation_new, name="organisation_new"),
    path("invitations/<str:token>/", invitations.invitation, name="invitation"),
]
