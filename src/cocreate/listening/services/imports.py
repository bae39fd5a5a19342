"""Importing CSV files: upload, map the columns, then a background run in batches.

Each batch of rows is written in one transaction together with the import's progress
and the batch's problems, so after any stop (a worker killed, a server restarted) the
database holds whole batches only, and `import_resume` carries on after the last one.
Rows are keyed (by their id column, or by line and content), so a row is never added
twice, whether a batch is read again or the same file is imported again.
"""

import time
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from cocreate.accounts.models import User
from cocreate.core.errors import Conflict, InvalidInput
from cocreate.core.links import site_link
from cocreate.listening import csvfiles, importing, rows
from cocreate.listening.models import ImportKind, ImportProblem, ImportStatus, SignalImport
from cocreate.messaging.services import emit, notify
from cocreate.organisations import audit
from cocreate.organisations.models import Organisation

BATCH = 1000
MAX_PROBLEMS = 10_000  # stored per import; all are counted
STALE = timedelta(minutes=2)  # a run silent this long has stopped
YIELD_AFTER_SECONDS = 60.0  # then the run queues its own continuation


class TakenOver(Exception):
    """This run was given up for dead and another one carries the import on."""


def import_upload(
    *, organisation: Organisation, actor: User, kind: str, file_name: str, content: bytes
) -> SignalImport:
    """Keep an uploaded file and read its header; the mapping step comes next."""
    if kind not in ImportKind.values:
        raise InvalidInput("Choose what the file holds.", fields={"kind": ["Unknown kind."]})
    try:
        csvfiles.check_upload(file_name, content)
        sniffed = csvfiles.sniff(content)
    except csvfiles.NotACsvFile as refusal:
        raise InvalidInput(str(refusal), fields={"file": [str(refusal)]}) from None
    with transaction.atomic(), scope(organisation=organisation):
        found = SignalImport.objects.create(
            organisation=organisation,
            kind=kind,
            file_name=file_name[:200],
            content=content,
            size=len(content),
            encoding=sniffed.encoding,
            delimiter=sniffed.delimiter,
            headers=sniffed.headers,
            preview=sniffed.preview,
            rows_estimated=sniffed.rows_estimated,
            created_by=actor,
        )
        audit.record(
            organisation=organisation,
            actor=actor,
            action="import.uploaded",
            target=found.file_name,
            kind=kind,
            size=len(content),
        )
    return found


def import_reread(*, signal_import: SignalImport, encoding: str, delimiter: str) -> SignalImport:
    """Read the header and preview again with another encoding or delimiter."""
    if signal_import.status != ImportStatus.MAPPING:
        raise Conflict("This import has started: its file can no longer be read differently.")
    try:
        sniffed = csvfiles.sniff(bytes(signal_import.content), encoding, delimiter)
    except csvfiles.NotACsvFile as refusal:
        raise InvalidInput(str(refusal), fields={"encoding": [str(refusal)]}) from None
    signal_import.encoding, signal_import.delimiter = sniffed.encoding, sniffed.delimiter
    signal_import.headers, signal_import.preview = sniffed.headers, sniffed.preview
    with scope(organisation=signal_import.organisation_id):
        signal_import.save(update_fields=["encoding", "delimiter", "headers", "preview"])
    return signal_import


def import_start(
    *, signal_import: SignalImport, actor: User, mapping: dict[str, Any]
) -> SignalImport:
    """Check the column mapping and queue the import."""
    if signal_import.status != ImportStatus.MAPPING:
        raise Conflict("This import has started already.")
    errors = importing.check_mapping(signal_import.kind, mapping, signal_import.headers)
    lookup = rows.lookup_for(signal_import.organisation)
    touchpoint = (mapping.get("fixed") or {}).get("touchpoint")
    if touchpoint and isinstance(problem := lookup.touchpoint(touchpoint), str):
        errors["touchpoint"] = [problem[0].upper() + problem[1:] + "."]
    if errors:
        raise InvalidInput("The columns are not mapped yet.", fields=errors)
    from cocreate.listening.tasks import run_import

    with transaction.atomic(), scope(organisation=signal_import.organisation_id):
        updated = SignalImport.objects.filter(
            pk=signal_import.pk, status=ImportStatus.MAPPING
        ).update(mapping=mapping, status=ImportStatus.QUEUED)
        if not updated:
            raise Conflict("This import has started already.")
        audit.record(
            organisation=signal_import.organisation,
            actor=actor,
            action="import.started",
            target=signal_import.file_name,
        )
        transaction.on_commit(lambda: run_import.enqueue(signal_import.pk))
    signal_import.refresh_from_db()
    return signal_import


def is_stalled(signal_import: SignalImport) -> bool:
    beat = signal_import.heartbeat_at or signal_import.created_at
    return signal_import.status == ImportStatus.RUNNING and timezone.now() - beat > STALE


def import_resume(*, signal_import: SignalImport, actor: User) -> SignalImport:
    """Queue a stopped or stalled import again: it carries on after its last batch."""
    if signal_import.status == ImportStatus.DONE:
        raise Conflict("This import is finished: there is nothing to resume.")
    if signal_import.status == ImportStatus.MAPPING:
        raise Conflict("Map the columns first.")
    if not (signal_import.status == ImportStatus.FAILED or is_stalled(signal_import)):
        raise Conflict("This import is under way: it needs no resuming.")
    from cocreate.listening.tasks import run_import

    with transaction.atomic(), scope(organisation=signal_import.organisation_id):
        SignalImport.objects.filter(pk=signal_import.pk).update(
            status=ImportStatus.QUEUED, error="", heartbeat_at=timezone.now()
        )
        audit.record(
            organisation=signal_import.organisation,
            actor=actor,
            action="import.resumed",
            target=signal_import.file_name,
            after_rows=signal_import.rows_done,
        )
        transaction.on_commit(lambda: run_import.enqueue(signal_import.pk))
    signal_import.refresh_from_db()
    return signal_import


