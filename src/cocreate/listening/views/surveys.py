"""Feedback forms: organisers make them and share their links; anyone with a link answers."""

from typing import Any

from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from cocreate.core.access import public_page
from cocreate.core.errors import ServiceError
from cocreate.core.forms import show_service_error
from cocreate.listening import answers, qr, selectors, services
from cocreate.listening.forms import AnswerForm, QuestionForm, SurveyForm
from cocreate.listening.models import Question, Survey
from cocreate.listening.views import lookup
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.rules import Permission

ANSWERS_PER_ADDRESS = 20  # per form and ten minutes: enough for a shared kiosk
WINDOW_SECONDS = 600


def public_link(request: HttpRequest, survey: Survey) -> str:
    return request.build_absolute_uri(reverse("feedback_form", args=[survey.token]))


@org_page(Permission.MANAGE_LISTENING)
def surveys(request: OrgRequest) -> HttpResponse:
    return _list(request, SurveyForm(touchpoints=selectors.touchpoints(request.organisation)))


def _list(request: OrgRequest, form: SurveyForm, status: int = 200) -> HttpResponse:
    found = list(selectors.surveys(request.organisation))
    for survey in found:
        survey.link = public_link(request, survey)  # type: ignore[attr-defined]
    touchpoints = selectors.touchpoints(request.organisation)
    context = {"surveys": found, "form": form, "has_touchpoints": touchpoints.exists()}
    return render(request, "listening/surveys.html", context, status=status)


@org_page(Permission.MANAGE_LISTENING, methods=["POST"])
def survey_new(request: OrgRequest) -> HttpResponse:
    form = SurveyForm(request.POST, touchpoints=selectors.touchpoints(request.organisation))
    if form.is_valid():
        try:
            survey = services.survey_save(
                organisation=request.organisation, actor=request.user, **form.cleaned_data
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            messages.success(request, f"“{survey.title}” is ready: share its link.")
            return redirect("listening_survey", request.organisation.slug, survey.pk)
    return _list(request, form, status=422)


@org_page(Permission.MANAGE_LISTENING)
def survey(request: OrgRequest, form_id: int) -> HttpResponse:
    found = lookup.survey(request, form_id)
    touchpoints = selectors.touchpoints(request.organisation)
    form = SurveyForm.of(found, touchpoints)
    if request.method == "POST":
        form = SurveyForm.of(found, touchpoints, request.POST)
        if form.is_valid():
            try:
                services.survey_save(
                    organisation=request.organisation,
                    actor=request.user,
                    survey=found,
                    **form.cleaned_data,
                )
            except ServiceError as error:
                show_service_error(form, error)
            else:
                messages.success(request, "Saved.")
                return redirect("listening_survey", request.organisation.slug, found.pk)
        return survey_page(request, found, form=form, status=422)
    return survey_page(request, found, form=form)


def survey_page(
    request: OrgRequest,
    found: Survey,
    *,
    form: SurveyForm | None = None,
    question_form: QuestionForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """A form's page: its link and QR code, its settings, and its own questions."""
    touchpoints = selectors.touchpoints(request.organisation)
    questions = list(selectors.questions(found))
    link = public_link(request, found)
    context = {
        "survey": found,
        "form": form or SurveyForm.of(found, touchpoints),
        "question_form": question_form or QuestionForm(survey=found, questions=questions),
        "questions": question_rows(questions),
        "link": link,
        "qr_svg": qr.svg(link),
    }
    return render(request, "listening/survey.html", context, status=status)


def question_rows(questions: list[Question]) -> list[dict[str, Any]]:
    """Each question with when it is asked, in words, for the organisers' table."""
    return [
        {
            "question": q,
            "condition": answers.condition_words(q, answers.subject_label(q))
            if q.has_condition
            else "",
        }
        for q in questions
    ]


@org_page(Permission.MANAGE_LISTENING, methods=["GET"])
def survey_poster(request: OrgRequest, form_id: int) -> HttpResponse:
    """A page to print and put up where customers are: the QR code and the link."""
    found = lookup.survey(request, form_id)
    link = public_link(request, found)
    context = {"survey": found, "link": link, "qr_svg": qr.svg(link, scale=10)}
    return render(request, "listening/poster.html", context)


def _too_many(request: HttpRequest, survey: Survey) -> bool:
    address = request.META.get("REMOTE_ADDR", "")
    key = f"listening:answers:{survey.pk}:{address}"
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        return cache.incr(key) > ANSWERS_PER_ADDRESS
    except ValueError:  # expired between add and incr
        return False


@public_page
def feedback_form(request: HttpRequest, token: str) -> HttpResponse:
    """The public page of a feedback form: anyone with the link may answer."""
    found = selectors.survey_by_token(token)
    if found is None:
        raise Http404("No such feedback form.")
    organisation = found.organisation
    if not found.is_open:
        return render(request, "listening/public_closed.html", {"survey": found}, status=410)
    asks: dict[str, Any] = {
        "survey": found,
        "organisation_name": organisation.name,
        "questions": list(selectors.questions(found)),
    }
    form = AnswerForm(**asks)
    status = 200
    if request.method == "POST":
        form = AnswerForm(request.POST, **asks)
        if _too_many(request, found):
            form.add_error(
                None, "Many answers came from here just now: try again in a few minutes."
            )
            status = 429
        elif form.is_valid():
            if form.cleaned_data.get("website"):  # a robot filled the hidden field
                return render(request, "listening/public_thanks.html", {"survey": found})
            try:
                services.feedback_submit(
                    survey=found,
                    answers=form.built_in_answers(),
                    own=form.own_answers(),
                    customer=_signed_in(request),
                )
            except ServiceError as error:
                show_service_error(form, error)
                status = error.status
            else:
                return render(request, "listening/public_thanks.html", {"survey": found})
        else:
            status = 422
    context = {"survey": found, "form": form, "organisation": organisation}
    return render(request, "listening/public_form.html", context, status=status)


def _signed_in(request: HttpRequest) -> Any:
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None
