from cocreate.accounts.models import Channel, ContactPreferences, User


def addresses_of(user: User, preferences: ContactPreferences) -> dict[str, str]:
    """Each channel's address for this person ("" where they have none)."""
    has_social = preferences.social_network and preferences.social_handle
    return {
        Channel.EMAIL: "" if user.erased_at else user.email,
        Channel.SMS: preferences.phone,
        Channel.SOCIAL: (
            f"{preferences.social_network}:{preferences.social_handle}" if has_social else ""
        ),
        Channel.WEBHOOK: preferences.webhook_url,
        Channel.IN_APP: "inbox",
    }
