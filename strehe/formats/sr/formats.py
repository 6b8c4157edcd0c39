# Serbian: 28.11.2026. 19:42 (Serbian writes a full stop after the year; 24-hour clock).
DATE_FORMAT = "d.m.Y."
SHORT_DATE_FORMAT = "d.m.Y."
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "d.m.Y. H:i"
SHORT_DATETIME_FORMAT = "d.m.Y. H:i"
MONTH_DAY_FORMAT = "d.m."
YEAR_MONTH_FORMAT = "m.Y."
FIRST_DAY_OF_WEEK = 1
