from django.urls import path

from cocreate.agenda.views import events, from_ideas, personal, planning, proposals

E = "agenda/<slug:event>/"

# Included under /o/<org>/ (cocreate/urls.py); every view goes through org_page.
org_patterns = [
    path("agenda/", events.events, name="events"),
    path("agenda/from-idea/<int:idea_id>/", from_ideas.from_idea, name="proposal_from_idea"),
    path(
        "agenda/from-challenge/<int:challenge_id>/",
        from_ideas.from_challenge,
        name="proposal_from_challenge",
    ),
    path(E, events.event, name="event"),
    path(E + "setup/", events.event_setup, name="event_setup"),
    path(E + "rooms/<int:room_id>/", events.room_edit, name="room_edit"),
    path(E + "sessions/", proposals.proposals, name="proposals"),
    path(E + "sessions/new/", proposals.proposal_new, name="proposal_new"),
    path(E + "sessions/from-designer/", proposals.designer_talk, name="designer_talk"),
    path(E + "sessions/<int:proposal_id>/", proposals.proposal, name="proposal"),
    path(E + "sessions/<int:proposal_id>/interest/", proposals.interest, name="interest"),
    path(E + "sessions/<int:proposal_id>/host/", proposals.cohost_confirm, name="cohost_confirm"),
    path(
        E + "sessions/<int:proposal_id>/decide/", proposals.proposal_decide, name="proposal_decide"
    ),
    path(E + "me/", personal.my_agenda, name="my_agenda"),
    path(E + "availability/", personal.availability, name="availability"),
    path(E + "constraints/", planning.constraints, name="event_constraints"),
    path(
        E + "constraints/<int:constraint_id>/delete/",
        planning.constraint_delete,
        name="constraint_delete",
    ),
    path(E + "planning/", planning.planning, name="event_planning"),
    path(E + "runs/", planning.run_start, name="run_start"),
    path(E + "runs/<int:run_id>/", planning.run_progress, name="run_progress"),
    path(E + "schedules/<int:schedule_id>/move/", planning.session_move, name="session_move"),
    path(
        E + "schedules/<int:schedule_id>/publish/",
        planning.schedule_publish,
        name="schedule_publish",
    ),
]

# Public: the published schedule.
urlpatterns = [
    path("events/<slug:org>/<slug:event>/", events.public_schedule, name="public_schedule"),
]
