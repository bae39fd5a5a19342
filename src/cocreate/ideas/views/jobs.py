"""Jobs to be done and desired outcomes: everyone proposes, organisers curate."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from cocreate.core.errors import ServiceError
from cocreate.core.forms import show_service_error
from cocreate.ideas import selectors, services
from cocreate.ideas.forms import CurateForm, JobForm, OutcomeForm, StepForm
from cocreate.ideas.models import Curation, Job, JobStep, Outcome
from cocreate.ideas.views import lookup
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.rules import Permission, allows


@org_page(Permission.SHARE_IDEAS)
def jobs(request: OrgRequest) -> HttpResponse:
    return _jobs_page(request)


def _jobs_page(
    request: OrgRequest,
    *,
    job_form: JobForm | None = None,
    outcome_forms: dict[int, OutcomeForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    found = selectors.jobs(request.membership)
    outcome_forms = outcome_forms or {}
    context = {
        "jobs": [(job, outcome_forms.get(job.pk) or OutcomeForm(job=job)) for job in found],
        "job_form": job_form or JobForm(),
        "step_form": StepForm(),
        "can_manage": allows(request.membership.role, Permission.MANAGE_IDEAS),
        "curation": Curation,
    }
    return render(request, "ideas/jobs.html", context, status=status)


@org_page(Permission.SHARE_IDEAS, methods=["POST"])
def job_new(request: OrgRequest) -> HttpResponse:
    form = JobForm(request.POST)
    if form.is_valid():
        try:
            job = services.job_propose(membership=request.membership, **form.cleaned_data)
        except ServiceError as error:
            show_service_error(form, error)
        else:
            done = "added" if job.status == Curation.ACCEPTED else "proposed to the organisers"
            messages.success(request, f"The job “{job.title}” is {done}.")
            return redirect("jobs", request.organisation.slug)
    return _jobs_page(request, job_form=form, status=422)


@org_page(Permission.SHARE_IDEAS, methods=["POST"])
def outcome_new(request: OrgRequest, job_id: int) -> HttpResponse:
    job = lookup.job(request, job_id)
    form = OutcomeForm(request.POST, job=job)
    if form.is_valid():
        data = dict(form.cleaned_data)
        step_id = data.pop("step", None)
        step = JobStep.objects.filter(job=job, pk=step_id).first() if step_id else None
        try:
            outcome = services.outcome_propose(
                membership=request.membership, job=job, step=step, **data
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            done = "added" if outcome.status == Curation.ACCEPTED else "proposed to the organisers"
            messages.success(request, f"“{outcome.statement}” is {done}.")
            return redirect("jobs", request.organisation.slug)
    return _jobs_page(request, outcome_forms={job.pk: form}, status=422)


@org_page(Permission.MANAGE_IDEAS, methods=["POST"])
def job_step_new(request: OrgRequest, job_id: int) -> HttpResponse:
    job = lookup.job(request, job_id)
    form = StepForm(request.POST)
    if form.is_valid():
        try:
            services.job_step_add(job=job, actor=request.user, name=form.cleaned_data["name"])
        except ServiceError as error:
            messages.error(request, error.message)
    else:
        messages.error(request, "Name the step.")
    return redirect("jobs", request.organisation.slug)


@org_page(Permission.MANAGE_IDEAS, methods=["POST"])
def job_curate(request: OrgRequest, job_id: int) -> HttpResponse:
    return _curate(request, lookup.job(request, job_id))


@org_page(Permission.MANAGE_IDEAS, methods=["POST"])
def outcome_curate(request: OrgRequest, outcome_id: int) -> HttpResponse:
    return _curate(request, lookup.outcome(request, outcome_id))


def _curate(request: OrgRequest, item: Job | Outcome) -> HttpResponse:
    form = CurateForm(request.POST)
    if form.is_valid():
        services.curate(item=item, actor=request.user, status=form.cleaned_data["status"])
        messages.success(
            request, f"“{item}” is {Curation(form.cleaned_data['status']).label.lower()}."
        )
    else:
        messages.error(request, "Choose accepted or not taken up.")
    return redirect("jobs", request.organisation.slug)
