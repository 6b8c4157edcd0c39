from tests.referrals.setting import referral_setting
from tests.staff import agencies, login_as, records_of, staff

__all__ = ["agencies", "login_as", "records_of", "referral_setting", "staff"]
