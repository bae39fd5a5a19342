"""Finding the objects a URL names, inside the organisation of the request (else 404)."""

from django.shortcuts import get_object_or_404

from cocreate.listening import selectors
from cocreate.listening.models import (
    Conversation,
    Phase,
    Question,
    SignalImport,
    Survey,
    ThemeRun,
    Touchpoint,
)
from cocreate.organisations import selectors as organisation_selectors
from cocreate.organisations.access import OrgRequest
from cocreate.organisations.models import Membership


def phase(request: OrgRequest, phase_id: int) -> Phase:
    return get_object_or_404(selectors.phases(request.organisation), pk=phase_id)


def touchpoint(request: OrgRequest, touchpoint_id: int) -> Touchpoint:
    return get_object_or_404(selectors.touchpoints(request.organisation), pk=touchpoint_id)


def survey(request: OrgRequest, survey_id: int) -> Survey:
    return get_object_or_404(selectors.surveys(request.organisation), pk=survey_id)


def question(survey: Survey, question_id: int) -> Question:
    """One of this form's own questions (the form was found in the request's organisation)."""
    return get_object_or_404(selectors.questions(survey), pk=question_id)


def signal_import(request: OrgRequest, import_id: int) -> SignalImport:
    return get_object_or_404(selectors.imports(request.organisation), pk=import_id)


def signal_import_with_file(request: OrgRequest, import_id: int) -> SignalImport:
    found = signal_import(request, import_id)
    return SignalImport.objects.get(pk=found.pk)


def theme_run(request: OrgRequest, run_id: int) -> ThemeRun:
    return get_object_or_404(ThemeRun.objects.all(), pk=run_id)


def conversation(request: OrgRequest, conversation_id: int) -> Conversation:
    return get_object_or_404(selectors.conversations(request.organisation), pk=conversation_id)


def member(request: OrgRequest, membership_id: int) -> Membership:
    return get_object_or_404(organisation_selectors.members(request.organisation), pk=membership_id)
