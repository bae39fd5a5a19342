from django.urls import path

from cocreate.offerings.views import catalogue, demand, designer, editor, partners, plan

# Included under /o/<org>/ (cocreate/urls.py); every view goes through org_page.
org_patterns = [
    path("offerings/", catalogue.offerings, name="offerings"),
    path("offerings/new/", catalogue.offering_new, name="offering_new"),
    path("offerings/import/", catalogue.offering_import, name="offering_import"),
    path("partners/", partners.partners, name="partners"),
    path("partners/<int:partner_id>/", partners.partner_edit, name="partner_edit"),
    # A customer's designer and plan
    path("offerings/<slug:offering>/", designer.designer, name="designer"),
    path("offerings/<slug:offering>/check/", designer.designer_check, name="designer_check"),
    path("offerings/<slug:offering>/submit/", designer.designer_submit, name="designer_submit"),
    path("offerings/<slug:offering>/plan/", plan.my_plan, name="my_plan"),
    path("offerings/<slug:offering>/plan.ics", plan.my_plan_ics, name="my_plan_ics"),
    path(
        "offerings/<slug:offering>/plan/withdraw/", plan.my_plan_withdraw, name="my_plan_withdraw"
    ),
    path("offerings/<slug:offering>/plan/feed/", plan.plan_feed_renew, name="plan_feed_renew"),
    # Organisers
    path("offerings/<slug:offering>/edit/", editor.offering_edit, name="offering_edit"),
    path(
        "offerings/<slug:offering>/status/", editor.offering_transition, name="offering_transition"
    ),
    path("offerings/<slug:offering>/export.json", editor.offering_export, name="offering_export"),
    path("offerings/<slug:offering>/steps/", editor.dimension_new, name="dimension_new"),
    path(
        "offerings/<slug:offering>/steps/<int:dimension_id>/",
        editor.dimension_edit,
        name="dimension_edit",
    ),
    path(
        "offerings/<slug:offering>/steps/<int:dimension_id>/delete/",
        editor.dimension_delete,
        name="dimension_delete",
    ),
    path(
        "offerings/<slug:offering>/steps/<int:dimension_id>/move/",
        editor.dimension_move,
        name="dimension_move",
    ),
    path(
        "offerings/<slug:offering>/steps/<int:dimension_id>/options/new/",
        editor.option_new,
        name="option_new",
    ),
    path(
        "offerings/<slug:offering>/options/<int:option_id>/",
        editor.option_edit,
        name="option_edit",
    ),
    path(
        "offerings/<slug:offering>/options/<int:option_id>/delete/",
        editor.option_delete,
        name="option_delete",
    ),
    path("offerings/<slug:offering>/rules/", editor.rule_new, name="rule_new"),
    path(
        "offerings/<slug:offering>/rules/<int:rule_id>/delete/",
        editor.rule_delete,
        name="rule_delete",
    ),
    # Demand and fulfilment
    path("offerings/<slug:offering>/demand/", demand.demand, name="offering_demand"),
    path("offerings/<slug:offering>/demand.csv", demand.demand_csv, name="offering_demand_csv"),
    path("offerings/<slug:offering>/fulfilment/", partners.fulfilment, name="offering_fulfilment"),
    path(
        "offerings/<slug:offering>/fulfilment/<int:choice_id>/",
        partners.choice_fulfil,
        name="choice_fulfil",
    ),
]

# Public: personal calendar feeds, by their secret address (the secret is the permission).
urlpatterns = [
    path("calendars/<str:token>.ics", plan.plan_feed, name="plan_feed"),
]
