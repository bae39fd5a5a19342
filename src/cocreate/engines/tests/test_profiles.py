"""The profile checks on their own: no database, no Django."""

import pytest

from cocreate.engines.profiles import FieldSpec, clean_answers, definition_errors

FIELDS = [
    FieldSpec("job", "Job title", "text", required=True),
    FieldSpec("years", "Years", "number"),
    FieldSpec("size", "Size", "single_choice", ("Small", "Large")),
    FieldSpec("topics", "Topics", "multi_choice", ("Maps", "Metrics", "Service")),
]


def test_it_keeps_valid_answers_cleaned():
    cleaned, errors = clean_answers(
        FIELDS, {"job": "  Designer ", "years": "4", "size": "Large", "topics": ["Service", "Maps"]}
    )

    assert errors == {}
    assert cleaned == {
        "job": "Designer",
        "years": 4,
        "size": "Large",
        "topics": ["Maps", "Service"],
    }


def test_empty_optional_answers_are_left_out():
    cleaned, errors = clean_answers(FIELDS, {"job": "Designer", "years": "", "topics": []})

    assert (cleaned, errors) == ({"job": "Designer"}, {})


@pytest.mark.parametrize(
    ("answers", "errors"),
    [
        ({}, {"job": ["This field is required."]}),
        ({"job": "   "}, {"job": ["This field is required."]}),
        ({"job": 7}, {"job": ["Enter text."]}),
        ({"job": "x" * 1001}, {"job": ["Use at most 1000 characters."]}),
        ({"job": "D", "years": "four"}, {"years": ["Enter a number."]}),
        ({"job": "D", "years": True}, {"years": ["Enter a number."]}),
        ({"job": "D", "years": "nan"}, {"years": ["Enter a number."]}),
        ({"job": "D", "size": "Huge"}, {"size": ["Choose one of: Small, Large."]}),
        ({"job": "D", "topics": ["Maps", "Golf"]}, {"topics": ["Not a choice here: Golf."]}),
        ({"job": "D", "topics": [1]}, {"topics": ["Choose from the list."]}),
        ({"job": "D", "shoe_size": 44}, {"shoe_size": ["There is no such profile field."]}),
    ],
)
def test_it_names_every_problem(answers, errors):
    _, found = clean_answers(FIELDS, answers)

    assert found == errors


def test_numbers_keep_their_fraction():
    cleaned, _ = clean_answers(FIELDS, {"job": "D", "years": 2.5})

    assert cleaned["years"] == 2.5


@pytest.mark.parametrize(
    ("kind", "choices", "errors"),
    [
        ("text", [], []),
        ("single_choice", ["A", "B"], []),
        ("text", ["A", "B"], ["Only choice fields have choices."]),
        ("single_choice", ["A"], ["A choice field needs at least two choices."]),
        ("multi_choice", ["A", "A"], ["Choices must differ from each other."]),
        ("multi_choice", ["A", " "], ["Every choice must be a non-empty text."]),
        ("date", [], ["Unknown kind 'date'."]),
    ],
)
def test_field_definitions_are_checked(kind, choices, errors):
    assert definition_errors(kind, choices) == errors
