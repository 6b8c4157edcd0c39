from tests.staff import agencies, login_as, records_of, staff

__all__ = ["agencies", "login_as", "records_of", "staff"]
