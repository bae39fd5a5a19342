"""Organisers' own questions on a feedback form: what a definition and its one condition
must hold to be saved, and what each refusal says (nothing is written then)."""

import pytest
from django_scopes import scope

from cocreate.core.errors import Conflict, InvalidInput
from cocreate.listening import services
from cocreate.listening.models import Question
from cocreate.listening.tests.conftest import add_question, build_journey, follow_up
from cocreate.organisations.models import AuditEntry


def saved(journey) -> list[tuple]:
    with scope(organisation=journey.org.organisation):
        return list(Question.objects.order_by("position").values_list("label", "kind", "position"))


def refusal(journey, **definition) -> dict[str, list[str]]:
    """The per-field messages of a question that is refused; nothing is saved."""
    before = saved(journey)
    with pytest.raises(InvalidInput) as refused:
        add_question(journey, **definition)
    assert refused.value.message == "The question was not saved."
    assert saved(journey) == before
    return refused.value.fields


def actions(journey) -> list[str]:
    with scope(organisation=journey.org.organisation):
        return list(
            AuditEntry.objects.filter(action__startswith="question.")
            .order_by("id")
            .values_list("action", flat=True)
        )


def test_questions_of_each_kind_are_added_in_order_with_an_audit_entry(journey):
    add_question(
        journey, kind="single_choice", label="How did you reach us?", choices=["Phone", "Chat"]
    )
    add_question(
        journey, kind="multiple_choice", label="What did you use?", choices=["App", "Site"]
    )
    scale = add_question(
        journey,
        kind="scale",
        label="How clear was it?",
        scale_min=1,
        scale_max=5,
        low_label="Not clear",
        high_label="Very clear",
    )
    add_question(journey, kind="text", label="  Anything  else? ")

    assert saved(journey) == [
        ("How did you reach us?", "single_choice", 1),
        ("What did you use?", "multiple_choice", 2),
        ("How clear was it?", "scale", 3),
        ("Anything else?", "text", 4),
    ]
    assert (scale.scale_min, scale.scale_max, scale.low_label) == (1, 5, "Not clear")
    assert actions(journey) == ["question.created"] * 4


def test_a_follow_up_on_nps_keeps_its_condition(journey):
    question = follow_up(journey)

    assert (question.condition_score, question.condition_operator, question.condition_number) == (
        "nps",
        "at_most",
        6,
    )


def test_a_condition_on_an_earlier_choice_keeps_the_choices_it_names(journey):
    reach = add_question(
        journey, kind="single_choice", label="Reached us by", choices=["Phone", "Chat"]
    )

    question = add_question(
        journey,
        label="What was the chat like?",
        condition_on=str(reach.pk),
        condition_operator="one_of",
        condition_choices=["Chat"],
    )

    assert (question.condition_question, question.condition_choices) == (reach, ["Chat"])


def test_a_question_needs_a_label_and_a_known_kind(journey):
    assert refusal(journey, kind="slider", label=" ") == {
        "kind": ["Choose single choice, multiple choice, scale or text."],
        "label": ["Give the question a text of 1 to 200 characters."],
    }


@pytest.mark.parametrize(
    ("choices", "message"),
    [
        (["Only one"], "Give 2 to 20 choices."),
        ([f"Choice {n}" for n in range(21)], "Give 2 to 20 choices."),
        (["Yes", " "], "Every choice needs some text."),
        (["Yes", "yes"], "Give each choice only once."),
        (["Yes", "x" * 101], "Keep each choice to 100 characters."),
    ],
)
def test_choices_are_2_to_20_distinct_non_empty_texts(journey, choices, message):
    fields = refusal(journey, kind="single_choice", label="Pick", choices=choices)

    assert fields == {"choices": [message]}


def test_only_choice_questions_have_choices_and_only_scales_a_range(journey):
    assert refusal(journey, kind="text", label="Say", choices=["A", "B"], scale_min=1) == {
        "choices": ["Only choice questions have choices."],
        "scale_min": ["Only a scale has a range and words for its ends."],
    }


@pytest.mark.parametrize(("low", "high"), [(None, 5), (5, 5), (6, 2), (-1, 5), (0, 11)])
def test_a_scale_runs_between_two_whole_numbers_from_0_to_10(journey, low, high):
    fields = refusal(journey, kind="scale", label="Rate", scale_min=low, scale_max=high)

    assert list(fields.values()) == [
        ["A scale runs between two whole numbers from 0 to 10, the first lower than the second."]
    ]


def test_a_condition_on_a_missing_question_is_refused(journey):
    fields = refusal(
        journey,
        label="Why?",
        condition_on="987654",
        condition_operator="at_most",
        condition_number=3,
    )

    assert fields == {"condition_on": ["This form has no such question."]}


