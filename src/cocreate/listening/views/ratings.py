"""Asked how a session went: one tap on the page the message links to (its secret is the
key, so no sign-in), a comment after if they like; and the ratings, for the session's
hosts and for those who listen."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from cocreate.core.access import public_page
from cocreate.core.errors import ServiceError
from cocreate.listening import selectors
from cocreate.listening import services as ratings
from cocreate.listening.models import RatingRequest
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.rules import Permission

SCORES = [
    (5, _("Excellent")),
    (4, _("Good")),
    (3, _("OK")),
    (2, _("Poor")),
    (1, _("Very poor")),
]


@public_page
def rating(request: HttpRequest, token: str) -> HttpResponse:
    """From the message: the secret in the link is the key, no sign-in needed."""
    found = ratings.request_for_token(token)
    if found is None:
        raise Http404(_("This link does not work: it may be mistyped, or very old."))
    return _rate(request, found)


@org_page(Permission.VIEW_ORGANISATION)
def my_rating(request: OrgRequest, request_id: int) -> HttpResponse:
    """The same, signed in (from the overview): only one's own requests."""
    found = get_object_or_404(
        RatingRequest.objects.select_related(
            "touchpoint__option__offering", "organisation", "user", "feedback"
        ).filter(user=request.user),
        pk=request_id,
    )
    return _rate(request, found)


def _rate(request: HttpRequest, found: RatingRequest) -> HttpResponse:
    status = 200
    if request.method == "POST":
        try:
            if "comment" in request.POST and "score" not in request.POST:
                ratings.rating_comment(request=found, comment=str(request.POST["comment"]))
                messages.success(request, _("Thank you: your comment is with your rating."))
            else:
                score = request.POST.get("score", "")
                ratings.rating_give(
                    request=found, score=int(score) if str(score).isdigit() else score
                )
        except ServiceError as error:
            messages.error(request, error.message)
            status = error.status
    context = {
        "asked": found,
        "option": found.touchpoint.option,
        "organisation": found.organisation,
        "scores": SCORES,
    }
    return render(request, "listening/rating.html", context, status=status)


@org_page(Permission.VIEW_ORGANISATION)
def hosted_feedback(request: OrgRequest) -> HttpResponse:
    """What the people who attended said about the sessions this person hosts."""
    context = {
        "rated": selectors.rated_touchpoints(request.organisation, host_id=request.user.pk),
        "mine": True,
    }
    return render(request, "listening/rated.html", context)


@org_page(Permission.VIEW_LISTENING)
def session_feedback(request: OrgRequest) -> HttpResponse:
    """Every session and delivered option people were asked about, with their ratings."""
    context = {"rated": selectors.rated_touchpoints(request.organisation), "mine": False}
    return render(request, "listening/rated.html", context)
