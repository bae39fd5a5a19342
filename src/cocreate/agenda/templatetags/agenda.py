from django import template

register = template.Library()


@register.filter
def weight_of(mine: object, proposal: object) -> str:
    """The viewer's interest in a proposal: "must", "like" or "" (mine: {pk: weight}, or
    the weight itself on a proposal's own page)."""
    if isinstance(mine, dict):
        return str(mine.get(getattr(proposal, "pk", None), ""))
    return str(mine or "")
