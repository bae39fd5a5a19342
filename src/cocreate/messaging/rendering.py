"""Turning a kind of message and its context into the words a person receives."""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.template import Context, Engine, TemplateSyntaxError
from django.template.loader import render_to_string
from django.utils import translation

# Plain-text parts are not HTML: no escaping. The HTML email escapes as usual.
TEXT_ENGINE = Engine(
    app_dirs=True, autoescape=False, libraries={"i18n": "django.templatetags.i18n"}
)
PARTS = ("subject", "text", "body")
LIMITS = {"subject": 200, "text": 320, "body": 10_000}


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    body_text: str
    body_html: str


def render(kind: str, context: dict[str, Any], overrides: dict[str, str] | None = None) -> Rendered:
    """Render every part, in the site's language, from the organisation's wording where it
    has its own and from the kind's templates otherwise."""
    overrides = overrides or {}
    with translation.override(settings.LANGUAGE_CODE):
        parts = {}
        for part in PARTS:
            if overrides.get(part):
                template = TEXT_ENGINE.from_string(overrides[part])
            else:
                template = TEXT_ENGINE.get_template(f"messaging/kinds/{kind}/{part}.txt")
            parts[part] = template.render(Context(context)).strip()
        body = parts["body"]
        body_text = f"{body}\n\n{context['link']}" if context.get("link") else body
        html = render_to_string("messaging/email.html", {**context, "body": body})
    return Rendered(
        subject=" ".join(parts["subject"].split())[: LIMITS["subject"]],
        text=parts["text"][: LIMITS["text"]],
        body_text=body_text,
        body_html=html,
    )


def template_errors(part: str, source: str) -> list[str]:
    """What is wrong with an organisation's wording for one part; empty when it is fine."""
    if len(source) > LIMITS[part]:
        return [f"Use at most {LIMITS[part]} characters (this has {len(source)})."]
    try:
        TEXT_ENGINE.from_string(source)
    except TemplateSyntaxError as error:
        return [f"This template does not work: {error}"]
    return []


def default_sources(kind: str) -> dict[str, str]:
    """Cocreate's own template text for each part of a kind, to show beside an override."""
    return {
        part: TEXT_ENGINE.find_template(f"messaging/kinds/{kind}/{part}.txt")[0].source
        for part in PARTS
    }
