"""What the organisation learns: chosen, waitlisted, wanted but refused, by who they are."""

import re

from cocreate.conftest import client_for
from cocreate.offerings import demand, services
from cocreate.offerings.views import demand as demand_page
from cocreate.organisations import services as organisation_services


def test_demand_counts_choices_waitlists_and_refusals_by_people(acme, unconference):
    u = unconference
    for person in (acme.staff, acme.customer):
        services.design_submit(
            offering=u.offering,
            membership=acme.member(person),
            options=[str(u.keynote.pk), str(u.in_person.pk)],
            answers={},
        )
    customer = acme.member(acme.customer)
    for _ in range(3):  # the same person trying the same conflict counts once as a person
        services.draft_save(
            offering=u.offering,
            membership=customer,
            options=[str(u.workshop.pk), str(u.live_stream.pk)],
            answers={},
        )

    rows = {r.option.name: r for r in demand.option_demand(u.offering)}

    assert (rows["Keynote"].confirmed, rows["Keynote"].waitlisted) == (1, 1)
    assert (rows["Design thinking workshop"].tried, rows["Design thinking workshop"].attempts) == (
        1,
        3,
    )
    assert rows["Panel: the future of CX"].wanted == 0
    conflicts = demand.common_conflicts(u.offering)
    assert [(c.message, c.people, c.attempts) for c in conflicts] == [
        ("The workshop is hands-on: come in person.", 1, 3)
    ]


def test_demand_by_a_profile_answer(acme, unconference):
    u = unconference
    answers = {acme.staff: "member", acme.customer: "guest", acme.partner: None}
    for person, answer in answers.items():
        if answer:
            organisation_services.profile_update(
                membership=acme.member(person), answers={"membership": answer}
            )
        services.design_submit(
            offering=u.offering,
            membership=acme.member(person),
            options=[str(u.panel.pk), str(u.in_person.pk)],
            answers={},
        )

    counts = demand.breakdown(u.offering, "membership")

    assert dict(counts[u.panel.pk]) == {"member": 1, "guest": 1, "(no answer)": 1}


def test_open_answers_are_grouped_by_their_words(acme, unconference):
    u = unconference
    said = {acme.staff: "Measuring value!", acme.customer: "measuring value", acme.partner: "AI"}
    for person, text in said.items():
        services.design_submit(
            offering=u.offering,
            membership=acme.member(person),
            options=[str(u.panel.pk), str(u.in_person.pk)],
            answers={str(u.topics.pk): text},
        )

    [(step, groups)] = demand.open_answers(u.offering)

    assert step == u.topics
    assert [(g.label, g.count) for g in groups] == [("Measuring value!", 2), ("AI", 1)]


def test_the_demand_page_has_charts_and_data_for_staff(acme, unconference):
    u = unconference
    services.design_submit(
        offering=u.offering,
        membership=acme.member(acme.customer),
        options=[str(u.panel.pk), str(u.in_person.pk)],
        answers={},
    )
    client = client_for(acme.staff)

    page = client.get(f"/o/acme/offerings/{u.offering.slug}/demand/").content.decode()
    csv = client.get(f"/o/acme/offerings/{u.offering.slug}/demand.csv").content.decode()

    assert 'id="demand-chart" type="application/json"' in page
    assert "vega-embed.min.js" in page
    assert csv.splitlines()[0] == (
        "step,option,key,capacity,confirmed,waitlisted,tried_and_refused,refusals,partner"
    )
    assert "Sessions,Panel: the future of CX,panel-the-future-of-cx,,1,0,0,0," in csv
    by_membership = client.get(f"/o/acme/offerings/{u.offering.slug}/demand.csv?by=membership")
    assert by_membership.content.decode().splitlines()[0] == "step,option,membership,people"


def test_the_demand_page_shows_each_change(acme, unconference, monkeypatch):
    # At once, once its figures are older than FRESH_SECONDS (at most every few seconds).
    monkeypatch.setattr(demand_page, "FRESH_SECONDS", 0)
    u = unconference
    page = f"/o/acme/offerings/{u.offering.slug}/demand/"
    client = client_for(acme.staff)

    def confirmed_and_refused() -> tuple[str, str]:
        html = client.get(page).content.decode()
        stats = re.findall(r'<p class="stat">(\d+)</p>', html)
        return stats[0], stats[2]

    assert confirmed_and_refused() == ("0", "0")
    services.design_submit(
        offering=u.offering,
        membership=acme.member(acme.customer),
        options=[str(u.panel.pk), str(u.in_person.pk)],
        answers={},
    )
    assert confirmed_and_refused() == ("2", "0")
    services.draft_save(
        offering=u.offering,
        membership=acme.member(acme.staff),
        options=[str(u.workshop.pk), str(u.live_stream.pk)],
        answers={},
    )
    assert confirmed_and_refused() == ("2", "1")


def test_the_demand_figures_fingerprint_changes_with_a_profile_answer(acme, unconference):
    before = demand.fingerprint(unconference.offering)
    organisation_services.profile_update(
        membership=acme.member(acme.customer), answers={"membership": "guest"}
    )
    assert demand.fingerprint(unconference.offering) != before


def test_the_demand_page_keeps_its_figures_for_a_few_seconds_while_designs_come_in(
    acme, unconference, monkeypatch
):
    monkeypatch.setattr(demand_page, "FRESH_SECONDS", 3600)  # however slow this machine
    u = unconference
    page = f"/o/acme/offerings/{u.offering.slug}/demand/"
    client = client_for(acme.staff)
    first = client.get(page).content.decode()
    services.design_submit(
        offering=u.offering,
        membership=acme.member(acme.customer),
        options=[str(u.panel.pk), str(u.in_person.pk)],
        answers={},
    )
    again = client.get(page).content.decode()  # within FRESH_SECONDS: the same figures

    assert re.findall(r'<p class="stat">(\d+)</p>', again)[0] == "0"
    as_of = re.compile(r"Figures as of [^<]+")
    assert as_of.findall(first)
    assert as_of.findall(again) == as_of.findall(first)
