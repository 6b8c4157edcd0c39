"""The staff navigation: built from URL names, so a page that does not exist yet is left out."""

from dataclasses import dataclass

from django import template
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from strehe.accounts.roles import Permission

register = template.Library()


@dataclass(frozen=True)
class NavItem:
    url_name: str
    label: str | Promise
    # The permission the page needs; None: every staff user may open it.
    permission: Permission | None = None
    # The home page is current only on itself, the others on everything beneath them.
    exact: bool = False


# In the order shown. A page of a later issue (referrals, shelters, statistics) joins by adding a
# line here; until its URL name exists, reverse() fails and the link is simply not shown.
STAFF_NAVIGATION = (
    NavItem("accounts:home", _("My work"), exact=True),
    NavItem("helpline:list", _("Helpline"), Permission.LOG_CONTACT),
    NavItem("cases:list", _("Cases"), Permission.VIEW_PERSONAL_DATA),
    NavItem("search:search", _("Search"), Permission.VIEW_PERSONAL_DATA),
    NavItem("referrals:list", _("Referrals"), Permission.VIEW_PERSONAL_DATA),
    NavItem("shelters:list", _("Shelters"), Permission.VIEW_OCCUPANCY),
    NavItem("statistics:home", _("Statistics"), Permission.VIEW_AGGREGATES),
    NavItem("moderation:queue", _("Comments"), Permission.MODERATE_COMMENTS),
)


@dataclass(frozen=True)
class NavLink:
    url: str
    label: str | Promise
    is_current: bool


def navigation_for(
    request: HttpRequest, items: tuple[NavItem, ...] = STAFF_NAVIGATION
) -> list[NavLink]:
    user = request.user
    links = []
    for item in items:
        if item.permission is not None and not user.has_role_permission(item.permission):  # type: ignore[union-attr]
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        current = request.path == url if item.exact else request.path.startswith(url)
        links.append(NavLink(url=url, label=item.label, is_current=current))
    return links


@register.simple_tag
def staff_navigation(request: HttpRequest) -> list[NavLink]:
    """The links of the staff navigation that this user may open, for a verified user only.

    Someone half-way through the login (password given, second factor not yet) gets none: each
    link would only send them back to the second factor.
    """
    user = request.user
    if not user.is_authenticated:
        return []
    if user.requires_two_factor and not user.is_verified():  # type: ignore[union-attr,attr-defined]
        return []
    return navigation_for(request)
