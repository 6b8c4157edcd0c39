"""Reads of the screening app."""

from .models import Screening
from .rules import IloResult, PalermoResult, assess_palermo


def screening_guidance(screening: Screening) -> tuple[PalermoResult, IloResult]:
    """The guidance a screening showed when it was recorded, ready to render its reasons.

    The ILO counts come from the stored result, not from today's indicator grades, so a later
    regrading of an indicator does not change what the screener was told.
    """
    palermo = assess_palermo(
        acts=screening.acts,
        means=screening.means,
        purposes=screening.purposes,
        is_child=screening.is_child,
    )
    return palermo, IloResult.from_dict(screening.result["ilo"])
