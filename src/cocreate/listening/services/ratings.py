"""Asked at every touchpoint they lived: when a session ends (or a partner delivers an
option that has no time, such as a live stream), each person whose plan held it is asked,
on their channel, how it went: one tap on a five-point scale, and a comment if they like.
Their answer is feedback at the session's own touchpoint (in the journey's "use" phase),
so it counts in every listening dashboard by touchpoint and phase; and the session's
hosts hear how it was rated, an hour after it ended.

`ratings_ask` and `hosts_tell` run every minute in `cocreate worker` (PERIODIC_JOBS).
Several workers may run them at once: a person is asked once (one request per touchpoint
and person, claimed by a unique constraint) and hosts are told once (a conditional update).
"""

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, F, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled

from cocreate.accounts.models import User
from cocreate.core.errors import Conflict, InvalidInput, NotAllowed
from cocreate.core.links import site_link
from cocreate.core.tokens import digest_of, new_token
from cocreate.listening.models import (
    DEFAULT_PHASES,
    Feedback,
    Phase,
    RatingRequest,
    Source,
    Touchpoint,
)
from cocreate.listening.rows import segment_key
from cocreate.messaging.services import emit, notify
from cocreate.offerings.models import Choice, ChoiceStatus, Option
from cocreate.organisations.models import Membership

# Sessions that ended longer ago than this are not asked about (a worker that was off,
# a first deployment): nobody remembers last month's session well.
ASK_WITHIN = timedelta(days=2)
# Hosts hear the ratings once most people who will answer have.
TELL_HOSTS_AFTER = timedelta(hours=1)
USE_PHASE = DEFAULT_PHASES[3]  # "use": the experience itself
LOWEST, HIGHEST = 1, 5
COMMENT_MAX = 2000


def ratings_ask(*, now: datetime | None = None) -> int:
    """Ask everyone whose plan held a session that has just ended, or an untimed option
    that has just been delivered to them. How many people were asked."""
    now = now or timezone.now()
    recent = Q(option__ends_at__lte=now, option__ends_at__gt=now - ASK_WITHIN)
    with scopes_disabled():  # every organisation's sessions; each request is scoped below
        lived = Choice.objects.filter(
            # Confirmed, and chosen before it ended: they were there.
            recent & Q(status=ChoiceStatus.CONFIRMED, created_at__lt=F("option__ends_at"))
            | Q(
                option__ends_at__isnull=True,
                fulfilled_at__lte=now,
                fulfilled_at__gt=now - ASK_WITHIN,
            )
        )
        pairs = set(lived.values_list("option_id", "design__user_id"))
        asked = set(
            RatingRequest.objects.filter(
                touchpoint__option_id__in={option for option, _ in pairs}
            ).values_list("touchpoint__option_id", "user_id")
        )
    return sum(_ask(option_id, user_id) for option_id, user_id in sorted(pairs - asked))


def _ask(option_id: int, user_id: int) -> int:
    with scopes_disabled():
        option = Option.objects.select_related("offering__organisation").get(pk=option_id)
        user = User.objects.get(pk=user_id)
    organisation = option.offering.organisation
    token, digest = new_token("rate")
    try:
        with transaction.atomic(), scope(organisation=organisation):
            touchpoint = touchpoint_for(option)
            RatingRequest.objects.create(
                organisation=organisation, touchpoint=touchpoint, user=user, digest=digest
            )
            notify(
                recipient=user,
                organisation=organisation,
                kind="rating_asked",
                context={"what": option.name, "offering": option.offering.name},
                link=site_link("rating", token),
            )
    except IntegrityError:  # another worker asked them first
        return 0
    return 1


def touchpoint_for(option: Option) -> Touchpoint:
    """The option's own touchpoint, made the first time someone is asked about it: in the
    journey's "use" phase (the default journey is started if there is none)."""
    touchpoint = Touchpoint.objects.filter(option=option).first()
    if touchpoint is not None:
        return touchpoint
    phase = Phase.objects.filter(name__iexact=USE_PHASE).first() or Phase.objects.first()
    if phase is None:
        phase = Phase.objects.create(organisation_id=option.organisation_id, name=USE_PHASE)
    taken = set(Touchpoint.objects.values_list("name", flat=True))
    name, n = option.name[:80], 2
    while name in taken:
        suffix = f" ({n})"
        name, n = option.name[: 80 - len(suffix)] + suffix, n + 1
    return Touchpoint.objects.create(
        organisation_id=option.organisation_id,
        phase=phase,
        name=name,
        description=_where(option)[:300],
        option=option,
    )


def _where(option: Option) -> str:
    if option.starts_at is None:
        return option.offering.name
    when = date_format(timezone.localtime(option.starts_at), "D j M, H:i")
    if option.location:
        return _("%(offering)s, %(when)s in %(room)s") % {
            "offering": option.offering.name,
            "when": when,
            "room": option.location,
        }
    return _("%(offering)s, %(when)s") % {"offering": option.offering.name, "when": when}


