"""A feedback form's own questions: organisers add, edit, reorder and delete them on the
form's page. The services decide; a refusal shows on the form, or as a message."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from cocreate.core.errors import ServiceError
from cocreate.core.forms import show_service_error
from cocreate.listening import selectors, services
from cocreate.listening.forms import QuestionForm
from cocreate.listening.views import lookup
from cocreate.listening.views.surveys import question_rows, survey_page
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.rules import Permission


@org_page(Permission.MANAGE_LISTENING, methods=["POST"])
def question_new(request: OrgRequest, form_id: int) -> HttpResponse:
    found = lookup.survey(request, form_id)
    form = QuestionForm(request.POST, survey=found, questions=list(selectors.questions(found)))
    if form.is_valid():
        try:
            question = services.question_save(survey=found, actor=request.user, **form.cleaned_data)
        except ServiceError as error:
            show_service_error(form, error)
        else:
            messages.success(request, _("“%(label)s” is on the form.") % {"label": question.label})
            return redirect("listening_survey", request.organisation.slug, found.pk)
    return survey_page(request, found, question_form=form, status=422)


@org_page(Permission.MANAGE_LISTENING)
def question_edit(request: OrgRequest, form_id: int, question_id: int) -> HttpResponse:
    found = lookup.survey(request, form_id)
    question = lookup.question(found, question_id)
    questions = list(selectors.questions(found))
    form = QuestionForm.of(question, questions, request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.question_save(
                    survey=found, actor=request.user, question=question, **form.cleaned_data
                )
            except ServiceError as error:
                show_service_error(form, error)
            else:
                messages.success(request, _("“%(label)s” is saved.") % {"label": question.label})
                return redirect("listening_survey", request.organisation.slug, found.pk)
        status = 422
    context = {"survey": found, "question": question, "form": form}
    return render(request, "listening/question.html", context, status=status)


@org_page(Permission.MANAGE_LISTENING, methods=["POST"])
def question_move(request: OrgRequest, form_id: int, question_id: int) -> HttpResponse:
    found = lookup.survey(request, form_id)
    question = lookup.question(found, question_id)
    refusal = ""
    try:
        offset = -1 if request.POST.get("up") else 1
        services.question_move(question=question, actor=request.user, offset=offset)
    except ServiceError as error:
        refusal = error.message
    if request.htmx:
        context = {
            "survey": found,
            "questions": question_rows(list(selectors.questions(found))),
            "refusal": refusal,
        }
        return render(request, "listening/_questions_table.html", context)
    if refusal:
        messages.error(request, refusal)
    return redirect("listening_survey", request.organisation.slug, found.pk)


@org_page(Permission.MANAGE_LISTENING, methods=["POST"])
def question_delete(request: OrgRequest, form_id: int, question_id: int) -> HttpResponse:
    found = lookup.survey(request, form_id)
    question = lookup.question(found, question_id)
    try:
        services.question_delete(question=question, actor=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("listening_question", request.organisation.slug, found.pk, question.pk)
    messages.success(
        request,
        _("“%(label)s” is deleted; the answers given to it stay readable in the feedback.")
        % {"label": question.label},
    )
    return redirect("listening_survey", request.organisation.slug, found.pk)
