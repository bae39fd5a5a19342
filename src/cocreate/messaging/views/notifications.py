"""A person's notification settings: quiet hours, muted kinds, their webhook's secret."""

from django.contrib import messages as flash
from django.http import HttpResponse
from django.shortcuts import redirect, render

from cocreate.accounts.selectors import contact_preferences
from cocreate.accounts.typing import AuthedRequest
from cocreate.core.access import personal_page
from cocreate.core.errors import ServiceError
from cocreate.core.forms import show_service_error
from cocreate.messaging import services
from cocreate.messaging.forms import NotificationSettingsForm


@personal_page()
def notification_settings(request: AuthedRequest) -> HttpResponse:
    preferences = contact_preferences(request.user)
    initial = {
        "quiet_start": preferences.quiet_start,
        "quiet_end": preferences.quiet_end,
        "time_zone": preferences.time_zone,
        "muted_kinds": preferences.muted_kinds,
    }
    form = NotificationSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.notification_settings_update(user=request.user, **form.cleaned_data)
        except ServiceError as error:
            show_service_error(form, error)
        else:
            flash.success(request, "Your notification settings are saved.")
            return redirect("notification_settings")
    context = {"form": form, "preferences": preferences}
    return render(request, "messaging/notification_settings.html", context)
