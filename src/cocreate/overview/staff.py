"""What staff are told to look at: ideas waiting for an answer, touchpoints whose scores
fell, and the surveys and challenges they run."""

from datetime import datetime

from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cocreate.ideas import selectors as ideas
from cocreate.listening import selectors as listening
from cocreate.listening.sentences import LABELS, number
from cocreate.organisations.models import Membership
from cocreate.organisations.rules import Permission, allows
from cocreate.overview.items import Item, Line, day, shown, url

FALL_DAYS = 30  # the recent window, compared with the same length before it
FALL_LEAST_ANSWERS = 10  # in each window, for a score to be compared at all


def items(membership: Membership, *, now: datetime) -> list[Item]:
    found = []
    if allows(membership.role, Permission.RESPOND_TO_IDEAS):
        found.append(ideas_waiting(membership, now))
    if allows(membership.role, Permission.VIEW_LISTENING):
        found.append(falling_scores(membership, now))
    found += [surveys_running(membership), challenges_running(membership, now)]
    return [item for item in found if item is not None]


def ideas_waiting(membership: Membership, now: datetime) -> Item | None:
    waiting = ideas.inbox_waiting(membership.organisation, now=now)
    if not waiting.count or waiting.oldest is None:
        return None
    org = membership.organisation.slug
    lines = []
    if waiting.over_week:
        lines.append(
            Line(
                ngettext(
                    "%(count)d has waited more than a week",
                    "%(count)d have waited more than a week",
                    waiting.over_week,
                )
                % {"count": waiting.over_week}
            )
        )
    lines.append(Line(_("Response times"), url("ideas_metrics", org)))
    return Item(
        key="ideas_waiting",
        count=waiting.count,
        sentence=ngettext(
            "%(count)d idea is waiting for an answer; it has waited %(age)s.",
            "%(count)d ideas are waiting for an answer; the oldest has waited %(age)s.",
            waiting.count,
        )
        % {"count": waiting.count, "age": timesince(waiting.oldest, now, depth=1)},
        link=url("ideas_inbox", org),
        action=_("Answer ideas"),
        lines=tuple(lines),
        urgent=waiting.over_week > 0,
    )


def falling_scores(membership: Membership, now: datetime) -> Item | None:
    falls = listening.falling_scores(
        membership.organisation, now=now, days=FALL_DAYS, least=FALL_LEAST_ANSWERS
    )
    if not falls:
        return None
    org = membership.organisation.slug
    lines = [
        Line(
            fall.touchpoint,
            url("listening_feedback", org, touchpoint=str(fall.touchpoint_id)),
            _(
                "%(measure)s fell from %(before)s to %(after)s (%(after_n)d answers, "
                "%(before_n)d in the 30 days before)"
            )
            % {
                "measure": LABELS[fall.measure],
                "before": number(fall.measure, fall.before),
                "after": number(fall.measure, fall.after),
                "after_n": fall.answers_after,
                "before_n": fall.answers_before,
            },
        )
        for fall in falls
    ]
    count = len({fall.touchpoint_id for fall in falls})
    scores = url("listening_scores", org, by="touchpoint", measure=falls[0].measure, window="90d")
    return Item(
        key="falling_scores",
        count=count,
        sentence=ngettext(
            "Scores fell at %(count)d touchpoint in the last 30 days.",
            "Scores fell at %(count)d touchpoints in the last 30 days.",
            count,
        )
        % {"count": count},
        link=scores,
        action=_("See the scores"),
        lines=shown(lines, more=scores),
        urgent=True,
    )


def surveys_running(membership: Membership) -> Item | None:
    found = ideas.surveys_run_by(membership)
    if not found:
        return None
    org = membership.organisation.slug
    count = len(found)
    lines = [
        Line(
            survey.title,
            url("survey_results", org, survey.pk),
            _("%(answered)d of %(sent)d answered")
            % {"answered": survey.responses_count, "sent": survey.sent_to},  # type: ignore[attr-defined]
        )
        for survey in found
    ]
    return Item(
        key="surveys_running",
        count=count,
        sentence=ngettext(
            "%(count)d survey you sent is still open.",
            "%(count)d surveys you sent are still open.",
            count,
        )
        % {"count": count},
        link=lines[0].link if count == 1 else url("surveys", org),
        action=_("See the answers"),
        lines=shown(lines, more=url("surveys", org)),
    )


def challenges_running(membership: Membership, now: datetime) -> Item | None:
    found = ideas.challenges_run_by(membership)
    if not found:
        return None
    org = membership.organisation.slug
    today = timezone.localtime(now).date()
    lines, late = [], 0
    for challenge in found:
        messages = challenge.message_count  # type: ignore[attr-defined]
        if challenge.deadline < today:
            late += 1
            note = _("its deadline, %(date)s, has passed: record what came of it") % {
                "date": day(challenge.deadline)
            }
        else:
            note = ngettext(
                "closes %(date)s, %(count)d message so far",
                "closes %(date)s, %(count)d messages so far",
                messages,
            ) % {"date": day(challenge.deadline), "count": messages}
        lines.append(Line(challenge.title, url("challenge", org, challenge.pk), note))
    count = len(found)
    return Item(
        key="challenges_running",
        count=count,
        sentence=ngettext(
            "%(count)d challenge you set is open.", "%(count)d challenges you set are open.", count
        )
        % {"count": count},
        link=lines[0].link if count == 1 else url("challenges", org),
        action=_("Open the challenge") if count == 1 else _("See the challenges"),
        lines=shown(lines, more=url("challenges", org)),
        urgent=late > 0,
    )
