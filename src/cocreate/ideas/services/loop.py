"""Closing the loop: staff and organisers move an idea through its statuses and post
public updates, and everyone who shared, supported or voted for it hears about it on
their own channel."""

from django.db import transaction
from django_scopes import scope

from cocreate.core.errors import Conflict, InvalidInput
from cocreate.ideas.models import Follower, FollowReason, Idea, IdeaStatus, IdeaUpdate
from cocreate.ideas.services import checks
from cocreate.ideas.services.ideas import idea_link, mark_answered
from cocreate.messaging.services import emit, notify
from cocreate.organisations import audit
from cocreate.organisations.models import Membership

MESSAGE_MOST = 5000


def idea_respond(
    *, idea: Idea, membership: Membership, status: str = "", message: str = "", reason: str = ""
) -> IdeaUpdate:
    """A new status (`status`; "declined" needs a `reason`), a public message, or both."""
    new_status = status or idea.status
    if new_status not in IdeaStatus.values:
        message_ = f"“{status}” is not a status; use one of: {', '.join(IdeaStatus.values)}."
        raise InvalidInput(message_, fields={"status": [message_]})
    message = checks.text(message, "message", label="The update", least=0, most=MESSAGE_MOST)
    reason = checks.text(reason, "reason", label="The reason", least=0, most=500)
    if new_status == IdeaStatus.DECLINED and not (reason or idea.decline_reason):
        text = "Say why the idea is declined: everyone who backed it will read it."
        raise InvalidInput(text, fields={"reason": [text]})
    if new_status == idea.status and not message and not reason:
        text = "Choose a new status or write an update."
        raise InvalidInput(text, fields={"message": [text]})
    if idea.merged_into_id is not None:
        raise Conflict(f"“{idea.title}” was merged into another idea: answer that one.")
    old_status = idea.status
    with transaction.atomic(), scope(organisation=idea.organisation_id):
        idea = Idea.objects.select_for_update().get(pk=idea.pk)
        idea.status = new_status
        if new_status == IdeaStatus.DECLINED:
            idea.decline_reason = reason or idea.decline_reason
        else:
            idea.decline_reason = ""
        idea.save(update_fields=["status", "decline_reason", "updated_at"])
        update = IdeaUpdate.objects.create(
            organisation_id=idea.organisation_id,
            idea=idea,
            author=membership.user,
            old_status=old_status,
            new_status=new_status,
            message=message,
        )
        if membership.user_id != idea.author_id:
            mark_answered(idea, membership.user)
        changed = new_status != old_status
        _tell_followers(idea, membership, update, changed)
        if changed:
            audit.record(
                organisation=membership.organisation,
                actor=membership.user,
                action="idea.status_changed",
                target=idea.title,
                status=new_status,
            )
            emit(
                organisation=membership.organisation,
                event="idea.status_changed",
                data={
                    "idea": idea.pk,
                    "title": idea.title,
                    "from": old_status,
                    "to": new_status,
                    "reason": idea.decline_reason,
                },
            )
    return update


def _tell_followers(idea: Idea, membership: Membership, update: IdeaUpdate, changed: bool) -> None:
    followers = Follower.objects.filter(idea=idea).exclude(user=membership.user)
    link = idea_link(idea)
    for follower in followers.select_related("user").order_by("pk"):
        notify(
            recipient=follower.user,
            organisation=membership.organisation,
            kind="idea_update",
            context={
                "title": idea.title,
                "reason": FollowReason(follower.reason).label.lower(),
                "new_status": update.get_new_status_display().lower() if changed else "",
                "reason_declined": idea.decline_reason if changed else "",
                "author": str(membership.user),
                "message": update.message,
            },
            link=link,
        )