def test_a_condition_on_a_question_of_another_form_is_refused(journey):
    org = journey.org
    other = services.survey_save(
        organisation=org.organisation,
        actor=org.organiser,
        touchpoint=journey.touchpoint("use"),
        title="Using it",
    )
    elsewhere = services.question_save(
        survey=other, actor=org.organiser, kind="scale", label="Rate", scale_min=1, scale_max=5
    )

    fields = refusal(
        journey,
        label="Why?",
        condition_on=str(elsewhere.pk),
        condition_operator="at_most",
        condition_number=2,
    )

    assert fields == {
        "condition_on": ["That question is on another form: choose one of this form's."]
    }


def test_a_condition_on_a_question_of_another_organisation_finds_no_such_question(journey, rival):
    theirs = build_journey(rival)
    foreign = add_question(theirs, kind="scale", label="Rate", scale_min=1, scale_max=5)

    fields = refusal(
        journey,
        label="Why?",
        condition_on=str(foreign.pk),
        condition_operator="at_most",
        condition_number=2,
    )

    assert fields == {"condition_on": ["This form has no such question."]}


def test_a_question_cannot_depend_on_itself(journey):
    question = add_question(journey, kind="scale", label="Rate", scale_min=1, scale_max=5)

    with pytest.raises(InvalidInput) as refused:
        services.question_save(
            survey=journey.survey,
            actor=journey.org.organiser,
            question=question,
            kind="scale",
            label="Rate",
            scale_min=1,
            scale_max=5,
            condition_on=str(question.pk),
            condition_operator="at_least",
            condition_number=2,
        )

    assert refused.value.fields == {"condition_on": ["A question cannot depend on its own answer."]}


def test_a_question_cannot_depend_on_a_later_one(journey):
    first = add_question(journey, label="First")
    later = add_question(journey, kind="scale", label="Later", scale_min=1, scale_max=5)

    with pytest.raises(InvalidInput) as refused:
        services.question_save(
            survey=journey.survey,
            actor=journey.org.organiser,
            question=first,
            kind="text",
            label="First",
            condition_on=str(later.pk),
            condition_operator="at_most",
            condition_number=2,
        )

    assert refused.value.fields == {
        "condition_on": [
            "“Later” comes after this question: a question can only depend on an earlier one."
        ]
    }


def test_a_condition_on_a_score_the_form_does_not_ask_is_refused(journey):
    org = journey.org
    services.survey_save(
        organisation=org.organisation,
        actor=org.organiser,
        survey=journey.survey,
        touchpoint=journey.survey.touchpoint,
        title=journey.survey.title,
        asks_nps=False,
    )

    fields = refusal(
        journey, label="Why?", condition_on="nps", condition_operator="at_most", condition_number=6
    )

    assert fields == {"condition_on": ["This form does not ask NPS: choose a score it asks."]}


@pytest.mark.parametrize(
    ("condition", "field", "message"),
    [
        (
            {"condition_on": "nps", "condition_number": 11},
            "condition_number",
            "Choose a whole number from 0 to 10.",
        ),
        (
            {"condition_on": "csat", "condition_number": 0},
            "condition_number",
            "Choose a whole number from 1 to 5.",
        ),
        (
            {"condition_on": "ces", "condition_number": None},
            "condition_number",
            "Choose a whole number from 1 to 7.",
        ),
        (
            {"condition_on": "reach", "condition_number": 3},
            "condition_on",
            "Choose NPS, CSAT, CES or an earlier question of this form.",
        ),
    ],
)
def test_a_condition_on_a_score_needs_a_number_in_its_range(journey, condition, field, message):
    fields = refusal(journey, label="Why?", condition_operator="at_most", **condition)

    assert fields == {field: [message]}


def test_a_condition_on_a_scale_needs_a_number_on_that_scale(journey):
    scale = add_question(journey, kind="scale", label="Rate", scale_min=1, scale_max=5)

    fields = refusal(
        journey,
        label="Why?",
        condition_on=str(scale.pk),
        condition_operator="at_least",
        condition_number=6,
    )

    assert fields == {"condition_number": ["Choose a whole number from 1 to 5."]}


def test_a_condition_on_a_choice_names_some_of_its_choices(journey):
    reach = add_question(
        journey, kind="single_choice", label="Reached us by", choices=["Phone", "Chat"]
    )

    unknown = refusal(
        journey,
        label="Why?",
        condition_on=str(reach.pk),
        condition_operator="one_of",
        condition_choices=["Fax"],
    )
    none = refusal(journey, label="Why?", condition_on=str(reach.pk), condition_operator="one_of")
    compared = refusal(
        journey,
        label="Why?",
        condition_on=str(reach.pk),
        condition_operator="at_most",
        condition_number=2,
    )

    assert unknown == {"condition_choices": ["Not a choice of “Reached us by”: Fax."]}
    assert none == {"condition_choices": ["Choose at least one of its choices."]}
    assert compared == {
        "condition_operator": ["For a choice question, choose “is one of”."],
        "condition_number": ["Only a score or a scale is compared with a number."],
        "condition_choices": ["Choose at least one of its choices."],
    }


