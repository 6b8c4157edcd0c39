"""Profile CSV files for the import tests."""

import csv
import datetime
import io

HEADER = [
    "case_ref",
    "prs_Gender",
    "prs_Birthdate",
    "age_at_identification",
    "prs_Citizenship",
    "vic_TraffickingStatus",
    "vic_TraffickingStatusDecisionMakingOrg",
    "identification_date",
    "vic_TypeOfExploitation",
    "vic_MethodsOfControl",
    "vic_LocationOfExploitation",
    "cas_Status",
]


def good_row(number: int) -> dict[str, str]:
    return {
        "case_ref": f"OLD-{number:06d}",
        "prs_Gender": "Feminine" if number % 3 else "Masculine",
        "prs_Birthdate": f"1995-04-0{1 + number % 9}" if number % 2 else "",
        "age_at_identification": "" if number % 2 else str(14 + number % 20),
        "prs_Citizenship": "XK" if number % 4 else "MD;RO",
        "vic_TraffickingStatus": "ActualVictimOfTrafficking"
        if number % 5
        else "PossibleVictimOfTrafficking",
        "vic_TraffickingStatusDecisionMakingOrg": "Police" if number % 2 else "NGO",
        "identification_date": (
            datetime.date(2012, 1, 1) + datetime.timedelta(days=number % 240)
        ).isoformat(),
        "vic_TypeOfExploitation": "SexualExploitation"
        if number % 2
        else "ForcedLabour;ForcedBegging",
        "vic_MethodsOfControl": "DebtBondage;WithholdsDocuments" if number % 3 == 0 else "",
        "vic_LocationOfExploitation": "XK" if number % 2 else "",
        "cas_Status": "Closed" if number % 7 == 0 else "Active",
    }


def csv_text(rows: list[dict[str, str]], header: list[str] = HEADER) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def write(tmp_path, name: str, rows: list[dict[str, str]], header: list[str] = HEADER):
    path = tmp_path / name
    path.write_text(csv_text(rows, header), encoding="utf-8")
    return path
