"""Listening over REST: the journey, feedback forms, ingestion of feedback, interactions
and staff pulses, CSV imports, the dashboards' tables, themes and opinion groups.

Handlers are thin: `org_operation` resolves and scopes the organisation, the services
decide, and refusals become the API's error shape (core/api_errors.py).
"""

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from cocreate.core.errors import InvalidInput
from cocreate.listening import engine, figures, opinions, selectors, services
from cocreate.listening.models import (
    Conversation,
    Interaction,
    Question,
    SignalImport,
    StaffPulse,
    Statement,
    Survey,
    ThemeRun,
    Touchpoint,
)
from cocreate.listening.schemas import (
    ConversationIn,
    ConversationOut,
    FeedbackBatchIn,
    FeedbackOut,
    FormAnswerIn,
    GroupsOut,
    IngestedOut,
    InteractionBatchIn,
    InteractionOut,
    JourneyPhaseIn,
    JourneyPhaseOut,
    MappingIn,
    MyInteractionIn,
    MyPulseIn,
    PulseBatchIn,
    PulseOut,
    QuestionIn,
    QuestionMoveIn,
    QuestionOut,
    SegmentIn,
    SignalImportIn,
    SignalImportOut,
    StatementOut,
    StatementsIn,
    SurveyIn,
    SurveyOut,
    ThemeRunOut,
    TouchpointIn,
    TouchpointOut,
    VoteIn,
)
from cocreate.organisations import selectors as organisation_selectors
from cocreate.organisations.access import OrgRequest, org_operation
from cocreate.organisations.rules import Permission

router = Router(tags=["Listening"])
BASE = "/orgs/{org}/listening"
OPINIONS = "/orgs/{org}/opinions"
ONE_CONVERSATION = OPINIONS + "/{conversation_id}"


def _touchpoint(request: OrgRequest, name: str, field: str = "touchpoint") -> Touchpoint:
    found = selectors.touchpoints(request.organisation).filter(name__iexact=name.strip()).first()
    if found is None:
        message = f"There is no touchpoint called “{name}”."
        raise InvalidInput(message, fields={field: [message]})
    return found


# The journey


@router.get(BASE + "/journey", response=list[JourneyPhaseOut])
@org_operation(Permission.VIEW_LISTENING)
def get_journey(request: OrgRequest, org: str) -> list[dict[str, Any]]:
    """The phases of the customer experience cycle in order, with their touchpoints."""
    return [
        {
            "id": item.phase.pk,
            "name": item.phase.name,
            "position": item.phase.position,
            "touchpoints": item.touchpoints,
        }
        for item in selectors.journey(request.organisation)
    ]


@router.post(BASE + "/journey/default", response={201: list[JourneyPhaseOut]})
@org_operation(Permission.MANAGE_LISTENING)
def start_default_journey(request: OrgRequest, org: str) -> Status[Any]:
    """Create the usual cycle: discover, choose, buy, use, get help, stay or leave."""
    services.journey_start_default(organisation=request.organisation, actor=request.user)
    return Status(201, get_journey(request, org=org))


@router.post(BASE + "/phases", response={201: JourneyPhaseOut})
@org_operation(Permission.MANAGE_LISTENING)
def create_phase(request: OrgRequest, org: str, payload: JourneyPhaseIn) -> Status[Any]:
    phase = services.phase_create(
        organisation=request.organisation, actor=request.user, name=payload.name
    )
    return Status(
        201, {"id": phase.pk, "name": phase.name, "position": phase.position, "touchpoints": []}
    )


@router.post(BASE + "/touchpoints", response={201: TouchpointOut})
@org_operation(Permission.MANAGE_LISTENING)
def create_touchpoint(request: OrgRequest, org: str, payload: TouchpointIn) -> Status[Touchpoint]:
    phase = (
        selectors.phases(request.organisation).filter(name__iexact=payload.phase.strip()).first()
    )
    if phase is None:
        message = f"There is no phase called “{payload.phase}”."
        raise InvalidInput(message, fields={"phase": [message]})
    touchpoint = services.touchpoint_create(
        organisation=request.organisation,
        actor=request.user,
        phase=phase,
        name=payload.name,
        description=payload.description,
    )
    return Status(201, touchpoint)


