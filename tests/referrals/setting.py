"""A victim advocates' office that refers a case to a Centre for Social Work, and the helpers
the referral tests share: services in the directory, the person's consent, a sent referral."""

from dataclasses import dataclass

import pytest
from django.utils import timezone

from strehe.accounts.models import Agency, User
from strehe.cases.models import Case, RiskAssessment
from strehe.cases.services import case_note_add, consent_record, trafficking_event_add
from strehe.directory.models import Service
from strehe.referrals.models import Referral
from strehe.referrals.services import referral_send
from tests.staff import open_test_case

RISK_REASONS = "The recruiter knows where she lives."
PLACE = "Vushtrri"
NOTE = "Her cousin drives a red van; she fears him."
REASON = "Needs social assistance and a safe place to stay; speaks Albanian."


def service_of(agency: Agency, slug: str = "") -> Service:
    """A service of `agency`'s organisation in the directory (made once)."""
    service, _created = Service.objects.get_or_create(
        organisation=agency.organisation,
        slug=slug or f"service-{agency.organisation.slug}",
        defaults={"name": f"Assistance of {agency.organisation.name}"},
    )
    return service


@dataclass
class ReferralSetting:
    staff: dict[str, User]
    agencies: dict[str, Agency]

    @property
    def sender(self) -> User:
        return self.staff["advocate_arta"]

    @property
    def receiver(self) -> User:
        return self.staff["social_worker_sokol"]

    def case(self, label: str = "Referred") -> Case:
        """A case of the advocates' office with risk, an event and a note, and the person's
        consent to share it with the Centre for Social Work."""
        case = open_test_case(owner=self.agencies["advocates"], worker=self.sender, label=label)
        consent_record(
            actor=self.sender, case=case, scope="sharing", agency=self.agencies["social"]
        )
        # Stored directly: the assessment's own rules are tested in tests/cases.
        RiskAssessment.objects.create(
            case=case,
            recorded_by=self.sender,
            level="high",
            assessed_on=timezone.localdate(),
            reasons=RISK_REASONS,
        )
        trafficking_event_add(
            actor=self.sender, case=case, kind="Recruitment", country="XK", place=PLACE
        )
        case_note_add(actor=self.sender, case=case, text=NOTE)
        return case

    def send(
        self, case: Case, parts: tuple[str, ...] = ("identity", "risk"), urgency: str = "urgent"
    ) -> Referral:
        return referral_send(
            actor=self.sender,
            case=case,
            service=service_of(self.agencies["social"]),
            reason=REASON,
            urgency=urgency,
            parts=list(parts),
        )


@pytest.fixture
def referral_setting(staff: dict[str, User], agencies: dict[str, Agency]) -> ReferralSetting:
    return ReferralSetting(staff=staff, agencies=agencies)