def import_execute(import_id: int, *, seconds: float = YIELD_AFTER_SECONDS) -> str:
    """The background run: claim the import, then write batches from where it stopped.

    After `seconds` it queues its own continuation and returns, so one long file does not
    hold a worker from other work. Returns the import's status.
    """
    with scopes_disabled():
        now = timezone.now()
        claimed = SignalImport.objects.filter(pk=import_id, status=ImportStatus.QUEUED).update(
            status=ImportStatus.RUNNING, heartbeat_at=now, attempt=F("attempt") + 1
        )
        if not claimed:
            return "not queued"
        signal_import = SignalImport.objects.select_related("organisation").get(pk=import_id)
    organisation = signal_import.organisation
    try:
        finished = _write_batches(signal_import, seconds)
    except TakenOver:
        return "taken over"
    except Exception as error:  # kept for the organiser, then re-raised for the log
        with scope(organisation=organisation):
            SignalImport.objects.filter(pk=import_id, attempt=signal_import.attempt).update(
                status=ImportStatus.FAILED,
                error=f"The import stopped: {error}"[:500],
                heartbeat_at=timezone.now(),
            )
        raise
    if not finished:
        from cocreate.listening.tasks import run_import

        with scope(organisation=organisation):
            SignalImport.objects.filter(pk=import_id, status=ImportStatus.RUNNING).update(
                status=ImportStatus.QUEUED
            )
        run_import.enqueue(import_id)
        return ImportStatus.QUEUED
    _finish(signal_import)
    return ImportStatus.DONE


def _write_batches(signal_import: SignalImport, seconds: float) -> bool:
    """Write batches until the file ends (True) or the time is up (False)."""
    kind, mapping = signal_import.kind, signal_import.mapping
    model = importing.MODELS[kind]
    lookup = rows.lookup_for(signal_import.organisation)
    width = len(signal_import.headers)
    records = csvfiles.records(
        bytes(signal_import.content), signal_import.encoding, signal_import.delimiter
    )
    next(records, None)  # the header
    started = time.monotonic()
    done = signal_import.rows_done
    for _ in range(done):  # the rows of batches already written
        next(records, None)
    while True:
        batch: list[Any] = []
        problems: list[ImportProblem] = []
        read = 0
        for line, record in records:
            read += 1
            if isinstance(record, str):
                problems.append(_problem(signal_import, line, record))
            elif any(cell.strip() for cell in record):
                found = importing.read_record(
                    kind, line, record, width, mapping, lookup, signal_import.pk
                )
                if isinstance(found, list):
                    problems.append(_problem(signal_import, line, "; ".join(found)))
                else:
                    batch.append(found)
            if read == BATCH:
                break
        if not read:
            return True
        _commit_batch(signal_import, model, batch, problems, read)
        if time.monotonic() - started > seconds:
            return False


def _problem(signal_import: SignalImport, line: int, reason: str) -> ImportProblem:
    text = reason[0].upper() + reason[1:] + "."
    return ImportProblem(
        organisation_id=signal_import.organisation_id,
        signal_import=signal_import,
        line=line,
        reason=text[:300],
    )


def _commit_batch(
    signal_import: SignalImport,
    model: Any,
    batch: list[Any],
    problems: list[ImportProblem],
    read: int,
) -> None:
    with transaction.atomic(), scope(organisation=signal_import.organisation_id):
        current = SignalImport.objects.select_for_update().get(pk=signal_import.pk)
        if current.status != ImportStatus.RUNNING or current.attempt != signal_import.attempt:
            raise TakenOver  # given up for dead, and another run took over: stop here
        created, duplicates = rows.store(model, batch, signal_import.organisation)
        room = max(MAX_PROBLEMS - current.rows_refused, 0)
        ImportProblem.objects.bulk_create(problems[:room])
        current.rows_done += read
        current.rows_imported += created
        current.rows_duplicate += duplicates
        current.rows_refused += len(problems)
        current.heartbeat_at = timezone.now()
        current.save(
            update_fields=[
                "rows_done",
                "rows_imported",
                "rows_duplicate",
                "rows_refused",
                "heartbeat_at",
            ]
        )
    signal_import.rows_done = current.rows_done


def _finish(signal_import: SignalImport) -> None:
    organisation = signal_import.organisation
    with transaction.atomic(), scope(organisation=organisation):
        found = SignalImport.objects.select_for_update().get(pk=signal_import.pk)
        found.status, found.finished_at = ImportStatus.DONE, timezone.now()
        found.content = b""  # everything it held is now in the database or reported
        found.save(update_fields=["status", "finished_at", "content"])
        summary = {
            "file": found.file_name,
            "kind": found.kind,
            "imported": found.rows_imported,
            "duplicates": found.rows_duplicate,
            "refused": found.rows_refused,
        }
        emit(organisation=organisation, event="signals.imported", data={**summary, "via": "file"})
        if found.created_by is not None:
            notify(
                recipient=found.created_by,
                organisation=organisation,
                kind="import_finished",
                context=summary,
                link=site_link("listening_import", organisation.slug, found.pk),
            )
