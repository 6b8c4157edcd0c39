from tests.referrals.setting import referral_setting
from tests.shelters.helpers import shelter_of_agency
from tests.staff import agencies, login_as, records_of, staff

__all__ = ["agencies", "login_as", "records_of", "referral_setting", "shelter_of_agency", "staff"]
