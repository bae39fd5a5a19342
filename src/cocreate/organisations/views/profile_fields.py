"""The questions an organisation asks its members, edited by organisers."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from cocreate.core.errors import ServiceError
from cocreate.core.forms import show_service_error
from cocreate.organisations import selectors, services
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.forms import ProfileFieldEditForm, ProfileFieldForm
from cocreate.organisations.models import ProfileField
from cocreate.organisations.rules import Permission


@org_page(Permission.MANAGE_PROFILE_FIELDS)
def profile_fields(request: OrgRequest) -> HttpResponse:
    form = ProfileFieldForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            field = services.profile_field_create(
                organisation=request.organisation, actor=request.user, **form.cleaned_data
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            messages.success(request, _created(field))
            return redirect("profile_fields", request.organisation.slug)
    fields = selectors.profile_fields(request.organisation)
    return render(request, "organisations/profile_fields.html", {"form": form, "fields": fields})


def _created(field: ProfileField) -> str:
    if field.asked_of_everyone:
        return _("Members can now answer “%(label)s” on their profile.") % {"label": field.label}
    return _("Offerings can now ask “%(label)s”.") % {"label": field.label}


def _field_or_404(request: OrgRequest, field_id: int) -> ProfileField:
    return get_object_or_404(selectors.profile_fields(request.organisation), pk=field_id)


@org_page(Permission.MANAGE_PROFILE_FIELDS)
def profile_field_edit(request: OrgRequest, field_id: int) -> HttpResponse:
    field = _field_or_404(request, field_id)
    form = ProfileFieldEditForm.for_field(field, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.profile_field_update(field=field, actor=request.user, **form.cleaned_data)
        except ServiceError as error:
            show_service_error(form, error)
        else:
            messages.success(request, f"“{field.label}” is saved.")
            return redirect("profile_fields", request.organisation.slug)
    return render(request, "organisations/profile_field_edit.html", {"form": form, "field": field})


@org_page(Permission.MANAGE_PROFILE_FIELDS, methods=["POST"])
def profile_field_move(request: OrgRequest, field_id: int) -> HttpResponse:
    field = _field_or_404(request, field_id)
    offset = -1 if request.POST.get("up") else 1
    services.profile_field_move(field=field, actor=request.user, offset=offset)
    if request.htmx:
        fields = selectors.profile_fields(request.organisation)
        return render(request, "organisations/profile_fields_table.html", {"fields": fields})
    return redirect("profile_fields", request.organisation.slug)


@org_page(Permission.MANAGE_PROFILE_FIELDS, methods=["POST"])
def profile_field_delete(request: OrgRequest, field_id: int) -> HttpResponse:
    field = _field_or_404(request, field_id)
    services.profile_field_delete(field=field, actor=request.user)
    messages.success(request, f"“{field.label}” and its answers are deleted.")
    return redirect("profile_fields", request.organisation.slug)
