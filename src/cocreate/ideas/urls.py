from django.urls import path

from cocreate.ideas.views import challenges, ideas, jobs, staff, surveys, voting

# Included under /o/<org>/ (cocreate/urls.py); every view goes through org_page.
org_patterns = [
    path("ideas/", ideas.ideas, name="ideas"),
    path("ideas/new/", ideas.idea_new, name="idea_new"),
    path("ideas/similar/", ideas.idea_similar, name="idea_similar"),
    path("ideas/<int:idea_id>/", ideas.idea, name="idea"),
    path("ideas/<int:idea_id>/support/", ideas.idea_support, name="idea_support"),
    path("ideas/<int:idea_id>/follow/", ideas.idea_follow, name="idea_follow"),
    path("ideas/<int:idea_id>/comments/", ideas.idea_comment, name="idea_comment"),
    path("ideas/<int:idea_id>/flag/", ideas.idea_flag, name="idea_flag"),
    # The wiki survey
    path("ideas/vote/", voting.vote, name="vote"),
    path("ideas/vote/<int:comparison_id>/", voting.vote_cast, name="vote_cast"),
    path("ideas/vote/add/", voting.vote_add_idea, name="vote_add_idea"),
    path("ideas/vote/rounds/", voting.round_new, name="round_new"),
    path("ideas/ranking/", voting.ranking, name="ranking"),
    # Staff and organisers: answering and moderating
    path("ideas/inbox/", staff.inbox, name="ideas_inbox"),
    path("ideas/response-times/", staff.metrics, name="ideas_metrics"),
    path("ideas/duplicates/", staff.duplicates, name="ideas_duplicates"),
    path("ideas/<int:idea_id>/respond/", ideas.idea_respond, name="idea_respond"),
    path("ideas/<int:idea_id>/hide/", ideas.idea_hide, name="idea_hide"),
    path("ideas/<int:idea_id>/merge/", ideas.idea_merge, name="idea_merge"),
    path("ideas/<int:idea_id>/flags/", ideas.idea_flags_resolve, name="idea_flags_resolve"),
    path("ideas/shortlist/", challenges.shortlist, name="shortlist"),
    # Jobs and outcomes
    path("jobs/", jobs.jobs, name="jobs"),
    path("jobs/new/", jobs.job_new, name="job_new"),
    path("jobs/<int:job_id>/outcomes/", jobs.outcome_new, name="outcome_new"),
    path("jobs/<int:job_id>/steps/", jobs.job_step_new, name="job_step_new"),
    path("jobs/<int:job_id>/curate/", jobs.job_curate, name="job_curate"),
    path("outcomes/<int:outcome_id>/curate/", jobs.outcome_curate, name="outcome_curate"),
    # Outcome surveys
    path("surveys/", surveys.surveys, name="surveys"),
    path("surveys/new/", surveys.survey_new, name="survey_new"),
    path("surveys/<int:survey_id>/", surveys.survey_results, name="survey_results"),
    path("surveys/<int:survey_id>/answer/", surveys.survey_answer, name="survey_answer"),
    path("surveys/<int:survey_id>/send/", surveys.survey_send, name="survey_send"),
    path("surveys/<int:survey_id>/close/", surveys.survey_close, name="survey_close"),
    path("surveys/<int:survey_id>/opportunities.csv", surveys.survey_csv, name="survey_csv"),
    # Challenges
    path("challenges/", challenges.challenges, name="challenges"),
    path("ideas/<int:idea_id>/challenge/", challenges.challenge_new, name="challenge_new"),
    path("challenges/<int:challenge_id>/", challenges.challenge, name="challenge"),
    path("challenges/<int:challenge_id>/post/", challenges.challenge_post, name="challenge_post"),
    path(
        "challenges/<int:challenge_id>/invite/",
        challenges.challenge_invite,
        name="challenge_invite",
    ),
    path(
        "challenges/<int:challenge_id>/close/", challenges.challenge_close, name="challenge_close"
    ),
]
