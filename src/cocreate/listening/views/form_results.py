"""What a feedback form's answers add up to, its own questions included."""

from dataclasses import asdict

from django.http import HttpResponse
from django.shortcuts import render

from cocreate.listening import results, sentences
from cocreate.listening.views import lookup
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.rules import Permission


@org_page(Permission.MANAGE_LISTENING, methods=["GET"])
def form_results(request: OrgRequest, form_id: int) -> HttpResponse:
    found = results.form_results(lookup.survey(request, form_id))
    scores = [
        {
            "label": sentences.LABELS[score.measure],
            "phrase": sentences.score_phrase(score.measure, asdict(score)),
        }
        for score in found.scores
    ]
    context = {"survey": found.survey, "results": found, "scores": scores}
    return render(request, "listening/form_results.html", context)