@router.put(BASE + "/segments", response=SegmentIn)
@org_operation(Permission.MANAGE_LISTENING)
def set_segments(request: OrgRequest, org: str, payload: SegmentIn) -> dict[str, str]:
    """Which one-choice profile question splits customers into segments."""
    found = services.segment_field_set(
        organisation=request.organisation, actor=request.user, key=payload.segment_field
    )
    return {"segment_field": found.segment_field}


# Feedback forms and feedback


def _survey_out(request: HttpRequest, survey: Survey) -> dict[str, Any]:
    link = request.build_absolute_uri(reverse("feedback_form", args=[survey.token]))
    return {
        **{
            f: getattr(survey, f) for f in SurveyOut.model_fields if f not in ("touchpoint", "link")
        },
        "touchpoint": survey.touchpoint.name,
        "link": link,
    }


@router.get(BASE + "/forms", response=list[SurveyOut])
@org_operation(Permission.MANAGE_LISTENING)
def list_forms(request: OrgRequest, org: str) -> list[dict[str, Any]]:
    return [_survey_out(request, s) for s in selectors.surveys(request.organisation)]


@router.post(BASE + "/forms", response={201: SurveyOut})
@org_operation(Permission.MANAGE_LISTENING)
def create_form(request: OrgRequest, org: str, payload: SurveyIn) -> Status[Any]:
    values = payload.model_dump()
    values["touchpoint"] = _touchpoint(request, payload.touchpoint)
    survey = services.survey_save(organisation=request.organisation, actor=request.user, **values)
    return Status(201, _survey_out(request, survey))


# A form's own questions, and answers to a form


def _form(request: OrgRequest, form_id: int) -> Survey:
    return get_object_or_404(selectors.surveys(request.organisation), pk=form_id)


def _question(survey: Survey, question_id: int) -> Question:
    return get_object_or_404(selectors.questions(survey), pk=question_id)


def _question_out(question: Question) -> dict[str, Any]:
    names = [f for f in QuestionOut.model_fields if f not in ("key", "condition_on")]
    subject = question.condition_question_id
    return {
        **{f: getattr(question, f) for f in names},
        "key": question.key,
        "condition_on": question.condition_score or (str(subject) if subject else ""),
    }


def _questions_out(survey: Survey) -> list[dict[str, Any]]:
    return [_question_out(q) for q in selectors.questions(survey)]


@router.get(BASE + "/forms/{form_id}/questions", response=list[QuestionOut])
@org_operation(Permission.MANAGE_LISTENING)
def list_questions(request: OrgRequest, org: str, form_id: int) -> list[dict[str, Any]]:
    """A form's own questions, in the order they are asked."""
    return _questions_out(_form(request, form_id))


@router.post(BASE + "/forms/{form_id}/questions", response={201: QuestionOut})
@org_operation(Permission.MANAGE_LISTENING)
def create_question(
    request: OrgRequest, org: str, form_id: int, payload: QuestionIn
) -> Status[Any]:
    """Add a question at the end of the form, asked always or on one earlier answer."""
    question = services.question_save(
        survey=_form(request, form_id), actor=request.user, **payload.model_dump()
    )
    return Status(201, _question_out(question))


@router.put(BASE + "/forms/{form_id}/questions/{question_id}", response=QuestionOut)
@org_operation(Permission.MANAGE_LISTENING)
def update_question(
    request: OrgRequest, org: str, form_id: int, question_id: int, payload: QuestionIn
) -> dict[str, Any]:
    """Replace a question's definition. Once answered, its kind and scale stay."""
    found = _form(request, form_id)
    question = services.question_save(
        survey=found,
        actor=request.user,
        question=_question(found, question_id),
        **payload.model_dump(),
    )
    return _question_out(question)


@router.post(BASE + "/forms/{form_id}/questions/{question_id}/move", response=list[QuestionOut])
@org_operation(Permission.MANAGE_LISTENING)
def move_question(
    request: OrgRequest, org: str, form_id: int, question_id: int, payload: QuestionMoveIn
) -> list[dict[str, Any]]:
    """Move a question up or down; the answer: the form's questions in their new order."""
    found = _form(request, form_id)
    services.question_move(
        question=_question(found, question_id), actor=request.user, offset=payload.offset
    )
    return _questions_out(found)


