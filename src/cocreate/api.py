"""The REST API at /api/v1/: one NinjaAPI, one router per app, one error shape."""

from ninja import NinjaAPI
from ninja.security import SessionAuth

from cocreate.accounts.api import ApiTokenAuth
from cocreate.accounts.api import router as accounts_router
from cocreate.agenda.api import router as agenda_router
from cocreate.core import api_errors
from cocreate.ideas.api import router as ideas_router
from cocreate.listening.api import router as listening_router
from cocreate.messaging.api import router as messaging_router
from cocreate.offerings.api import router as offerings_router
from cocreate.organisations.api import router as organisations_router
from cocreate.privacy.api import router as privacy_router

api = NinjaAPI(
    title="Cocreate API",
    version="1",
    description=(
        "Co-create the customer experience. Authenticate with a personal API token "
        "(`Authorization: Bearer <token>`, created under Account → API tokens) or, from "
        "the browser, with your session and its CSRF token. Every 4xx answers "
        '`{"error": {"code", "message", "fields"}}`.'
    ),
    auth=[ApiTokenAuth(), SessionAuth()],
    urls_namespace="api",
)
api_errors.install(api)
api.add_router("", accounts_router)
api.add_router("", organisations_router)
api.add_router("", messaging_router)
api.add_router("", offerings_router)
api.add_router("", ideas_router)
api.add_router("", agenda_router)
api.add_router("", listening_router)
api.add_router("", privacy_router)
