"""Conversations: vote on statements one at a time, and see the opinion groups."""

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render

from cocreate.core.charts import chart
from cocreate.core.errors import ServiceError
from cocreate.core.forms import show_service_error
from cocreate.engines.analytics import UnknownFormat, content_type, export_bytes
from cocreate.listening import charts, opinions, selectors, services
from cocreate.listening.forms import ConversationForm, StatementsForm
from cocreate.listening.models import Conversation, Statement
from cocreate.listening.views import lookup
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.rules import Permission, allows

TABLES = ("map", "statements", "votes")


def _can_manage(request: OrgRequest) -> bool:
    return allows(request.membership.role, Permission.MANAGE_LISTENING)


@org_page(Permission.TAKE_PART_IN_OPINIONS, methods=["GET"])
def conversations(request: OrgRequest) -> HttpResponse:
    return _list(request, ConversationForm())


def _list(request: OrgRequest, form: ConversationForm, status: int = 200) -> HttpResponse:
    context = {
        "conversations": selectors.conversations(request.organisation),
        "form": form,
        "can_manage": _can_manage(request),
    }
    return render(request, "listening/conversations.html", context, status=status)


@org_page(Permission.MANAGE_LISTENING, methods=["POST"])
def conversation_new(request: OrgRequest) -> HttpResponse:
    form = ConversationForm(request.POST)
    if form.is_valid():
        try:
            found = services.conversation_save(
                organisation=request.organisation, actor=request.user, **form.cleaned_data
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            messages.success(request, "Now post the statements people will vote on.")
            return redirect("opinion", request.organisation.slug, found.pk)
    return _list(request, form, status=422)


def _vote_context(request: OrgRequest, conversation: Conversation) -> dict[str, object]:
    counts = selectors.statements(conversation, request.user.pk)
    return {
        "conversation": conversation,
        "next": selectors.next_statement(conversation, request.user.pk),
        "voted": sum(1 for c in counts if c.mine is not None),
        "total": len(counts),
        "counts": counts,
    }


@org_page(Permission.TAKE_PART_IN_OPINIONS, methods=["GET"])
def conversation(request: OrgRequest, conversation_id: int) -> HttpResponse:
    found = lookup.conversation(request, conversation_id)
    context = {
        **_vote_context(request, found),
        "can_manage": _can_manage(request),
        "statements_form": StatementsForm(),
        "edit_form": ConversationForm(
            initial={
                "title": found.title,
                "description": found.description,
                "is_open": found.is_open,
            }
        ),
    }
    return render(request, "listening/conversation.html", context)


@org_page(Permission.TAKE_PART_IN_OPINIONS, methods=["POST"])
def vote(request: OrgRequest, conversation_id: int) -> HttpResponse:
    found = lookup.conversation(request, conversation_id)
    statement_id = request.POST.get("statement", "")
    value = request.POST.get("value", "")
    statement = get_object_or_404(
        Statement.objects.filter(conversation=found),
        pk=int(statement_id) if statement_id.isdigit() else 0,
    )
    try:
        services.vote_cast(
            statement=statement,
            membership=request.membership,
            value=int(value) if value.lstrip("-").isdigit() else 99,
        )
    except ServiceError as error:
        if not request.htmx:
            messages.error(request, error.message)
            return redirect("opinion", request.organisation.slug, found.pk)
        return render(
            request,
            "listening/_vote_card.html",
            {**_vote_context(request, found), "error": error.message},
            status=error.status,
        )
    if request.htmx:
        return render(request, "listening/_vote_card.html", _vote_context(request, found))
    return redirect("opinion", request.organisation.slug, found.pk)


@org_page(Permission.MANAGE_LISTENING, methods=["POST"])
def statements_new(request: OrgRequest, conversation_id: int) -> HttpResponse:
    found = lookup.conversation(request, conversation_id)
    form = StatementsForm(request.POST)
    if form.is_valid():
        try:
            made = services.statements_add(
                conversation=found, actor=request.user, texts=form.statements()
            )
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, f"{len(made)} statement{'s' if len(made) != 1 else ''} posted."
            )
    else:
        messages.error(request, "Write at least one statement.")
    return redirect("opinion", request.organisation.slug, found.pk)


@org_page(Permission.MANAGE_LISTENING, methods=["POST"])
def conversation_edit(request: OrgRequest, conversation_id: int) -> HttpResponse:
    found = lookup.conversation(request, conversation_id)
    form = ConversationForm(request.POST)
    if form.is_valid():
        try:
            services.conversation_save(
                organisation=request.organisation,
                actor=request.user,
                conversation=found,
                **form.cleaned_data,
            )
        except ServiceError as error:
            messages.error(request, error.message)
    else:
        messages.error(request, "Give the conversation a title.")
    return redirect("opinion", request.organisation.slug, found.pk)


@org_page(Permission.TAKE_PART_IN_OPINIONS, methods=["GET"])
def results(request: OrgRequest, conversation_id: int) -> HttpResponse:
    found = lookup.conversation(request, conversation_id)
    groups = opinions.opinion_groups(found)
    context: dict[str, object] = {
        "conversation": found,
        "groups": groups,
        "has_groups": not isinstance(groups, str),
    }
    if not isinstance(groups, str):
        context["map_chart"] = chart(
            charts.opinion_map(groups.found.participants()),
            title="Who votes alike: each dot is a participant",
            summary=(
                f"{groups.participants} participants; {groups.grouped} voted on enough "
                f"statements to join one of {len(groups.groups)} groups."
            ),
        )
    return render(request, "listening/results.html", context)


@org_page(Permission.TAKE_PART_IN_OPINIONS, methods=["GET"])
def results_data(request: OrgRequest, conversation_id: int) -> HttpResponse:
    found = lookup.conversation(request, conversation_id)
    name, fmt = request.GET.get("table", "map"), request.GET.get("format", "csv")
    if name not in TABLES:
        raise Http404(f"There is no table called {name!r}.")
    try:
        media_type = content_type(fmt)
    except UnknownFormat as refusal:
        return HttpResponseBadRequest(str(refusal))
    frame = opinions.table(found, name)
    if frame is None:
        raise Http404("There are no opinion groups yet.")
    if name in ("map", "votes"):  # who voted is not for download: number people instead
        frame = frame.with_columns(frame["participant_id"].rank("dense").cast(int))
    response = HttpResponse(export_bytes(frame, fmt), content_type=media_type)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