@router.delete(BASE + "/forms/{form_id}/questions/{question_id}", response={204: None})
@org_operation(Permission.MANAGE_LISTENING)
def delete_question(request: OrgRequest, org: str, form_id: int, question_id: int) -> Status[None]:
    """Refused (409) while another question's condition depends on it."""
    found = _form(request, form_id)
    services.question_delete(question=_question(found, question_id), actor=request.user)
    return Status(204, None)


@router.post(BASE + "/forms/{form_id}/answers", response={201: FeedbackOut})
@org_operation(Permission.VIEW_ORGANISATION)
def answer_form(request: OrgRequest, org: str, form_id: int, payload: FormAnswerIn) -> Status[Any]:
    """Answer a feedback form as yourself, with the same checks as its public page: an
    answer to a question whose condition does not hold is dropped, a required question
    that applies must be answered, and nothing is kept when any answer is refused."""
    found = _form(request, form_id)
    built_in = payload.model_dump(exclude={"questions"})
    feedback = services.feedback_submit(
        survey=found, answers=built_in, own=payload.questions, customer=request.user
    )
    return Status(201, selectors.feedback(request.organisation).get(pk=feedback.pk))


@router.get(BASE + "/feedback", response=list[FeedbackOut])
@org_operation(Permission.VIEW_LISTENING)
@paginate
def list_feedback(request: OrgRequest, org: str) -> Any:
    """Feedback and passive signals, latest first."""
    return selectors.feedback(request.organisation)


@router.post(BASE + "/feedback", response={201: IngestedOut})
@org_operation(Permission.MANAGE_LISTENING)
def ingest_feedback(request: OrgRequest, org: str, payload: FeedbackBatchIn) -> Status[Any]:
    """Up to 1,000 answers or signals at once: all are kept, or none (422 names each bad
    item as items.N). Items whose external_id was sent before are skipped."""
    found = services.feedback_ingest(
        organisation=request.organisation,
        actor=request.user,
        items=[item.model_dump() for item in payload.items],
    )
    return Status(201, found)


# Staff: interactions and pulses


@router.post(BASE + "/interactions", response={201: IngestedOut})
@org_operation(Permission.MANAGE_LISTENING)
def ingest_interactions(request: OrgRequest, org: str, payload: InteractionBatchIn) -> Status[Any]:
    """Who served whom, from another system: all items are kept, or none."""
    found = services.interactions_ingest(
        organisation=request.organisation,
        actor=request.user,
        items=[item.model_dump() for item in payload.items],
    )
    return Status(201, found)


@router.post(BASE + "/interactions/mine", response={201: InteractionOut})
@org_operation(Permission.RECORD_INTERACTIONS)
def record_my_interaction(
    request: OrgRequest, org: str, payload: MyInteractionIn
) -> Status[Interaction]:
    """A member of staff records that they served a customer."""
    members = organisation_selectors.members(request.organisation)
    customer = members.filter(user__email__iexact=payload.customer.strip()).first()
    if customer is None:
        message = f"No member has the email {payload.customer}."
        raise InvalidInput(message, fields={"customer": [message]})
    interaction = services.interaction_record(
        membership=request.membership,
        customer=customer,
        touchpoint=_touchpoint(request, payload.touchpoint),
        occurred_at=payload.occurred_at,
    )
    return Status(
        201,
        Interaction.objects.select_related("staff", "customer", "touchpoint").get(
            pk=interaction.pk
        ),
    )


@router.post(BASE + "/staff-pulses", response={201: IngestedOut})
@org_operation(Permission.MANAGE_LISTENING)
def ingest_pulses(request: OrgRequest, org: str, payload: PulseBatchIn) -> Status[Any]:
    """Staff pulses from another system (an HR survey tool): all are kept, or none."""
    found = services.pulses_ingest(
        organisation=request.organisation,
        actor=request.user,
        items=[item.model_dump() for item in payload.items],
    )
    return Status(201, found)


@router.post(BASE + "/staff-pulses/mine", response={201: PulseOut})
@org_operation(Permission.TAKE_STAFF_PULSE)
def record_my_pulse(request: OrgRequest, org: str, payload: MyPulseIn) -> Status[StaffPulse]:
    pulse = services.pulse_record(
        membership=request.membership, satisfaction=payload.satisfaction, enps=payload.enps
    )
    return Status(201, pulse)


