from django import forms
from django.forms.renderers import DjangoTemplates

from cocreate.core.errors import ServiceError


def show_service_error(form: forms.Form, error: ServiceError) -> None:
    """Put a service's refusal on the form: by field where it has one, else at the top."""
    placed = False
    for name, messages in error.fields.items():
        if name in form.fields:
            for message in messages:
                form.add_error(name, message)
            placed = True
    if not placed:
        form.add_error(None, error.message)


class FormRenderer(DjangoTemplates):
    """Labels, inputs, help and errors in the order Pico.css styles them."""

    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"
