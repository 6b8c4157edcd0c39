"""Each kind of timeline entry reads as a sentence, with labels rather than stored codes."""

import pytest
from django.utils import translation

from strehe.cases.models import TimelineEntry
from strehe.cases.timeline import agency_ids, timeline_line

Kind = TimelineEntry.Kind


def entry(entry_kind, **data):
    return TimelineEntry(kind=entry_kind, data=data)


@pytest.mark.parametrize(
    ("timeline_entry", "expected"),
    [
        (entry(Kind.OPENED), "The case was opened."),
        (entry(Kind.NOTE), "Note added."),
        (
            entry(Kind.STAGE, **{"from": "identification", "to": "risk_and_referral"}),
            "Moved from “Identification” to “Risk assessment and referral”.",
        ),
        (
            entry(
                Kind.STAGE,
                **{
                    "from": "risk_and_referral",
                    "to": "initial_assistance",
                    "reflection_ends_on": "2013-03-31",
                },
            ),
            "Moved from “Risk assessment and referral” to “Initial assistance and reflection "
            "period”. The reflection period ends on 31 Mar 2013.",
        ),
        (
            entry(Kind.STAGE, **{"from": "reintegration", "to": "closed", "reason": "returned"}),
            "Case closed: Returned to the country of origin.",
        ),
        (entry(Kind.RISK, level="high"), "Risk assessed as High."),
        (
            entry(
                Kind.IDENTIFICATION,
                status="PossibleVictimOfTrafficking",
                organisation_type="Police",
            ),
            "Identification decision: Presumed victim (Police).",
        ),
        (entry(Kind.CONSENT, scope="assistance", agency=None), "Consent given to assistance."),
        (
            entry(Kind.CONSENT_WITHDRAWN, scope="sharing", agency=7),
            "Consent withdrawn for sharing with Police Prishtina.",
        ),
        (
            entry(Kind.CONSENT_OVERRIDE, scope="sharing", action="share", agency=7),
            "Went ahead without consent to sharing with Police Prishtina; the reason is recorded.",
        ),
        (entry(Kind.SHARED, agency=7), "Shared with Police Prishtina."),
        (entry(Kind.SHARED, agency=99), "Shared with an agency no longer listed."),
        (
            entry(Kind.EVENT, kind="Recruitment", country="AL"),
            "Trafficking event recorded: Recruitment in Albania.",
        ),
        (entry(Kind.CONTACT, id=12), "Helpline contact 12 linked to the case."),
        (entry(Kind.SCREENING, id=5), "Screening 5 linked to the case."),
        (entry(Kind.PLACEMENT), "Shelter placement"),
        (entry(Kind.RISK, level="unheard-of"), "Risk assessed as unheard-of."),
    ],
)
def test_each_kind_has_a_readable_line(timeline_entry, expected):
    with translation.override("en"):
        assert timeline_line(timeline_entry, {7: "Police Prishtina"}) == expected


def test_agency_ids_collects_the_agencies_named():
    entries = [entry(Kind.SHARED, agency=7), entry(Kind.CONSENT, scope="x", agency=None)]

    assert agency_ids(entries) == {7}
