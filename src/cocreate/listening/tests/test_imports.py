"""CSV imports: mapping, rows refused with their line and reason, good rows imported,
whole batches only, resumed where they stopped, never a row twice."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_scopes import scope

from cocreate.conftest import client_for
from cocreate.core.errors import InvalidInput
from cocreate.listening import services
from cocreate.listening.models import (
    Feedback,
    ImportKind,
    ImportProblem,
    ImportStatus,
    Interaction,
    SignalImport,
)
from cocreate.listening.services import imports as import_services

SIGNAL_MAPPING = {
    "columns": {"submitted_at": 0, "touchpoint": 1, "text": 2, "csat": 3, "external_id": 4},
    "fixed": {"kind": "review"},
    "dates": "iso",
}


def upload(journey, content: bytes, kind=ImportKind.SIGNALS, name="reviews.csv"):
    return services.import_upload(
        organisation=journey.org.organisation,
        actor=journey.org.organiser,
        kind=kind,
        file_name=name,
        content=content,
    )


def run(journey, content: bytes, mapping=SIGNAL_MAPPING, **kwargs):
    found = upload(journey, content, **kwargs)
    services.import_start(signal_import=found, actor=journey.org.organiser, mapping=mapping)
    services.import_execute(found.pk)
    with scope(organisation=journey.org.organisation):
        found.refresh_from_db()
        problems = list(
            ImportProblem.objects.filter(signal_import=found).values_list("line", "reason")
        )
    return found, problems


def texts(journey) -> list[str]:
    with scope(organisation=journey.org.organisation):
        return sorted(Feedback.objects.values_list("text", flat=True))


def test_good_rows_are_imported_and_each_bad_row_is_reported_with_its_line(journey):
    future = (timezone.now() + timedelta(days=3)).strftime("%Y-%m-%d")
    content = (
        "date,touchpoint,review,stars,id\n"
        "2026-01-02,use,Lovely,5,r1\n"
        "2026-01-03,use,Too many stars,7,r2\n"
        f"{future},use,From the future,4,r3\n"
        "2026-01-04,Backstage,Nowhere,4,r4\n"
        "2026-01-05,use,Missing a column,4\n"
        "2026-01-06,use,One column too many,4,r6,extra\n"
        "yesterday,use,Not a date,4,r7\n"
        "2026-01-08,get help,Helpful,four,r8\n"
        "\n"
        "2026-01-09,GET HELP,Quick answer,4,r9\n"
    ).encode()

    found, problems = run(journey, content)

    assert texts(journey) == ["Lovely", "Quick answer"]
    assert (found.status, found.rows_imported, found.rows_refused) == (ImportStatus.DONE, 2, 7)
    assert problems == [
        (3, "CSAT must be a whole number from 1 to 5, not 7."),
        (4, f"The date {future} 00:00 is in the future."),
        (
            5,
            "There is no touchpoint called “Backstage” (the journey has: buy, choose, discover, "
            "get help, stay or leave, use).",
        ),
        (6, "4 values where the header has 5 columns."),
        (7, "6 values where the header has 5 columns."),
        (8, "“yesterday” is not a date written year first."),
        (9, "CSAT or star rating “four” is not a number."),
    ]


def test_a_line_in_another_encoding_is_reported_and_the_rest_imported(journey):
    content = "date,touchpoint,review,stars,id\n2026-01-02,use,Crème brûlée,5,a\n".encode() + (
        b"2026-01-03,use,Caf\xe9 was cold,2,b\n2026-01-04,use,Fine,4,c\n"
    )

    found, problems = run(journey, content)

    assert found.encoding == "utf-8"
    assert texts(journey) == ["Crème brûlée", "Fine"]
    assert problems == [
        (
            3,
            "Bytes that are not text in the chosen encoding (0xE9): choose the file's encoding "
            "or save it as UTF-8.",
        ),
    ]


def test_a_windows_file_is_read_as_windows_1252(journey):
    found = upload(
        journey, "date;touchpoint;review\n2026-01-02;use;Café au lait\n".encode("cp1252")
    )

    assert (found.encoding, found.delimiter) == ("cp1252", ";")
    assert found.preview == [["2026-01-02", "use", "Café au lait"]]


def test_importing_the_same_file_again_adds_nothing(journey):
    content = (
        b"date,touchpoint,review,stars,id\n2026-01-02,use,Once,5,x1\n2026-01-02,use,Twice,4,x2\n"
    )

    run(journey, content)
    again, _ = run(journey, content)

    assert texts(journey) == ["Once", "Twice"]
    assert (again.rows_imported, again.rows_duplicate) == (0, 2)


def test_without_an_id_column_rows_are_keyed_by_line_and_content(journey):
    mapping = {**SIGNAL_MAPPING, "columns": {"submitted_at": 0, "touchpoint": 1, "text": 2}}
    content = b"date,touchpoint,review\n2026-01-02,use,Same words\n2026-01-02,use,Same words\n"

    run(journey, content, mapping=mapping)
    again, _ = run(journey, content, mapping=mapping)

    assert texts(journey) == ["Same words", "Same words"]
    assert again.rows_duplicate == 2


def test_an_import_that_stops_resumes_after_its_last_batch_without_repeats(journey, monkeypatch):
    monkeypatch.setattr(import_services, "BATCH", 2)
    lines = "".join(f"2026-01-{day:02},use,Row {day},4,id{day}\n" for day in range(1, 8))
    found = upload(journey, f"date,touchpoint,review,stars,id\n{lines}".encode())
    services.import_start(signal_import=found, actor=journey.org.organiser, mapping=SIGNAL_MAPPING)

    first = services.import_execute(found.pk, seconds=0)  # one batch, then it yields
    with scope(organisation=journey.org.organisation):
        found.refresh_from_db()
        halfway = (found.status, found.rows_done, Feedback.objects.count())
        # The worker dies: the run is left "running", silent for longer than STALE.
        SignalImport.objects.filter(pk=found.pk).update(
            status=ImportStatus.RUNNING, heartbeat_at=timezone.now() - timedelta(minutes=10)
        )
        found.refresh_from_db()
    services.import_resume(signal_import=found, actor=journey.org.organiser)
    services.import_execute(found.pk)
    with scope(organisation=journey.org.organisation):
        found.refresh_from_db()

    assert first == ImportStatus.QUEUED
    assert halfway == (ImportStatus.QUEUED, 2, 2)
    assert (found.status, found.rows_done, found.rows_imported) == (ImportStatus.DONE, 7, 7)
    assert texts(journey) == [f"Row {day}" for day in range(1, 8)]


def test_a_run_given_up_for_dead_writes_nothing_more(journey, monkeypatch):
    monkeypatch.setattr(import_services, "BATCH", 1)
    found = upload(journey, b"date,touchpoint,review\n2026-01-02,use,A\n2026-01-03,use,B\n")
    services.import_start(
        signal_import=found,
        actor=journey.org.organiser,
        mapping={**SIGNAL_MAPPING, "columns": {"submitted_at": 0, "touchpoint": 1, "text": 2}},
    )
    with scope(organisation=journey.org.organisation):
        claimed = SignalImport.objects.get(pk=found.pk)
        claimed.status, claimed.attempt = ImportStatus.RUNNING, 5  # another run holds it
        claimed.save()
        claimed.attempt = 4  # ...and this one is the run it replaced

    with pytest.raises(import_services.TakenOver):
        import_services._commit_batch(claimed, Feedback, [], [], 1)


def test_a_mapping_without_the_needed_columns_is_refused(journey):
    found = upload(journey, b"date,words\n2026-01-02,Hello\n")

    with pytest.raises(InvalidInput) as refused:
        services.import_start(
            signal_import=found,
            actor=journey.org.organiser,
            mapping={"columns": {"text": 1}, "fixed": {}, "dates": "iso"},
        )

    assert refused.value.fields["submitted_at"] == [
        "Choose a column: “When it was said” is needed."
    ]
    assert refused.value.fields["touchpoint"] == [
        "Choose a column, or one value for every row: “Touchpoint” is needed."
    ]


def test_interactions_are_imported_by_email(journey):
    org = journey.org
    content = (
        "when,agent,client,where\n"
        f"2026-01-02 10:00,{org.staff.email},{org.customer.email},get help\n"
        f"2026-01-02 11:00,{org.customer.email},{org.customer.email},get help\n"
    ).encode()
    mapping = {
        "columns": {"occurred_at": 0, "staff": 1, "customer": 2, "touchpoint": 3},
        "fixed": {},
        "dates": "iso",
    }

    _found, problems = run(journey, content, mapping=mapping, kind=ImportKind.INTERACTIONS)

    with scope(organisation=org.organisation):
        assert list(Interaction.objects.values_list("staff_id", "customer_id")) == [
            (org.staff.pk, org.customer.pk)
        ]
    assert problems == [
        (3, "The staff email customer@acme.test belongs to a customer, not to staff.")
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("photo.png", b"\x89PNG\r\n", "Upload a .csv file"),
        ("empty.csv", b"  \n", "The file is empty."),
        ("sheet.csv", b"PK\x03\x04\x00\x00binary", "This is not a text file"),
    ],
)
def test_files_that_are_not_csv_are_refused(journey, name, content, message):
    with pytest.raises(InvalidInput, match=message):
        upload(journey, content, name=name)


def test_the_pages_take_a_file_through_mapping_to_its_progress(journey):
    client = client_for(journey.org.organiser)
    file = SimpleUploadedFile("reviews.csv", b"date,touchpoint,review\n2026-01-02,use,Nice\n")

    uploaded = client.post("/o/acme/listening/imports/upload/", {"kind": "signals", "file": file})
    mapping_page = client.get(uploaded["Location"])
    started = client.post(
        uploaded["Location"],
        {
            "dates": "iso",
            "column_submitted_at": "0",
            "column_touchpoint": "1",
            "column_text": "2",
            "fixed_kind": "review",
        },
    )
    progress = client.get(uploaded["Location"] + "progress/")

    assert uploaded.status_code == 302
    assert "Which column holds what" in mapping_page.content.decode()
    assert started.status_code == 302
    assert 'hx-trigger="every 1s"' in progress.content.decode()
    assert "Queued" in progress.content.decode()


def test_a_file_over_the_limit_is_refused_before_it_is_read(journey, monkeypatch):
    from cocreate.listening import csvfiles

    monkeypatch.setattr(csvfiles, "MAX_BYTES", 100)
    file = SimpleUploadedFile("big.csv", b"date,text\n" + b"2026-01-02,x\n" * 20_000)

    response = client_for(journey.org.organiser).post(
        "/o/acme/listening/imports/upload/", {"kind": "signals", "file": file}
    )

    assert response.status_code == 413
    assert "The file is larger than 0 MB" in response.content.decode()
    with scope(organisation=journey.org.organisation):
        assert SignalImport.objects.count() == 0
