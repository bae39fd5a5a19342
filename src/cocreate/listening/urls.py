from django.urls import path

from cocreate.listening.views import (
    customers,
    dashboards,
    feedback,
    form_results,
    imports,
    journey,
    opinions,
    questions,
    ratings,
    staff,
    surveys,
    themes,
)

L = "listening/"
# Included under /o/<org>/ (cocreate/urls.py); every view goes through org_page.
org_patterns = [
    # Dashboards
    path(L, dashboards.overview, name="listening"),
    path(L + "scores/", dashboards.scores, name="listening_scores"),
    path(L + "staff/", dashboards.staff, name="listening_staff"),
    path(L + "export/", dashboards.export, name="listening_export"),
    path("insights/", dashboards.what_customers_value, name="insights"),
    path(L + "customers/<int:membership_id>/", customers.customer, name="listening_customer"),
    # What came in
    path(L + "feedback/", feedback.feedback, name="listening_feedback"),
    path(L + "sessions/", ratings.session_feedback, name="session_feedback"),
    path("feedback/my-sessions/", ratings.hosted_feedback, name="hosted_feedback"),
    path("feedback/rate/<int:request_id>/", ratings.my_rating, name="my_rating"),
    path(L + "themes/", themes.themes, name="listening_themes"),
    path(L + "themes/run/", themes.themes_run, name="listening_themes_run"),
    path(L + "themes/runs/<int:theme_run_id>/", themes.theme_run, name="listening_theme_run"),
    path(L + "pulse/", staff.pulse, name="listening_pulse"),
    # Organisers: the journey, forms and imports
    path(L + "journey/", journey.journey, name="listening_journey"),
    path(L + "journey/default/", journey.journey_default, name="listening_journey_default"),
    path(L + "journey/phases/", journey.phase_new, name="listening_phase_new"),
    path(L + "journey/phases/<int:phase_id>/", journey.phase_edit, name="listening_phase_edit"),
    path(L + "journey/touchpoints/", journey.touchpoint_new, name="listening_touchpoint_new"),
    path(
        L + "journey/touchpoints/<int:touchpoint_id>/",
        journey.touchpoint_edit,
        name="listening_touchpoint_edit",
    ),
    path(L + "journey/segments/", journey.segment, name="listening_segment"),
    path(L + "forms/", surveys.surveys, name="listening_surveys"),
    path(L + "forms/new/", surveys.survey_new, name="listening_survey_new"),
    path(L + "forms/<int:form_id>/", surveys.survey, name="listening_survey"),
    path(L + "forms/<int:form_id>/poster/", surveys.survey_poster, name="listening_poster"),
    path(
        L + "forms/<int:form_id>/results/",
        form_results.form_results,
        name="listening_form_results",
    ),
    path(
        L + "forms/<int:form_id>/questions/", questions.question_new, name="listening_question_new"
    ),
    path(
        L + "forms/<int:form_id>/questions/<int:question_id>/",
        questions.question_edit,
        name="listening_question",
    ),
    path(
        L + "forms/<int:form_id>/questions/<int:question_id>/move/",
        questions.question_move,
        name="listening_question_move",
    ),
    path(
        L + "forms/<int:form_id>/questions/<int:question_id>/delete/",
        questions.question_delete,
        name="listening_question_delete",
    ),
    path(L + "imports/", imports.imports, name="listening_imports"),
    path(L + "imports/upload/", imports.import_upload, name="listening_import_upload"),
    path(L + "imports/<int:import_id>/", imports.signal_import, name="listening_import"),
    path(
        L + "imports/<int:import_id>/read-as/",
        imports.import_read_as,
        name="listening_import_read_as",
    ),
    path(
        L + "imports/<int:import_id>/progress/",
        imports.import_progress,
        name="listening_import_progress",
    ),
    path(
        L + "imports/<int:import_id>/resume/", imports.import_resume, name="listening_import_resume"
    ),
    path(
        L + "imports/<int:import_id>/problems.csv",
        imports.import_problems,
        name="listening_import_problems",
    ),
    # Opinions: everyone votes
    path("opinions/", opinions.conversations, name="opinions"),
    path("opinions/new/", opinions.conversation_new, name="opinion_new"),
    path("opinions/<int:conversation_id>/", opinions.conversation, name="opinion"),
    path("opinions/<int:conversation_id>/vote/", opinions.vote, name="opinion_vote"),
    path(
        "opinions/<int:conversation_id>/statements/",
        opinions.statements_new,
        name="opinion_statements",
    ),
    path("opinions/<int:conversation_id>/edit/", opinions.conversation_edit, name="opinion_edit"),
    path("opinions/<int:conversation_id>/groups/", opinions.results, name="opinion_results"),
    path(
        "opinions/<int:conversation_id>/groups/data/",
        opinions.results_data,
        name="opinion_results_data",
    ),
]
# The shareable link of a feedback form: anyone who has it may answer.
public_patterns = [
    path("f/<str:token>/", surveys.feedback_form, name="feedback_form"),
    path("rate/<str:token>/", ratings.rating, name="rating"),
]
