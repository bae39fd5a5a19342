from django.db.models import QuerySet

from cocreate.accounts.models import ApiToken, User


def api_tokens(user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user)