def test_a_text_answer_decides_nothing(journey):
    text = add_question(journey, label="Tell us")

    fields = refusal(
        journey,
        label="Why?",
        condition_on=str(text.pk),
        condition_operator="one_of",
        condition_choices=["x"],
    )

    assert fields == {
        "condition_on": ["“Tell us” is a text question: a condition needs a choice or a scale."]
    }


def test_a_condition_without_its_subject_is_refused(journey):
    fields = refusal(journey, label="Why?", condition_operator="at_most", condition_number=3)

    assert fields == {"condition_on": ["Choose the answer this question depends on."]}


def test_deleting_a_question_others_depend_on_is_refused_naming_them(journey):
    scale = add_question(journey, kind="scale", label="Rate", scale_min=1, scale_max=5)
    for label in ("Why so low?", "What would help?"):
        add_question(
            journey,
            label=label,
            condition_on=str(scale.pk),
            condition_operator="at_most",
            condition_number=2,
        )

    with pytest.raises(Conflict) as refused:
        services.question_delete(question=scale, actor=journey.org.organiser)

    assert refused.value.message == (
        "“Why so low?”, “What would help?” depend on this question's answer: "
        "change or delete their conditions first."
    )
    assert len(saved(journey)) == 3


def test_a_deleted_question_leaves_an_audit_entry(journey):
    question = add_question(journey, label="Tell us")

    services.question_delete(question=question, actor=journey.org.organiser)

    assert saved(journey) == []
    assert actions(journey) == ["question.created", "question.deleted"]


def test_questions_move_but_never_above_what_they_depend_on(journey):
    scale = add_question(journey, kind="scale", label="Rate", scale_min=1, scale_max=5)
    add_question(journey, label="Other")
    dependent = add_question(
        journey,
        label="Why so low?",
        condition_on=str(scale.pk),
        condition_operator="at_most",
        condition_number=2,
    )

    services.question_move(question=dependent, actor=journey.org.organiser, offset=-1)
    with pytest.raises(Conflict) as refused:
        services.question_move(question=dependent, actor=journey.org.organiser, offset=-1)

    assert (
        refused.value.message
        == "“Why so low?” depends on the answer to “Rate”, so it stays below it."
    )
    assert [label for label, _, _ in saved(journey)] == ["Rate", "Why so low?", "Other"]
    assert actions(journey)[-1] == "question.moved"


def test_an_answered_question_keeps_its_kind(journey):
    question = add_question(journey, kind="scale", label="Rate", scale_min=1, scale_max=5)
    services.feedback_submit(survey=journey.survey, answers={}, own={question.key: 4})

    with pytest.raises(InvalidInput) as kind_changed:
        services.question_save(
            survey=journey.survey,
            actor=journey.org.organiser,
            question=question,
            kind="text",
            label="Rate",
        )
    with pytest.raises(InvalidInput) as range_changed:
        services.question_save(
            survey=journey.survey,
            actor=journey.org.organiser,
            question=question,
            kind="scale",
            label="Rate",
            scale_min=0,
            scale_max=10,
        )

    assert kind_changed.value.fields == {
        "kind": ["People have answered this question, so its kind stays: add a new one instead."]
    }
    assert range_changed.value.fields == {
        "scale_min": ["People have answered on this scale, so its range stays."]
    }


def test_a_choice_a_condition_names_stays_while_the_condition_does(journey):
    reach = add_question(
        journey, kind="single_choice", label="Reached us by", choices=["Phone", "Chat"]
    )
    add_question(
        journey,
        label="What was the chat like?",
        condition_on=str(reach.pk),
        condition_operator="one_of",
        condition_choices=["Chat"],
    )

    with pytest.raises(InvalidInput) as refused:
        services.question_save(
            survey=journey.survey,
            actor=journey.org.organiser,
            question=reach,
            kind="single_choice",
            label="Reached us by",
            choices=["Phone", "Email"],
        )

    assert refused.value.fields == {
        "choices": [
            "“What was the chat like?” is asked when the answer is “Chat”: keep that choice, "
            "or change its condition first."
        ]
    }


def test_a_form_keeps_asking_a_score_a_condition_depends_on(journey):
    follow_up(journey)
    org = journey.org

    with pytest.raises(InvalidInput) as refused:
        services.survey_save(
            organisation=org.organisation,
            actor=org.organiser,
            survey=journey.survey,
            touchpoint=journey.survey.touchpoint,
            title=journey.survey.title,
            asks_nps=False,
        )

    assert refused.value.fields == {
        "asks_nps": [
            "“What should we change?” is asked depending on the NPS answer: change its "
            "condition first."
        ]
    }
