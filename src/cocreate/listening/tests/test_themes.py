"""Themes are found by a background run that caches each text's vector."""

import pytest
from django.test import Client
from django_scopes import scope

from cocreate.conftest import client_for
from cocreate.core.errors import Conflict
from cocreate.listening import services
from cocreate.listening.models import RunStatus, TextVector, Theme

COMPLAINTS = ["The wifi was terrible", "Wifi was slow all day", "Awful wifi in room two"]
PRAISE = ["Lovely coffee and lunch", "Great coffee at the break", "The lunch was delicious"]


@pytest.fixture(autouse=True)
def tfidf(monkeypatch):
    monkeypatch.setenv("COCREATE_TEXT_BACKEND", "tfidf")  # fast, and needs no model


def answer(journey, texts):
    for text in texts:
        Client().post(f"/f/{journey.survey.token}/", {"text": text})


def test_a_run_stores_themes_with_their_examples(journey):
    org = journey.org
    answer(journey, COMPLAINTS * 3 + PRAISE * 3)

    run = services.theme_run_start(organisation=org.organisation, actor=org.organiser)
    services.theme_run_execute(run.pk)

    with scope(organisation=org.organisation):
        run.refresh_from_db()
        themes = list(Theme.objects.filter(run=run))
    assert (run.status, run.texts_total, run.texts_to_embed) == (RunStatus.DONE, 18, 6)
    assert sum(t.size for t in themes) == 18
    wifi = next(t for t in themes if "wifi" in t.label)
    assert set(wifi.examples) <= set(COMPLAINTS)
    assert wifi.sentiment < 0


def test_a_second_run_embeds_only_new_texts(journey):
    org = journey.org
    answer(journey, COMPLAINTS + PRAISE)
    first = services.theme_run_start(organisation=org.organisation, actor=org.organiser)
    services.theme_run_execute(first.pk)
    answer(journey, ["The wifi was terrible", "Chairs were comfy"])

    second = services.theme_run_start(organisation=org.organisation, actor=org.organiser)
    services.theme_run_execute(second.pk)

    with scope(organisation=org.organisation):
        second.refresh_from_db()
        assert TextVector.objects.count() == 7
    assert (second.texts_total, second.texts_to_embed, second.texts_embedded) == (8, 1, 1)


def test_one_run_at_a_time(journey):
    org = journey.org
    answer(journey, COMPLAINTS)
    services.theme_run_start(organisation=org.organisation, actor=org.organiser)

    with pytest.raises(Conflict, match="being found already"):
        services.theme_run_start(organisation=org.organisation, actor=org.organiser)


def test_the_page_shows_progress_then_the_themes(journey):
    org = journey.org
    answer(journey, COMPLAINTS * 2 + PRAISE * 2)
    client = client_for(org.organiser)

    client.post("/o/acme/listening/themes/run/")
    waiting = client.get("/o/acme/listening/themes/").content.decode()
    with scope(organisation=org.organisation):
        run = org.organisation and services.themes.ThemeRun.objects.get()
    services.theme_run_execute(run.pk)
    done = client.get("/o/acme/listening/themes/").content.decode()
    poll = client.get(f"/o/acme/listening/themes/runs/{run.pk}/")

    assert "Waiting for a worker" in waiting
    assert 'hx-trigger="every 1s"' in waiting
    assert "“The wifi was terrible”" in done
    assert poll["HX-Refresh"] == "true"
