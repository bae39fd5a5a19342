from django.contrib import admin

from cocreate.organisations.models import Invitation, Membership, Organisation, ProfileField


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "allow_self_join", "created_at"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "joined_at"]
    list_filter = ["role", "organisation"]
    search_fields = ["user__email", "organisation__name"]
    raw_id_fields = ["user"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organisation", "role", "created_at", "expires_at", "accepted_at"]
    list_filter = ["organisation", "role"]
    readonly_fields = ["digest"]


@admin.register(ProfileField)
class ProfileFieldAdmin(admin.ModelAdmin):
    list_display = [
        "label",
        "key",
        "kind",
        "organisation",
        "required",
        "asked_of_everyone",
        "position",
    ]
    list_filter = ["organisation", "kind", "asked_of_everyone"]
