"""Rules of the Kosovo procedures that both a form and a service read, written once here.

The services enforce them; the forms and pages use them to offer only what can succeed and to
say beforehand what is missing. Each refusal says how to satisfy the rule.
"""

from django.utils.translation import gettext as _

from strehe.accounts.roles import Role

# Every risk assessment is made by a police investigator and a victim advocate together, and a
# social worker joins when the person is a child (or of unknown age).
ASSESSMENT_ROLES = (Role.POLICE_INVESTIGATOR, Role.VICTIM_ADVOCATE)
CHILD_ASSESSMENT_ROLES = (*ASSESSMENT_ROLES, Role.SOCIAL_WORKER)


def assessment_roles_required(*, is_child: bool) -> tuple[Role, ...]:
    return CHILD_ASSESSMENT_ROLES if is_child else ASSESSMENT_ROLES


def assessment_roles_missing(roles: set[str], *, is_child: bool) -> list[Role]:
    return [role for role in assessment_roles_required(is_child=is_child) if role not in roles]


def assessment_refusal(missing: list[Role], *, is_child: bool, roles_with_access: set[str]) -> str:
    """Why an assessment with these assessors is refused, and what to do about it."""
    labels = ", ".join(str(role.label) for role in missing)
    if is_child and Role.SOCIAL_WORKER in missing:
        message = _("A child's risk assessment needs a social worker as well. Missing: %(roles)s.")
    else:
        message = _(
            "The assessment needs a police investigator and a victim advocate. Missing: %(roles)s."
        )
    message %= {"roles": labels}
    unreachable = [role for role in missing if role not in roles_with_access]
    if unreachable:
        message += " " + _(
            "Nobody in that role can see this case yet: share the case with their agency first "
            "(with the person's consent), then choose them here. Not reachable now: %(roles)s."
        ) % {"roles": ", ".join(str(role.label) for role in unreachable)}
    return message
