"""Charts in pages: Vega-Lite specs built with Vega-Altair, drawn by the vendored
vega-embed (static/cocreate/charts.js). No CDN, no inline script: the spec travels as a
JSON data block, and every chart links to its data."""

from typing import Any

import altair as alt
from altair.utils import schemapi

# Channels are written as classes (alt.X("field:Q"), alt.Tooltip(...), alt.XDatum(0)),
# never as bare strings or alt.value/alt.datum dicts: Altair resolves those through the whole
# Vega-Lite schema, about 5 ms for each one.
#
# Altair checks every schema object against Vega-Lite as it is built, data rows included,
# which costs a dashboard about 100 ms per request. The specs are fixed by code, so the
# tests check them (src/cocreate/conftest.py turns the check back on) and pages skip it.
schemapi.disable_debug_mode()

# One look for every chart: Pico's font and indigo, quiet axes.
THEME: dict[str, Any] = {
    "config": {
        "font": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
        "range": {"category": ["#524ed2", "#e8a23b", "#9aa5b8", "#2a9d8f", "#d1495b", "#6c757d"]},
        "axis": {"labelFontSize": 12, "titleFontSize": 12, "gridOpacity": 0.4, "labelLimit": 220},
        "legend": {"labelFontSize": 12, "titleFontSize": 12, "orient": "bottom"},
        "view": {"stroke": None},
        "background": None,
    }
}


def chart(
    spec: alt.TopLevelMixin, *, title: str, data_url: str = "", summary: str = ""
) -> dict[str, Any]:
    """What `core/chart.html` needs: the spec as a dict, a title, and where its data is.

    `summary` is the sentence a screen reader (and anyone without JavaScript) gets.
    """
    rendered = spec.to_dict(validate=schemapi.DEBUG_MODE)
    rendered["config"] = {**THEME["config"], **rendered.get("config", {})}
    rendered.setdefault("width", "container")
    rendered.setdefault("autosize", {"type": "fit-x", "contains": "padding"})
    return {"spec": rendered, "title": title, "data_url": data_url, "summary": summary}
