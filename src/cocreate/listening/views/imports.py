"""Importing CSV files: upload, map the columns, watch the progress, read the problems."""

import csv
import io

from django.contrib import messages
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from cocreate.core.errors import ServiceError
from cocreate.core.forms import show_service_error
from cocreate.listening import csvfiles, selectors, services
from cocreate.listening.forms import MappingForm, ReadAsForm, UploadForm
from cocreate.listening.models import ImportStatus, SignalImport
from cocreate.listening.views import lookup
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.rules import Permission

TOO_LARGE = "The file is larger than {} MB: split it into smaller files."


class LimitedUpload(FileUploadHandler):
    """Stops reading an upload once it passes the limit, whatever its headers claimed."""

    def __init__(self, request: HttpRequest | None = None) -> None:
        super().__init__(request)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > csvfiles.MAX_BYTES + 64 * 1024:
            if self.request is not None:
                self.request.upload_too_large = True  # type: ignore[attr-defined]
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None


def _list(
    request: OrgRequest, form: UploadForm | None = None, status: int = 200, refusal: str = ""
) -> HttpResponse:
    context = {
        "imports": selectors.imports(request.organisation)[:30],
        "form": form or UploadForm(),
        "refusal": refusal,
    }
    return render(request, "listening/imports.html", context, status=status)


@org_page(Permission.MANAGE_LISTENING, methods=["GET"])
def imports(request: OrgRequest) -> HttpResponse:
    return _list(request)


@csrf_exempt  # checked in _upload, once the size limit is in place (Django's upload docs)
@org_page(Permission.MANAGE_LISTENING, methods=["POST"])
def import_upload(request: OrgRequest) -> HttpResponse:
    """Refuse a file over the limit before reading it (by its length), and while reading
    it (by counting), then keep it and go to the mapping step."""
    length = request.META.get("CONTENT_LENGTH") or "0"
    if not length.isdigit() or int(length) > csvfiles.MAX_BYTES + 64 * 1024:
        return _too_large(request)
    request.upload_handlers = [LimitedUpload(request), *request.upload_handlers]
    return _upload(request)


def _too_large(request: OrgRequest) -> HttpResponse:
    return _list(request, status=413, refusal=TOO_LARGE.format(csvfiles.MAX_BYTES // 1024 // 1024))


@csrf_protect
def _upload(request: OrgRequest) -> HttpResponse:
    form = UploadForm(request.POST, request.FILES)
    if getattr(request, "upload_too_large", False):
        return _too_large(request)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            found = services.import_upload(
                organisation=request.organisation,
                actor=request.user,
                kind=form.cleaned_data["kind"],
                file_name=upload.name,
                content=upload.read(),
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            return redirect("listening_import", request.organisation.slug, found.pk)
    return _list(request, form, status=422)


def _mapping_form(found: SignalImport, data: object = None) -> MappingForm:
    touchpoints = [t.name for t in selectors.touchpoints(found.organisation)]
    return MappingForm(data, kind=found.kind, headers=found.headers, touchpoints=touchpoints)


@org_page(Permission.MANAGE_LISTENING)
def signal_import(request: OrgRequest, import_id: int) -> HttpResponse:
    """The mapping step while the file waits for it; the progress afterwards."""
    found = lookup.signal_import(request, import_id)
    status = 200
    form = _mapping_form(found)
    if request.method == "POST" and found.status == ImportStatus.MAPPING:
        form = _mapping_form(found, request.POST)
        if form.is_valid():
            try:
                services.import_start(
                    signal_import=found, actor=request.user, mapping=form.mapping()
                )
            except ServiceError as error:
                show_service_error(form, error)
            else:
                return redirect("listening_import", request.organisation.slug, found.pk)
        status = 422
    context = {
        "found": found,
        "form": form,
        "read_as": ReadAsForm(initial={"encoding": found.encoding, "delimiter": found.delimiter}),
        "encoding_label": csvfiles.ENCODINGS.get(found.encoding, found.encoding),
        "problems": selectors.import_problems(found)[:50],
        "stalled": services.is_stalled(found),
    }
    return render(request, "listening/import.html", context, status=status)


@org_page(Permission.MANAGE_LISTENING, methods=["POST"])
def import_read_as(request: OrgRequest, import_id: int) -> HttpResponse:
    found = lookup.signal_import_with_file(request, import_id)
    form = ReadAsForm(request.POST)
    if form.is_valid():
        try:
            services.import_reread(signal_import=found, **form.cleaned_data)
        except ServiceError as error:
            messages.error(request, error.message)
    return redirect("listening_import", request.organisation.slug, found.pk)


@org_page(Permission.MANAGE_LISTENING, methods=["GET"])
def import_progress(request: OrgRequest, import_id: int) -> HttpResponse:
    """The progress bar alone, polled by htmx while the import runs."""
    found = lookup.signal_import(request, import_id)
    context = {"found": found, "stalled": services.is_stalled(found)}
    response = render(request, "listening/_import_progress.html", context)
    if found.status in (ImportStatus.DONE, ImportStatus.FAILED):
        response["HX-Refresh"] = "true"  # show the finished page with its problems
    return response


@org_page(Permission.MANAGE_LISTENING, methods=["POST"])
def import_resume(request: OrgRequest, import_id: int) -> HttpResponse:
    found = lookup.signal_import(request, import_id)
    try:
        services.import_resume(signal_import=found, actor=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"The import carries on after row {found.rows_done}.")
    return redirect("listening_import", request.organisation.slug, found.pk)


@org_page(Permission.MANAGE_LISTENING, methods=["GET"])
def import_problems(request: OrgRequest, import_id: int) -> HttpResponse:
    """Every refused row, with its line and reason, for a spreadsheet."""
    found = lookup.signal_import(request, import_id)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["line", "reason"])
    for line, reason in selectors.import_problems(found).values_list("line", "reason"):
        writer.writerow([line, reason])
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="problems-{found.pk}.csv"'
    return response
