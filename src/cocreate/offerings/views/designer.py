"""The customer's designer: one step per dimension, checked live as they choose.

Every change posts the whole form to `designer_check` (htmx), which saves the draft and
answers with the designer again: the choices, what breaks a rule and why, one-click
repairs, seats left and the budget meter. Submitting makes the design their plan.

Some steps ask what belongs to the person rather than the design: how to reach them is
their contact preferences (saved as they change it, the same record as their account
settings), and an event's talk step can send a session proposal to its agenda (a panel
the agenda renders). An event's sessions are its agenda's: choosing one, and marking it
"must attend", is what the agenda's optimiser plans from.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cocreate.accounts import services as accounts
from cocreate.accounts.models import Channel, ContactPreferences
from cocreate.accounts.selectors import contact_preferences
from cocreate.core.errors import InvalidInput, ServiceError
from cocreate.engines import offerings as rules
from cocreate.offerings import engine, selectors, services
from cocreate.offerings.lifecycle import state
from cocreate.offerings.models import Dimension, Offering, Option, StepSource, Weight
from cocreate.offerings.views import lookup
from cocreate.organisations import services as organisations
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.forms import profile_form
from cocreate.organisations.models import Membership
from cocreate.organisations.rules import Permission

# The channels a person picks in the designer; webhooks are set in account settings.
DESIGNER_CHANNELS = [c for c in Channel if c != Channel.WEBHOOK]
CONTACT_FIELDS = ("phone", "social_network", "social_handle")


@dataclass(frozen=True)
class OptionView:
    option: Option
    chosen: bool
    seats_left: int | None
    in_conflict: bool
    must: bool = False
    hosting: bool = False

    @property
    def over(self) -> bool:
        """It has taken place: it stays in a plan, it cannot join one."""
        ends = self.option.ends_at
        return ends is not None and ends <= timezone.now()


@dataclass(frozen=True)
class StepView:
    dimension: Dimension
    options: list[OptionView]
    # Sessions: by time once scheduled, by topic before.
    groups: list[tuple[str, list[OptionView]]]
    past: list[tuple[str, list[OptionView]]]  # sessions that took place, by time
    form: Any = None  # a profile step: its questions, with the person's answers

    @property
    def scheduled(self) -> bool:
        return any(v.option.starts_at for v in self.options)

    @property
    def chosen(self) -> list[OptionView]:
        return [v for v in self.options if v.chosen]

    @property
    def answers(self) -> list[tuple[str, str]]:
        """A profile step's questions and the person's answers, as the summary shows them."""
        if self.form is None:
            return []
        shown = []
        for field in self.form:
            value = field.value()
            shown.append(
                (field.label, ", ".join(value) if isinstance(value, list) else value or "")
            )
        return shown


@org_page(Permission.DESIGN_EXPERIENCE)
def designer(request: OrgRequest, offering: str) -> HttpResponse:
    found = lookup.offering(request, offering)
    if not state(found.status).accepts_designs:
        return redirect("my_plan", request.organisation.slug, found.slug)
    design = selectors.design_of(found, request.membership)
    weights: dict[str, str] = {}
    if design is None:
        options, answers = [], {}
    elif design.draft_options or design.draft_answers:
        options, answers, weights = design.draft_options, design.draft_answers, design.draft_weights
    else:
        chosen = selectors.plan_choices(design)
        options, answers = [c.option_id for c in chosen], design.answers
        weights = {str(c.option_id): c.weight for c in chosen if c.weight}
    # Sessions a draft held may since have been merged or declined: they are just gone.
    known = {o.id for o in engine.engine_offering(found).options}
    options = [o for o in options if str(o) in known]
    check = services.design_check(
        offering=found,
        membership=request.membership,
        options=options,
        answers=answers,
        repairs="conflicts",
    )
    step = _step(request.GET, len(selectors.steps(found)))
    return _render(request, found, check, step, page=True, weights=weights)


@org_page(Permission.DESIGN_EXPERIENCE, methods=["POST"])
def designer_check(request: OrgRequest, offering: str) -> HttpResponse:
    found = lookup.offering(request, offering)
    if not state(found.status).accepts_designs:
        return HttpResponse(
            status=409, headers={"HX-Redirect": request.path.rsplit("check/", 1)[0]}
        )
    options, answers, weights = _submitted(request.POST)
    step = _step(request.POST, len(selectors.steps(found)))
    membership = request.membership
    contact_errors, contact = _save_contact(request)
    profile_forms = _save_profile(request, found)
    try:
        if "apply" in request.POST:  # a repair the customer chose
            options = [o for o in request.POST["apply"].split(",") if o]
        elif "suggest" in request.POST:
            options = sorted(_suggestion(found, membership, options, answers))
        chosen = {str(o) for o in options}
        check = services.draft_save(
            offering=found,
            membership=membership,
            options=options,
            answers=answers,
            weights={k: v for k, v in weights.items() if k in chosen},
        )
    except ServiceError as error:  # ids that are not this offering's: start again cleanly
        messages.error(request, error.message)
        check = services.design_check(offering=found, membership=membership, options=[], answers={})
    return _render(
        request,
        found,
        check,
        step,
        page=not request.htmx,
        weights=weights,
        contact_errors=contact_errors,
        contact=contact,
        profile_forms=profile_forms,
    )


@org_page(Permission.DESIGN_EXPERIENCE, methods=["POST"])
def designer_submit(request: OrgRequest, offering: str) -> HttpResponse:
    found = lookup.offering(request, offering)
    options, answers, weights = _submitted(request.POST)
    chosen = {str(o) for o in options}
    try:
        services.design_submit(
            offering=found,
            membership=request.membership,
            options=options,
            answers=answers,
            weights={k: v for k, v in weights.items() if k in chosen},
        )
    except ServiceError as error:
        messages.error(request, error.message)
        try:
            check = services.design_check(
                offering=found,
                membership=request.membership,
                options=options,
                answers=answers,
                repairs="conflicts",
            )
        except ServiceError:
            check = services.design_check(
                offering=found, membership=request.membership, options=[], answers={}
            )
        return _render(
            request,
            found,
            check,
            len(selectors.steps(found)),
            page=True,
            status=422,
            weights=weights,
        )
    messages.success(request, _("Your design is submitted: this is your plan."))
    return redirect("my_plan", request.organisation.slug, found.slug)


def _render(
    request: OrgRequest,
    offering: Offering,
    check: services.Check,
    step: int,
    *,
    page: bool,
    status: int = 200,
    weights: Mapping[str, str] | None = None,
    contact_errors: Mapping[str, list[str]] | None = None,
    contact: ContactPreferences | None = None,
    profile_forms: Mapping[int, Any] | None = None,
) -> HttpResponse:
    steps = selectors.steps(offering)
    conflicting = {o for v in check.conflicts for o in v.options}
    chosen = check.selection.options
    musts = {k for k, v in (weights or {}).items() if v == Weight.MUST}
    hosting = {o.pk for o in selectors.hosted_options(offering, request.user.pk)}
    profile_forms = profile_forms or {}
    views = [
        _step_view(
            each.dimension,
            profile_forms.get(each.dimension.pk)
            or _profile_form(offering, request.membership, each.dimension),
            [
                OptionView(
                    option=o,
                    chosen=str(o.pk) in chosen,
                    seats_left=check.remaining.get(str(o.pk)),
                    in_conflict=str(o.pk) in conflicting,
                    must=str(o.pk) in musts,
                    hosting=o.pk in hosting,
                )
                for o in each.options
            ],
        )
        for each in steps
    ]
    names = {str(o.pk): o.name for each in steps for o in each.options}
    context = {
        "offering": offering,
        "steps": views,
        "step": step,
        "summary_step": len(steps),
        "check": check,
        "answers": check.selection.answers,
        "repairs": [
            {"summary": r.summary, "apply": ",".join(sorted(r.selection.options, key=int))}
            for r in check.repairs
        ],
        "waitlisted": [names[o] for o in check.waitlisted if o in names],
        "budget_share": _share(check, offering),
        "design": selectors.design_of(offering, request.membership),
        "contact": contact or contact_preferences(request.user),
        "contact_errors": contact_errors or {},
        "channels": DESIGNER_CHANNELS,
    }
    template = "offerings/designer.html" if page else "offerings/designer_form.html"
    return render(request, template, context, status=status)


def _step_view(dimension: Dimension, form: Any, options: list[OptionView]) -> StepView:
    if dimension.source != StepSource.SESSIONS:
        return StepView(dimension, options, [], [], form)
    groups: dict[str, list[OptionView]] = defaultdict(list)
    past: dict[str, list[OptionView]] = defaultdict(list)
    if any(v.option.starts_at for v in options):
        later = _("To be scheduled")
        for view in sorted(options, key=lambda v: (v.option.starts_at is None, v.option.starts_at)):
            when = view.option.starts_at
            heading = date_format(timezone.localtime(when), "D j M, H:i") if when else later
            (past if view.over else groups)[heading].append(view)
    else:
        for view in sorted(options, key=lambda v: (v.option.tags[:1] or ["~"], v.option.name)):
            tags = view.option.tags
            groups[tags[0].capitalize() if tags else _("Other sessions")].append(view)
    return StepView(dimension, options, list(groups.items()), list(past.items()))


def _profile_form(offering: Offering, membership: Membership, dimension: Dimension) -> Any:
    if dimension.source != StepSource.PROFILE:
        return None
    questions = selectors.profile_step_questions(offering, dimension)
    return profile_form(questions, initial=membership.profile, prefix=f"profile-{dimension.pk}")


def _save_profile(request: OrgRequest, offering: Offering) -> dict[int, Any]:
    """A profile step's answers are the person's profile: saved as they change them (the
    same record as their profile page), with what to fix when an answer is refused."""
    forms = {}
    for step_id in {int(v) for v in request.POST.getlist("profile-step") if v.isdigit()}:
        dimension = next(
            (s.dimension for s in selectors.steps(offering) if s.dimension.pk == step_id), None
        )
        if dimension is None or dimension.source != StepSource.PROFILE:
            continue
        questions = selectors.profile_step_questions(offering, dimension)
        form = profile_form(
            questions, request.POST, request.membership.profile, prefix=f"profile-{step_id}"
        )
        form.is_valid()  # every input is optional: the service says what is missing
        try:
            organisations.profile_answers_update(
                membership=request.membership, answers=form.cleaned_data, fields=questions
            )
        except InvalidInput as error:
            for key, problems in error.fields.items():
                if key in form.fields:
                    form.add_error(key, problems)
        forms[step_id] = form
    return forms


def _save_contact(
    request: OrgRequest,
) -> tuple[dict[str, list[str]], ContactPreferences | None]:
    """The contact step's answer is the person's contact preferences: saved as they change
    it; refused, with what to fix, when a channel lacks its address (then the step shows
    what they typed, and their saved preferences stay as they were)."""
    channel = request.POST.get("contact-channel")
    if channel is None:
        return {}, None
    current = contact_preferences(request.user)
    values = {f: str(request.POST.get(f"contact-{f}", getattr(current, f))) for f in CONTACT_FIELDS}
    try:
        saved = accounts.contact_update(
            user=request.user,
            preferred_channel=channel,
            webhook_url=current.webhook_url,
            **values,
        )
    except InvalidInput as error:
        typed = ContactPreferences(user=request.user, preferred_channel=channel, **values)
        return error.fields or {"preferred_channel": [error.message]}, typed
    return {}, saved


def _submitted(data: QueryDict) -> tuple[list[str], dict[str, str], dict[str, str]]:
    """The chosen options, open answers by step, and for sessions must or would like."""
    options = data.getlist("options")
    answers = {
        key.removeprefix("answer-"): str(value)
        for key, value in data.items()
        if key.startswith("answer-")
    }
    musts = set(data.getlist("must"))
    return options, answers, {o: Weight.MUST for o in musts}


def _step(data: Mapping[str, Any], count: int) -> int:
    """The step to show: where the customer asked to go, else where they were."""
    try:
        return max(0, min(count, int(data.get("goto") or data.get("step") or 0)))
    except (TypeError, ValueError):
        return 0


def _share(check: services.Check, offering: Offering) -> int | None:
    if not offering.budget:
        return None
    return min(100, round(100 * check.cost / offering.budget))


def _suggestion(
    offering: Offering, membership: Any, options: Iterable[str], answers: Mapping[str, str]
) -> frozenset[str]:
    """Complete the design from the person's profile: each answer they gave is an interest."""
    interests: dict[str, float] = {}
    for value in membership.profile.values():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and item.strip():
                interests[item.strip().lower()] = 1.0
    compiled = engine.engine_offering(offering)
    known = {o.id for o in compiled.options}
    picked = engine.selection([o for o in options if o in known], answers)
    remaining = engine.remaining_seats(offering, selectors.design_of(offering, membership))
    return rules.suggest(compiled, picked, membership.profile, remaining, interests).options
