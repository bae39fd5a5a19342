"""What customers chose, waited for and could not have: the demand behind an offering.

Reads only. The counts come from the database in a few grouped queries; the breakdown by
a profile field joins each chooser's answers in Python (one pass over the choices).
"""

import csv
import io
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Max, Sum
from django_scopes import scope

from cocreate.offerings.models import (
    Attempt,
    Choice,
    ChoiceStatus,
    Design,
    Dimension,
    Offering,
    Option,
)
from cocreate.organisations.models import Membership

NO_ANSWER = "(no answer)"


@dataclass
class OptionDemand:
    option: Option
    confirmed: int = 0
    waitlisted: int = 0
    tried: int = 0  # people who tried to choose it and were refused by a rule
    attempts: int = 0
    reasons: Counter[str] = field(default_factory=Counter)  # refusal codes, by people

    @property
    def wanted(self) -> int:
        return self.confirmed + self.waitlisted + self.tried


def option_demand(offering: Offering) -> list[OptionDemand]:
    with scope(organisation=offering.organisation_id):
        options = list(
            Option.objects.filter(offering=offering)
            .select_related("dimension", "partner")
            .order_by("dimension__position", "dimension_id", "position", "id")
        )
        rows = {o.pk: OptionDemand(o) for o in options}
        for option_id, status, n in (
            Choice.objects.filter(option__offering=offering)
            .values_list("option_id", "status")
            .annotate(n=Count("id"))
            .order_by()
        ):
            if status == ChoiceStatus.CONFIRMED:
                rows[option_id].confirmed = n
            else:
                rows[option_id].waitlisted = n
        for option_id, code, people, attempts in (
            Attempt.objects.filter(offering=offering)
            .values_list("option_id", "code")
            .annotate(people=Count("user_id", distinct=True), attempts=Sum("count"))
            .order_by()
        ):
            rows[option_id].reasons[code] += people
            rows[option_id].attempts += attempts
        for option_id, people in (
            Attempt.objects.filter(offering=offering)
            .values_list("option_id")
            .annotate(people=Count("user_id", distinct=True))
            .order_by()
        ):
            rows[option_id].tried = people
    return list(rows.values())


def fingerprint(offering: Offering) -> str:
    """What the demand figures are made of, in a few aggregates: it changes whenever a
    design is submitted or withdrawn, a seat is given from a waitlist, a choice is refused,
    a profile is edited, or the offering or its options change."""
    with scope(organisation=offering.organisation_id):
        parts = [
            Design.objects.filter(offering=offering).aggregate(
                n=Count("pk"), last=Max("updated_at")
            ),
            Choice.objects.filter(option__offering=offering).aggregate(
                n=Count("pk"), last=Max("pk"), promoted=Max("promoted_at")
            ),
            Attempt.objects.filter(offering=offering).aggregate(n=Count("pk"), last=Max("last_at")),
            Membership.objects.aggregate(last=Max("profile_updated_at")),
        ]
    values = [offering.revision, offering.updated_at, *(v for p in parts for v in p.values())]
    return ":".join(str(v) for v in values)


def breakdown(offering: Offering, field_key: str) -> dict[int, Counter[str]]:
    """For each option, how many of the people who chose it gave each answer to `field_key`."""
    with scope(organisation=offering.organisation_id):
        choices = list(
            Choice.objects.filter(option__offering=offering).values_list(
                "option_id", "design__user_id"
            )
        )
        profiles = dict(
            Membership.objects.filter(user_id__in={u for _, u in choices}).values_list(
                "user_id", "profile"
            )
        )
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    for option_id, user_id in choices:
        answer = (profiles.get(user_id) or {}).get(field_key)
        values = answer if isinstance(answer, list) else [answer]
        for value in values or [None]:
            counts[option_id][NO_ANSWER if value in (None, "") else str(value)] += 1
    return counts


@dataclass(frozen=True)
class Conflict:
    message: str
    code: str
    people: int
    attempts: int


def common_conflicts(offering: Offering, limit: int = 10) -> list[Conflict]:
    """The rules people ran into most, by how many people. A conflict between two chosen
    options is one row per option: a person's tries are counted once, not twice."""
    with scope(organisation=offering.organisation_id):
        rows = Attempt.objects.filter(offering=offering).values_list(
            "message", "code", "user_id", "count"
        )
        tries: dict[tuple[str, str], dict[int, int]] = defaultdict(dict)
        for message, code, user_id, count in rows:
            if code == "budget":  # every total is its own sentence; the conflict is one
                message = f"Over the budget of {offering.budget} {offering.unit}".strip() + "."
            per_person = tries[(message, code)]
            per_person[user_id] = max(per_person.get(user_id, 0), count)
    conflicts = [
        Conflict(message, code, len(people), sum(people.values()))
        for (message, code), people in tries.items()
    ]
    conflicts.sort(key=lambda c: (-c.people, -c.attempts, c.message))
    return conflicts[:limit]


@dataclass(frozen=True)
class AnswerGroup:
    label: str
    count: int
    examples: list[str]


def open_answers(
    offering: Offering, per_step: int = 12
) -> list[tuple[Dimension, list[AnswerGroup]]]:
    """Each open-answer step's answers, grouped by their words (case and punctuation aside)."""
    with scope(organisation=offering.organisation_id):
        steps = list(Dimension.objects.filter(offering=offering, open_answer=True))
        answers = list(
            Design.objects.filter(offering=offering, version__gt=0)
            .order_by("submitted_at", "pk")  # a group is labelled by its first answer
            .values_list("answers", flat=True)
        )
    result = []
    for step in steps:
        groups: dict[str, list[str]] = defaultdict(list)
        for given in answers:
            text = (given or {}).get(str(step.pk), "").strip()
            if text:
                groups[_normal(text)].append(text)
        ranked = sorted(groups.values(), key=lambda texts: (-len(texts), texts[0].lower()))
        result.append(
            (step, [AnswerGroup(texts[0], len(texts), texts[:3]) for texts in ranked[:per_step]])
        )
    return result


def _normal(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def demand_csv(offering: Offering) -> str:
    """One row per option: the figures of the demand page, for a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "step",
            "option",
            "key",
            "capacity",
            "confirmed",
            "waitlisted",
            "tried_and_refused",
            "refusals",
            "partner",
        ]
    )
    for row in option_demand(offering):
        option = row.option
        writer.writerow(
            [
                option.dimension.name,
                option.name,
                option.key,
                "" if option.capacity is None else option.capacity,
                row.confirmed,
                row.waitlisted,
                row.tried,
                row.attempts,
                option.partner.name if option.partner else "",
            ]
        )
    return out.getvalue()


def breakdown_csv(offering: Offering, field_key: str) -> str:
    """One row per option and answer: the data behind the breakdown chart."""
    names = {r.option.pk: (r.option.dimension.name, r.option.name) for r in option_demand(offering)}
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["step", "option", field_key, "people"])
    for option_id, counts in breakdown(offering, field_key).items():
        for answer, people in sorted(counts.items()):
            writer.writerow([*names[option_id], answer, people])
    return out.getvalue()
