from django.db.models import QuerySet

from cocreate.accounts.models import ApiToken, ContactPreferences, User


def contact_preferences(user: User) -> ContactPreferences:
    """The saved preferences, or the defaults (email) for someone who never set any."""
    return ContactPreferences.objects.filter(user=user).first() or ContactPreferences(user=user)


def api_tokens(user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user)
