from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from cocreate.accounts.models import ApiToken, ContactPreferences, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "name", "is_active", "is_staff", "date_joined"]
    search_fields = ["email", "name"]
    fieldsets = [
        (None, {"fields": ["email", "name", "password"]}),
        ("Permissions", {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]


@admin.register(ContactPreferences)
class ContactPreferencesAdmin(admin.ModelAdmin):
    list_display = ["user", "preferred_channel", "updated_at"]
    list_filter = ["preferred_channel"]
    search_fields = ["user__email"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["user", "name", "prefix", "created_at", "last_used_at"]
    readonly_fields = ["digest", "prefix"]
    search_fields = ["user__email", "name"]
