"""Jobs to be done, their steps and desired outcomes: proposed by anyone, curated by the
organisers (an organiser's own proposal is accepted at once)."""

from django.db import transaction
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.core.errors import Conflict, InvalidInput
from cocreate.ideas.models import Curation, Direction, Job, JobStep, Outcome
from cocreate.ideas.services import checks
from cocreate.organisations import audit
from cocreate.organisations.models import Membership, Role


def _first_status(membership: Membership) -> Curation:
    return Curation.ACCEPTED if membership.role == Role.ORGANISER else Curation.PROPOSED


def job_propose(*, membership: Membership, title: str, description: str = "") -> Job:
    """A job customers are trying to get done, such as "Get the most out of a conference
    day"."""
    title = checks.text(title, "title", label="The job", least=3, most=120)
    description = checks.text(description, "description", label="The details", least=0, most=2000)
    with transaction.atomic(), scope(organisation=membership.organisation_id):
        if Job.objects.filter(title__iexact=title).exists():
            raise Conflict(
                f"The job “{title}” is already here.", fields={"title": ["Already here."]}
            )
        job = Job.objects.create(
            organisation_id=membership.organisation_id,
            title=title,
            description=description,
            status=_first_status(membership),
            proposed_by=membership.user,
        )
    return job


def job_step_add(*, job: Job, actor: User, name: str) -> JobStep:
    name = checks.text(name, "name", label="The step", least=2, most=120)
    with transaction.atomic(), scope(organisation=job.organisation_id):
        if JobStep.objects.filter(job=job, name__iexact=name).exists():
            raise Conflict(f"“{job}” already has the step “{name}”.", fields={"name": ["Taken."]})
        step = JobStep.objects.create(
            organisation_id=job.organisation_id,
            job=job,
            name=name,
            position=JobStep.objects.filter(job=job).count(),
        )
        audit.record(
            organisation=job.organisation, actor=actor, action="job.step_added", target=name
        )
    return step


def outcome_propose(
    *,
    membership: Membership,
    job: Job,
    direction: str,
    metric: str,
    object_of_control: str,
    clarifier: str = "",
    step: JobStep | None = None,
) -> Outcome:
    """A desired outcome in the standard form: "Minimise | the time it takes | to find a
    session | worth attending"."""
    if direction not in Direction.values:
        text = f"Start with one of: {', '.join(d.label for d in Direction)}."
        raise InvalidInput(text, fields={"direction": [text]})
    metric = checks.text(metric, "metric", label="The metric", least=3, most=80)
    object_of_control = checks.text(
        object_of_control, "object_of_control", label="The object of control", least=3, most=160
    )
    clarifier = checks.text(clarifier, "clarifier", label="The clarifier", least=0, most=120)
    if step is not None and step.job_id != job.pk:
        raise InvalidInput("Choose a step of this job.", fields={"step": ["Not this job's."]})
    if job.status == Curation.REJECTED:
        raise Conflict(f"“{job}” was not taken up: add outcomes to another job.")
    outcome = Outcome(
        organisation_id=membership.organisation_id,
        job=job,
        step=step,
        direction=direction,
        metric=metric,
        object_of_control=object_of_control,
        clarifier=clarifier,
        status=_first_status(membership),
        proposed_by=membership.user,
    )
    with transaction.atomic(), scope(organisation=membership.organisation_id):
        taken = [o.statement.lower() for o in Outcome.objects.filter(job=job)]
        if outcome.statement.lower() in taken:
            raise Conflict(f"“{outcome.statement}” is already here.")
        outcome.save()
    return outcome


def curate(*, item: Job | Outcome, actor: User, status: str) -> Job | Outcome:
    """Accept a proposed job or outcome, or say it is not taken up."""
    if status not in Curation.values:
        text = f"Choose one of: {', '.join(Curation.values)}."
        raise InvalidInput(text, fields={"status": [text]})
    with transaction.atomic(), scope(organisation=item.organisation_id):
        item.status = status
        item.save(update_fields=["status"])
        audit.record(
            organisation=item.organisation,
            actor=actor,
            action=f"{type(item).__name__.lower()}.curated",
            target=str(item),
            status=status,
        )
    return item