# Imports


def _import_out(found: SignalImport) -> dict[str, Any]:
    problems = list(selectors.import_problems(found).values("line", "reason")[:100])
    names = [f for f in SignalImportOut.model_fields if f != "problems"]
    return {**{f: getattr(found, f) for f in names}, "problems": problems}


def _import(request: OrgRequest, import_id: int) -> SignalImport:
    return get_object_or_404(SignalImport.objects.all(), pk=import_id)


@router.post(BASE + "/imports", response={201: SignalImportOut})
@org_operation(Permission.MANAGE_LISTENING)
def create_import(request: OrgRequest, org: str, payload: SignalImportIn) -> Status[Any]:
    """A CSV file as text. With a mapping the import starts at once; without, read its
    headers in the answer and start it with .../start."""
    found = services.import_upload(
        organisation=request.organisation,
        actor=request.user,
        kind=payload.kind,
        file_name=payload.file_name,
        content=payload.content.encode(),
    )
    if payload.mapping is not None:
        found = services.import_start(
            signal_import=found, actor=request.user, mapping=payload.mapping.model_dump()
        )
    return Status(201, _import_out(found))


@router.get(BASE + "/imports/{import_id}", response=SignalImportOut)
@org_operation(Permission.MANAGE_LISTENING)
def get_import(request: OrgRequest, org: str, import_id: int) -> dict[str, Any]:
    """An import's progress, and its first refused rows with line and reason."""
    return _import_out(_import(request, import_id))


@router.post(BASE + "/imports/{import_id}/start", response=SignalImportOut)
@org_operation(Permission.MANAGE_LISTENING)
def start_import(
    request: OrgRequest, org: str, import_id: int, payload: MappingIn
) -> dict[str, Any]:
    found = services.import_start(
        signal_import=_import(request, import_id), actor=request.user, mapping=payload.model_dump()
    )
    return _import_out(found)


@router.post(BASE + "/imports/{import_id}/resume", response=SignalImportOut)
@org_operation(Permission.MANAGE_LISTENING)
def resume_import(request: OrgRequest, org: str, import_id: int) -> dict[str, Any]:
    """Carry on a stopped or stalled import after the last rows it wrote."""
    found = services.import_resume(signal_import=_import(request, import_id), actor=request.user)
    return _import_out(found)


# Dashboards


class FigureQuery(Schema):
    name: str = "journey"
    window: str = "12m"
    period: str = "month"
    measure: str = "nps"
    by: str = "touchpoint"
    customer_measure: str = "csat"
    staff_measure: str = "satisfaction"


@router.get(BASE + "/figures", response=list[dict[str, Any]])
@org_operation(Permission.VIEW_LISTENING)
def get_figure(request: OrgRequest, org: str, query: Query[FigureQuery]) -> list[dict[str, Any]]:
    """The table behind any dashboard chart, as JSON rows: name is one of overall,
    journey, trend, scores, served, staff-overview, staff-points, staff-line, linkage,
    cocreation, cocreation-segments, cocreation-trend, demand. Every score has its 95%
    interval (low, high) and a note when there is none."""
    if query.name not in figures.FIGURES:
        message = f"Unknown figure {query.name!r}: use one of {', '.join(figures.FIGURES)}."
        raise InvalidInput(message, fields={"name": [message]})
    filters = figures.Filters.from_query(query.model_dump())
    frame = figures.figure(query.name, engine.dashboards(request.organisation), filters)
    assert frame is not None
    return [
        {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in row.items()}
        for row in frame.to_dicts()
    ]


# Themes


def _run_out(run: ThemeRun) -> dict[str, Any]:
    names = [f for f in ThemeRunOut.model_fields if f != "themes"]
    return {**{f: getattr(run, f) for f in names}, "themes": selectors.themes_of(run)}


@router.get(BASE + "/themes", response={200: ThemeRunOut, 204: None})
@org_operation(Permission.VIEW_LISTENING)
def get_themes(request: OrgRequest, org: str) -> Any:
    """The themes of the latest finished run (204 before the first)."""
    latest = selectors.latest_theme_run(request.organisation)
    return _run_out(latest) if latest else Status(204, None)


