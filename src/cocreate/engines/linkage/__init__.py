"""Staff-customer linkage: does a staff member's experience predict the experience of the
customers they serve? A multilevel model with its interval, ICC(1) and ICC(2), the
staff-level correlation with a cluster-bootstrap interval, lags, and a plain sentence."""

from cocreate.engines.linkage.correlation import Correlation, staff_correlation
from cocreate.engines.linkage.model import (
    MIN_STAFF,
    Linkage,
    NotEnoughData,
    link_staff_to_customers,
)
from cocreate.engines.linkage.pairing import MissingColumns, pair_with_staff
from cocreate.engines.linkage.reliability import Reliability, reliability
from cocreate.engines.linkage.sentence import linkage_sentence

__all__ = [
    "MIN_STAFF",
    "Correlation",
    "Linkage",
    "MissingColumns",
    "NotEnoughData",
    "Reliability",
    "link_staff_to_customers",
    "linkage_sentence",
    "pair_with_staff",
    "reliability",
    "staff_correlation",
]
