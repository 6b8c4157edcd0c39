"""Which layout a page gets: staff pages have their own (strehe/core/templates/base.html)."""

import re

from django.http import HttpRequest

# /sq/staff/..., /sr/staff/..., /en/staff/...: every staff page lives under "staff/" behind the
# language prefix (strehe/urls.py), so the path decides; a template needs no flag of its own, and
# a page another app adds under /staff/ gets the staff layout without anyone remembering it.
STAFF_PATH = re.compile(r"^/[a-z]{2}(?:-[a-z]+)?/staff/")


def is_staff_path(path: str) -> bool:
    return STAFF_PATH.match(path) is not None


def layout(request: HttpRequest) -> dict[str, bool]:
    return {"staff_layout": is_staff_path(request.path)}
