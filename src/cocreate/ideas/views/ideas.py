"""Ideas as everyone sees them: the list, sharing one (near-duplicates first), an idea's
page with its updates and comments, support, follow and flag."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from cocreate.core.errors import ServiceError
from cocreate.core.forms import show_service_error
from cocreate.ideas import engine, rules, selectors, services
from cocreate.ideas.forms import (
    CommentForm,
    FlagForm,
    HideForm,
    IdeaForm,
    MergeForm,
    RespondForm,
)
from cocreate.ideas.models import IdeaStatus
from cocreate.ideas.views import lookup
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.rules import Permission

PAGE_SIZE = 30


@org_page(Permission.SHARE_IDEAS)
def ideas(request: OrgRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    search = request.GET.get("q", "")
    sort = request.GET.get("sort", "recent")
    show = request.GET.get("show", "visible")
    found = selectors.ideas_list(
        request.membership, status=status, search=search, sort=sort, show=show
    )
    try:
        page = max(1, int(request.GET.get("page", "1")))
    except ValueError:
        page = 1
    total = found.count()
    context = {
        "ideas": list(found[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]),
        "total": total,
        "page": page,
        "has_next": page * PAGE_SIZE < total,
        "status": status,
        "statuses": IdeaStatus.choices,
        "q": search,
        "sort": sort,
        "show": show,
        "moderates": selectors.moderates(request.membership),
    }
    template = "ideas/_idea_list.html" if request.htmx else "ideas/ideas.html"
    return render(request, template, context)


def _idea_form(request: OrgRequest, data: Any = None) -> IdeaForm:
    return IdeaForm(
        data,
        outcomes=list(selectors.accepted_outcomes(request.organisation)),
        jobs=list(selectors.accepted_jobs(request.organisation)),
    )


def _new_page(
    request: OrgRequest, form: IdeaForm, similar: Any = (), status: int = 200
) -> HttpResponse:
    groups: dict[str, list[Any]] = {}
    for outcome in selectors.accepted_outcomes(request.organisation):
        groups.setdefault(outcome.job.title, []).append(outcome)
    context = {
        "form": form,
        "similar": similar,
        "groups": list(groups.items()),
        "chosen": set(request.POST.getlist("outcomes")),
    }
    return render(request, "ideas/idea_new.html", context, status=status)


@org_page(Permission.SHARE_IDEAS)
def idea_new(request: OrgRequest) -> HttpResponse:
    """Share an idea: the near-duplicates are shown before it is posted, and the person
    chooses to support one of them or to post theirs anyway."""
    if request.method != "POST":
        return _new_page(request, _idea_form(request))
    form = _idea_form(request, request.POST)
    similar: list[engine.Similar] = []
    if form.is_valid():
        data = form.cleaned_data
        if "confirm" not in request.POST:
            similar = engine.similar_ideas(request.organisation, data["title"])
        if not similar:
            try:
                idea = services.idea_submit(
                    organisation=request.organisation,
                    author=request.user,
                    title=data["title"],
                    description=data["description"],
                    outcome_ids=[int(i) for i in data.get("outcomes", [])],
                    job_ids=[int(i) for i in data.get("jobs", [])],
                )
            except ServiceError as error:
                show_service_error(form, error)
            else:
                messages.success(request, "Your idea is shared: you will hear what becomes of it.")
                return redirect("idea", request.organisation.slug, idea.pk)
    return _new_page(request, form, similar, status=200 if similar else 422)


@org_page(Permission.SHARE_IDEAS)
def idea_similar(request: OrgRequest) -> HttpResponse:
    """As the title is typed (htmx): ideas that may already say the same."""
    title = request.GET.get("title", "")[:200]
    similar = engine.similar_ideas(request.organisation, title) if len(title) >= 10 else []
    return render(request, "ideas/_similar.html", {"similar": similar, "live": True})


@org_page(Permission.SHARE_IDEAS)
def idea(request: OrgRequest, idea_id: int) -> HttpResponse:
    found = lookup.idea(request, idea_id)
    return _idea_page(request, found)


def _idea_page(request: OrgRequest, found: Any, status: int = 200, **forms: Any) -> HttpResponse:
    page = selectors.idea_page(found, request.membership)
    moderates = selectors.moderates(request.membership)
    context = {
        "page": page,
        "idea": found,
        "moderates": moderates,
        "comment_form": forms.get("comment_form") or CommentForm(),
        "flag_form": forms.get("flag_form") or FlagForm(),
        "respond_form": forms.get("respond_form")
        or RespondForm(initial={"status": found.status, "reason": found.decline_reason}),
        "hide_form": forms.get("hide_form") or HideForm(),
        "merge_form": forms.get("merge_form") or MergeForm(),
        "may_propose_session": rules.open_to_sessions(found)
        and rules.may_propose_as_session(found, request.membership),
        "merge_candidates": engine.similar_ideas(
            request.organisation, found.title, exclude=[found.pk], limit=5
        )
        if moderates and found.visible
        else [],
    }
    return render(request, "ideas/idea.html", context, status=status)


@org_page(Permission.SHARE_IDEAS, methods=["POST"])
def idea_support(request: OrgRequest, idea_id: int) -> HttpResponse:
    found = lookup.idea(request, idea_id)
    try:
        if request.POST.get("support") == "no":
            services.support_remove(idea=found, user=request.user)
        else:
            services.support_add(idea=found, user=request.user)
    except ServiceError as error:
        if request.htmx:
            raise
        messages.error(request, error.message)
        return redirect(_url(request, found.pk))
    if not request.htmx:
        messages.success(request, f"You support “{found.title}”.")
        return redirect(_url(request, found.pk))
    page = selectors.idea_page(found, request.membership)
    return render(request, "ideas/_support.html", {"idea": found, "page": page})


@org_page(Permission.SHARE_IDEAS, methods=["POST"])
def idea_follow(request: OrgRequest, idea_id: int) -> HttpResponse:
    found = lookup.idea(request, idea_id)
    if request.POST.get("follow") == "no":
        services.idea_unfollow(idea=found, user=request.user)
        messages.success(request, "You no longer follow this idea.")
    else:
        services.idea_follow(idea=found, user=request.user)
        messages.success(request, "You follow this idea: you will hear what becomes of it.")
    return redirect("idea", request.organisation.slug, found.pk)


@org_page(Permission.SHARE_IDEAS, methods=["POST"])
def idea_comment(request: OrgRequest, idea_id: int) -> HttpResponse:
    found = lookup.idea(request, idea_id)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.comment_add(
                idea=found, membership=request.membership, body=form.cleaned_data["body"]
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            return redirect(_url(request, found.pk) + "#comments")
    return _idea_page(request, found, status=422, comment_form=form)


@org_page(Permission.SHARE_IDEAS, methods=["POST"])
def idea_flag(request: OrgRequest, idea_id: int) -> HttpResponse:
    found = lookup.idea(request, idea_id)
    form = FlagForm(request.POST)
    if form.is_valid():
        try:
            services.idea_flag(idea=found, user=request.user, reason=form.cleaned_data["reason"])
        except ServiceError as error:
            show_service_error(form, error)
        else:
            messages.success(request, "Thank you: the moderators will look at it.")
            return redirect("idea", request.organisation.slug, found.pk)
    return _idea_page(request, found, status=422, flag_form=form)


@org_page(Permission.RESPOND_TO_IDEAS, methods=["POST"])
def idea_respond(request: OrgRequest, idea_id: int) -> HttpResponse:
    found = lookup.idea(request, idea_id)
    form = RespondForm(request.POST)
    if form.is_valid():
        try:
            services.idea_respond(idea=found, membership=request.membership, **form.cleaned_data)
        except ServiceError as error:
            show_service_error(form, error)
        else:
            messages.success(request, "Updated: everyone who backed the idea will hear it.")
            return redirect("idea", request.organisation.slug, found.pk)
    return _idea_page(request, found, status=422, respond_form=form)


@org_page(Permission.RESPOND_TO_IDEAS, methods=["POST"])
def idea_hide(request: OrgRequest, idea_id: int) -> HttpResponse:
    found = lookup.idea(request, idea_id)
    if request.POST.get("hide") == "no":
        services.idea_unhide(idea=found, actor=request.user)
        messages.success(request, "The idea is shown again.")
        return redirect("idea", request.organisation.slug, found.pk)
    form = HideForm(request.POST)
    if form.is_valid():
        try:
            services.idea_hide(idea=found, actor=request.user, reason=form.cleaned_data["reason"])
        except ServiceError as error:
            show_service_error(form, error)
        else:
            messages.success(request, "The idea is hidden from lists, votes and the ranking.")
            return redirect("idea", request.organisation.slug, found.pk)
    return _idea_page(request, found, status=422, hide_form=form)


@org_page(Permission.RESPOND_TO_IDEAS, methods=["POST"])
def idea_merge(request: OrgRequest, idea_id: int) -> HttpResponse:
    found = lookup.idea(request, idea_id)
    form = MergeForm(request.POST)
    if form.is_valid():
        try:
            into = lookup.idea(request, form.cleaned_data["into"])
            services.idea_merge(idea=found, into=into, actor=request.user)
        except ServiceError as error:
            show_service_error(form, error)
        except Http404:
            form.add_error("into", "There is no idea with this number here.")
        else:
            messages.success(request, f"Merged into “{into.title}”, with its votes and followers.")
            return redirect("idea", request.organisation.slug, into.pk)
    return _idea_page(request, found, status=422, merge_form=form)


@org_page(Permission.RESPOND_TO_IDEAS, methods=["POST"])
def idea_flags_resolve(request: OrgRequest, idea_id: int) -> HttpResponse:
    found = lookup.idea(request, idea_id)
    services.flags_resolve(idea=found, actor=request.user)
    messages.success(request, "The flags are resolved; the idea stays as it is.")
    return redirect("idea", request.organisation.slug, found.pk)


def _url(request: OrgRequest, idea_id: int) -> str:
    return reverse("idea", args=[request.organisation.slug, idea_id])
