"""Conversations: organisers post statements, everyone agrees, disagrees or passes."""

from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.core.errors import Conflict, Gone, InvalidInput
from cocreate.listening.models import Conversation, Opinion, Statement, Vote
from cocreate.organisations import audit
from cocreate.organisations.models import Membership, Organisation

MAX_STATEMENT = 280


def conversation_save(
    *,
    organisation: Organisation,
    actor: User,
    title: str,
    description: str = "",
    is_open: bool = True,
    conversation: Conversation | None = None,
) -> Conversation:
    title, description = " ".join(title.split()), description.strip()
    if not title or len(title) > 120:
        message = "Give the conversation a title of 1 to 120 characters."
        raise InvalidInput(message, fields={"title": [message]})
    if len(description) > 2000:
        message = "Keep the description to 2,000 characters."
        raise InvalidInput(message, fields={"description": [message]})
    with transaction.atomic(), scope(organisation=organisation):
        if conversation is None:
            conversation = Conversation.objects.create(
                organisation=organisation,
                title=title,
                description=description,
                is_open=is_open,
                created_by=actor,
            )
        else:
            conversation.title, conversation.description = title, description
            conversation.is_open = is_open
            conversation.save(update_fields=["title", "description", "is_open"])
        audit.record(
            organisation=organisation,
            actor=actor,
            action="conversation.saved",
            target=title,
            is_open=is_open,
        )
    return conversation


def statements_add(
    *, conversation: Conversation, actor: User, texts: Sequence[str]
) -> list[Statement]:
    """Post statements (one per text; repeats of existing ones are refused)."""
    cleaned = [" ".join(t.split()) for t in texts if t.strip()]
    errors: dict[str, list[str]] = {}
    if not cleaned:
        errors["texts"] = ["Write at least one statement."]
    too_long = [t for t in cleaned if len(t) > MAX_STATEMENT]
    if too_long:
        errors["texts"] = [
            f"Keep each statement to {MAX_STATEMENT} characters: “{too_long[0][:40]}…”."
        ]
    if errors:
        raise InvalidInput("No statement was posted.", fields=errors)
    with transaction.atomic(), scope(organisation=conversation.organisation_id):
        existing = set(
            t.lower()
            for t in Statement.objects.filter(conversation=conversation).values_list(
                "text", flat=True
            )
        )
        repeated = [t for t in cleaned if t.lower() in existing]
        if repeated or len({t.lower() for t in cleaned}) != len(cleaned):
            shown = repeated[0] if repeated else "the same statement twice"
            message = f"This statement is posted already: “{shown}”."
            raise Conflict(message, fields={"texts": [message]})
        made = Statement.objects.bulk_create(
            [
                Statement(
                    organisation_id=conversation.organisation_id,
                    conversation=conversation,
                    text=text,
                    created_by=actor,
                )
                for text in cleaned
            ]
        )
        audit.record(
            organisation=conversation.organisation,
            actor=actor,
            action="statements.posted",
            target=conversation.title,
            count=len(made),
        )
    return made


def vote_cast(*, statement: Statement, membership: Membership, value: int) -> Vote:
    """Agree (1), disagree (-1) or pass (0); a second vote replaces the first."""
    if value not in Opinion.values:
        message = "Vote 1 (agree), -1 (disagree) or 0 (pass)."
        raise InvalidInput(message, fields={"value": [message]})
    conversation = statement.conversation
    if not conversation.is_open:
        raise Gone("This conversation is closed: its votes are final.")
    with transaction.atomic(), scope(organisation=conversation.organisation_id):
        vote, _ = Vote.objects.update_or_create(
            statement=statement,
            participant_id=membership.user_id,
            defaults={
                "organisation_id": conversation.organisation_id,
                "conversation": conversation,
                "value": value,
                "voted_at": timezone.now(),
            },
        )
    return vote
