"""Profile questions shared by the tests: some asked of everyone, one only in an offering."""

import pytest

from cocreate.organisations import services


@pytest.fixture
def asked(acme):
    """Acme asks everyone their job (required) and city; only its car offering asks whether
    they belong to the owners' club (required there)."""
    for key, label, kind, choices, required, everyone in [
        ("job", "Job title", "text", [], True, True),
        ("city", "City", "text", [], False, True),
        ("club", "Member of the owners' club", "single_choice", ["Yes", "No"], True, False),
    ]:
        services.profile_field_create(
            organisation=acme.organisation,
            actor=acme.organiser,
            key=key,
            label=label,
            kind=kind,
            choices=choices,
            required=required,
            asked_of_everyone=everyone,
        )
    return acme


def answer_in_an_offering(acme, user, answers):
    """What an offering's step does when it asks the owners' club question."""
    return services.profile_answers_update(
        membership=acme.member(user), answers=answers, fields=["club"]
    )