def request_for_token(token: str) -> RatingRequest | None:
    """The request a rating link names, whoever follows it (the secret is the key)."""
    with scopes_disabled():
        return (
            RatingRequest.objects.select_related(
                "touchpoint__option__offering", "organisation", "user", "feedback"
            )
            .filter(digest=digest_of(token))
            .first()
        )


def rating_give(*, request: RatingRequest, score: object, comment: str = "") -> Feedback:
    """One tap: the score (1 to 5), and a comment if they add one. Answering again changes
    the answer; it never counts twice."""
    touchpoint = request.touchpoint
    option = touchpoint.option
    if option is not None and option.ends_at is not None and option.ends_at > timezone.now():
        raise Conflict(_("“%(what)s” has not ended yet: tell us once it has.") % _what(touchpoint))
    if not isinstance(score, int) or isinstance(score, bool) or not LOWEST <= score <= HIGHEST:
        message = _("Choose from %(low)s to %(high)s.") % {"low": LOWEST, "high": HIGHEST}
        raise InvalidInput(message, fields={"score": [message]})
    comment = comment.strip()
    if len(comment) > COMMENT_MAX:
        message = _("Keep it to %(n)s characters.") % {"n": COMMENT_MAX}
        raise InvalidInput(message, fields={"comment": [message]})
    organisation = request.organisation
    with transaction.atomic(), scope(organisation=organisation):
        locked = RatingRequest.objects.select_for_update().get(pk=request.pk)
        membership = Membership.objects.filter(user_id=request.user_id).first()
        if membership is None:
            raise NotAllowed(_("You are no longer a member of %(org)s.") % {"org": organisation})
        if locked.feedback_id is not None:
            feedback = Feedback.objects.get(pk=locked.feedback_id)
            feedback.csat, feedback.submitted_at = score, timezone.now()
            feedback.text = comment or feedback.text
            feedback.save(update_fields=["csat", "text", "submitted_at"])
        else:
            feedback = Feedback.objects.create(
                organisation=organisation,
                touchpoint=touchpoint,
                customer_id=request.user_id,
                source=Source.RATING,
                csat=score,
                text=comment,
                segment=_segment(membership),
                submitted_at=timezone.now(),
            )
            locked.feedback = feedback
            locked.save(update_fields=["feedback"])
        emit(
            organisation=organisation,
            event="feedback.received",
            data={
                "touchpoint": touchpoint.name,
                "form": None,
                "nps": None,
                "csat": score,
                "ces": None,
                "text": feedback.text,
                "customer": request.user.email,
            },
        )
    request.feedback = feedback
    return feedback


def rating_comment(*, request: RatingRequest, comment: str) -> Feedback:
    """A comment after the tap, on the same answer."""
    if request.feedback is None:
        raise Conflict(_("Tap a score first: the comment goes with it."))
    assert request.feedback.csat is not None
    return rating_give(request=request, score=request.feedback.csat, comment=comment)


def hosts_tell(*, now: datetime | None = None) -> int:
    """Tell the hosts of each session that ended an hour ago how it was rated, once."""
    now = now or timezone.now()
    with scopes_disabled():
        due = list(
            Touchpoint.objects.filter(
                option__ends_at__lte=now - TELL_HOSTS_AFTER,
                option__ends_at__gt=now - ASK_WITHIN,
                hosts_told_at__isnull=True,
                option__hosts__isnull=False,
            )
            .distinct()
            .select_related("option", "organisation")
        )
    told = 0
    for touchpoint in due:
        with transaction.atomic(), scope(organisation=touchpoint.organisation_id):
            claimed = Touchpoint.objects.filter(pk=touchpoint.pk, hosts_told_at__isnull=True)
            if not claimed.update(hosts_told_at=now):
                continue  # another worker told them
            figures = Feedback.objects.filter(touchpoint=touchpoint, csat__isnull=False).aggregate(
                n=Count("id"), mean=Avg("csat")
            )
            assert touchpoint.option is not None
            for host in touchpoint.option.hosts.all():
                notify(
                    recipient=host,
                    organisation=touchpoint.organisation,
                    kind="session_rated",
                    context={
                        "what": touchpoint.option.name,
                        "count": figures["n"],
                        "mean": f"{figures['mean']:.1f}" if figures["mean"] else "",
                    },
                    link=site_link("hosted_feedback", touchpoint.organisation.slug),
                )
                told += 1
    return told


def _what(touchpoint: Touchpoint) -> dict[str, str]:
    return {"what": touchpoint.option.name if touchpoint.option else touchpoint.name}


def _segment(membership: Membership) -> str:
    key = segment_key(membership.organisation)
    answer = membership.profile.get(key) if key else None
    return answer if isinstance(answer, str) else ""
