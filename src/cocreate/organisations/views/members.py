"""The people in an organisation: list and search, one member's profile, role, removal."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from cocreate.core.errors import ServiceError
from cocreate.organisations import selectors, services
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.forms import RoleForm
from cocreate.organisations.models import Membership, Role
from cocreate.organisations.rules import Permission, allows

PAGE_SIZE = 50


@org_page(Permission.VIEW_MEMBERS)
def members(request: OrgRequest) -> HttpResponse:
    role = request.GET.get("role", "")
    search = request.GET.get("q", "").strip()
    found = selectors.members(
        request.organisation, role=role if role in Role.values else None, search=search
    )
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "roles": Role.choices,
        "role": role,
        "q": search,
        "can_manage": allows(request.membership.role, Permission.MANAGE_MEMBERS),
    }
    template = "organisations/members_table.html" if request.htmx else "organisations/members.html"
    return render(request, template, context)


def _member_or_404(request: OrgRequest, membership_id: int) -> Membership:
    return get_object_or_404(selectors.members(request.organisation), pk=membership_id)


@org_page(Permission.VIEW_MEMBERS)
def member(request: OrgRequest, membership_id: int) -> HttpResponse:
    found = _member_or_404(request, membership_id)
    fields = selectors.profile_fields(request.organisation)
    answers = [(field, found.profile.get(field.key)) for field in fields]
    context = {
        "member": found,
        "answers": answers,
        "roles": Role.choices,
        "can_manage": allows(request.membership.role, Permission.MANAGE_MEMBERS),
    }
    return render(request, "organisations/member.html", context)


@org_page(Permission.MANAGE_MEMBERS, methods=["POST"])
def member_role(request: OrgRequest, membership_id: int) -> HttpResponse:
    found = _member_or_404(request, membership_id)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose a role from the list.")
    else:
        try:
            services.membership_change_role(
                membership=found, role=form.cleaned_data["role"], actor=request.user
            )
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, f"{found.user} is now {found.get_role_display().lower()}.")
    return redirect("member", request.organisation.slug, found.pk)


@org_page(Permission.MANAGE_MEMBERS, methods=["POST"])
def member_remove(request: OrgRequest, membership_id: int) -> HttpResponse:
    found = _member_or_404(request, membership_id)
    try:
        services.membership_remove(membership=found, actor=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("member", request.organisation.slug, found.pk)
    messages.success(request, f"{found.user} is no longer a member.")
    return redirect("members", request.organisation.slug)