@router.post(BASE + "/themes/runs", response={202: ThemeRunOut})
@org_operation(Permission.MANAGE_LISTENING)
def start_themes(request: OrgRequest, org: str) -> Status[Any]:
    """Find themes again, in the background; poll GET .../themes/runs/{theme_run_id}."""
    run = services.theme_run_start(organisation=request.organisation, actor=request.user)
    return Status(202, _run_out(run))


@router.get(BASE + "/themes/runs/{theme_run_id}", response=ThemeRunOut)
@org_operation(Permission.VIEW_LISTENING)
def get_theme_run(request: OrgRequest, org: str, theme_run_id: int) -> dict[str, Any]:
    return _run_out(get_object_or_404(ThemeRun.objects.all(), pk=theme_run_id))


# Opinions


def _conversation(request: OrgRequest, conversation_id: int) -> Conversation:
    return get_object_or_404(selectors.conversations(request.organisation), pk=conversation_id)


@router.get(OPINIONS, response=list[ConversationOut])
@org_operation(Permission.TAKE_PART_IN_OPINIONS)
def list_conversations(request: OrgRequest, org: str) -> Any:
    return selectors.conversations(request.organisation)


@router.post(OPINIONS, response={201: ConversationOut})
@org_operation(Permission.MANAGE_LISTENING)
def create_conversation(
    request: OrgRequest, org: str, payload: ConversationIn
) -> Status[Conversation]:
    found = services.conversation_save(
        organisation=request.organisation, actor=request.user, **payload.model_dump()
    )
    return Status(201, found)


@router.get(ONE_CONVERSATION + "/statements", response=list[StatementOut])
@org_operation(Permission.TAKE_PART_IN_OPINIONS)
def list_statements(request: OrgRequest, org: str, conversation_id: int) -> list[dict[str, Any]]:
    """Every statement with its votes so far, and your own vote."""
    found = _conversation(request, conversation_id)
    return [
        {
            "id": c.statement.pk,
            "text": c.statement.text,
            "agree": c.agree,
            "disagree": c.disagree,
            "passed": c.passed,
            "mine": c.mine,
        }
        for c in selectors.statements(found, request.user.pk)
    ]


@router.post(ONE_CONVERSATION + "/statements", response={201: list[StatementOut]})
@org_operation(Permission.MANAGE_LISTENING)
def post_statements(
    request: OrgRequest, org: str, conversation_id: int, payload: StatementsIn
) -> Status[Any]:
    made = services.statements_add(
        conversation=_conversation(request, conversation_id),
        actor=request.user,
        texts=payload.texts,
    )
    return Status(
        201,
        [
            {"id": s.pk, "text": s.text, "agree": 0, "disagree": 0, "passed": 0, "mine": None}
            for s in made
        ],
    )


@router.post(ONE_CONVERSATION + "/votes", response={200: dict[str, int]})
@org_operation(Permission.TAKE_PART_IN_OPINIONS)
def cast_vote(
    request: OrgRequest, org: str, conversation_id: int, payload: VoteIn
) -> dict[str, int]:
    """Agree (1), disagree (-1) or pass (0) on a statement; a new vote replaces the last."""
    found = _conversation(request, conversation_id)
    statement = get_object_or_404(
        Statement.objects.filter(conversation=found), pk=payload.statement
    )
    vote = services.vote_cast(
        statement=statement, membership=request.membership, value=payload.value
    )
    return {"statement": statement.pk, "value": vote.value}


@router.get(ONE_CONVERSATION + "/groups", response=GroupsOut)
@org_operation(Permission.TAKE_PART_IN_OPINIONS)
def get_groups(request: OrgRequest, org: str, conversation_id: int) -> dict[str, Any]:
    """Opinion groups as pol.is finds them, with representative and consensus statements."""
    result = opinions.opinion_groups(_conversation(request, conversation_id))
    if isinstance(result, str):
        return {"participants": 0, "grouped": 0, "groups": [], "consensus": [], "note": result}
    return {
        "participants": result.participants,
        "grouped": result.grouped,
        "groups": result.groups,
        "consensus": result.consensus,
        "note": "",
    }
