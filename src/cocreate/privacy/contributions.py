"""What a person contributed in each organisation: designs (with the sessions they chose
and how much they want each), sessions they proposed, ideas, votes, survey answers,
feedback, pulses. Part of their data export (export.py)."""

from typing import Any

from cocreate.accounts.models import User
from cocreate.agenda.models import Proposal
from cocreate.ideas.models import Comment, Comparison, Idea, Rating, Support
from cocreate.listening.models import Feedback, Interaction, StaffPulse, Vote
from cocreate.offerings.models import Design


def designs(user: User) -> Any:
    return [
        {
            "organisation": d.organisation.name,
            "offering": d.offering.name,
            "answers": d.answers,
            "submitted": d.submitted_at,
            "choices": [
                {"option": c.option.name, "status": c.status, "weight": c.weight}
                for c in d.choices.all()
            ],
            "versions": [
                {"number": v.number, "options": v.options, "answers": v.answers, "at": v.created_at}
                for v in d.versions.all()
            ],
        }
        for d in Design.objects.filter(user=user)
        .select_related("organisation", "offering")
        .prefetch_related("choices__option", "versions")
    ]


def sessions(user: User) -> Any:
    return {
        "proposed": [
            {"event": p.event.name, "title": p.title, "abstract": p.abstract, "status": p.status}
            for p in Proposal.objects.filter(proposer=user).select_related("event__offering")
        ],
    }


def ideas(user: User) -> Any:
    return {
        "shared": [
            {"title": i.title, "text": i.description, "status": i.status, "at": i.created_at}
            for i in Idea.objects.filter(author=user)
        ],
        "comments": [
            {"idea": c.idea.title, "text": c.body, "at": c.created_at}
            for c in Comment.objects.filter(author=user).select_related("idea")
        ],
        "supported": [
            s.idea.title for s in Support.objects.filter(user=user).select_related("idea")
        ],
        "compared": [
            {"left": c.left.title, "right": c.right.title, "choice": c.choice, "at": c.answered_at}
            for c in Comparison.objects.filter(
                voter=user, answered_at__isnull=False
            ).select_related("left", "right")
        ],
        "outcome_ratings": [
            {"outcome": str(r.outcome), "importance": r.importance, "satisfaction": r.satisfaction}
            for r in Rating.objects.filter(response__user=user).select_related("outcome")
        ],
    }


def feedback(user: User) -> Any:
    return {
        "given": [
            {
                "touchpoint": f.touchpoint.name,
                "nps": f.nps,
                "csat": f.csat,
                "ces": f.ces,
                "text": f.text,
                "answers": f.answers,  # the form's own questions, with their labels
                "at": f.submitted_at,
            }
            for f in Feedback.objects.filter(customer=user).select_related("touchpoint")
        ],
        "opinions": [
            {"statement": v.statement.text, "vote": v.value, "at": v.voted_at}
            for v in Vote.objects.filter(participant=user).select_related("statement")
        ],
        "staff_pulses": [
            {"satisfaction": p.satisfaction, "enps": p.enps, "at": p.submitted_at}
            for p in StaffPulse.objects.filter(staff=user)
        ],
        "served_or_served_by": Interaction.objects.filter(customer=user).count()
        + Interaction.objects.filter(staff=user).count(),
    }
