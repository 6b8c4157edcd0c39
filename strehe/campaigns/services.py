"""Writes of the campaign pages: a reader's comment, its moderation, and a message sent through
the public contact form (which becomes a helpline contact through the helpline's own service).

Public writes take no user: they are throttled per client (antispam.throttle_post) and keep no
address. Moderation takes the acting user and checks the moderator's permission itself.
"""

import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from strehe.accounts.models import User
from strehe.accounts.roles import Permission
from strehe.audit.models import AuditEntry
from strehe.audit.services import audit_record
from strehe.core.context import RequestContext, current_request_context, request_context
from strehe.helpline import services as helpline_services
from strehe.helpline.models import CallerType, Channel, Outcome

from .antispam import throttle_post
from .models import CampaignDay, Comment


def author_key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def comment_submit(
    *, day: CampaignDay, pseudonym: str, body: str, client: str
) -> tuple[Comment, str]:
    """Store a reader's comment (held for moderation unless the setting says otherwise).

    Returns the comment and the key of the author's link back to it: the key is shown to the
    author once, in the address, and only its hash is stored.
    """
    key = secrets.token_urlsafe(24)
    premoderated = settings.STREHE_COMMENTS_PREMODERATED
    comment = Comment(
        day=day,
        pseudonym=pseudonym.strip(),
        body=body.strip(),
        status=Comment.Status.PENDING if premoderated else Comment.Status.APPROVED,
        author_key_hash=author_key_hash(key),
    )
    comment.full_clean()
    with transaction.atomic():
        throttle_post(client=client)
        comment.save()
    return comment, key


class Decision:
    APPROVE = "approve"
    REJECT = "reject"
    REDACT = "redact"
    ALL = (APPROVE, REJECT, REDACT)


@transaction.atomic
def comment_moderate(
    *, actor: User, comment: Comment, decision: str, redacted_body: str = ""
) -> Comment:
    """Approve, reject, or redact (publish with the text the moderator corrected) a comment."""
    if not actor.has_role_permission(Permission.MODERATE_COMMENTS):
        raise PermissionDenied
    if decision not in Decision.ALL:
        raise ValidationError(_("Choose approve, reject or redact."))
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    changed = ["status"]
    if decision == Decision.REDACT:
        redacted_body = redacted_body.strip()
        if not redacted_body:
            raise ValidationError({"redacted_body": _("Give the text to publish instead.")})
        comment.body = redacted_body
        comment.redacted = True
        changed += ["body", "redacted"]
    comment.status = (
        Comment.Status.REJECTED if decision == Decision.REJECT else Comment.Status.APPROVED
    )
    comment.moderated_at = timezone.now()
    comment.moderated_by = actor
    comment.full_clean()
    comment.save()
    audit_record(actor=actor, action=AuditEntry.Action.CHANGE, target=comment, fields=changed)
    return comment


def public_message_submit(
    *,
    message: str,
    about: str,
    reach_back: str,
    language: str,
    client: str,
    helpline_open: bool | None,
) -> None:
    """Turn a message from the public contact form into one anonymous helpline contact.

    The contact belongs to no agency: it lands in the helpline operators' inbox
    (Permission.ANSWER_PUBLIC_MESSAGES). The audit entry of its creation is written without the
    sender's address, which the site never keeps for a member of the public.
    """
    summary = message.strip()
    if reach_back.strip():
        summary += "\n\n" + _("How to reach the sender: %(how)s") % {"how": reach_back.strip()}
    anonymous_context = RequestContext(
        client_address=None, request_id=current_request_context().request_id
    )
    with transaction.atomic(), request_context(anonymous_context):
        throttle_post(client=client)
        helpline_services.contact_create(
            actor=None,
            channel=Channel.WEB_FORM,
            language=language,
            caller_type=CallerType.ANONYMOUS,
            topic=about,
            # Until an operator answers it: they record what came of it.
            outcome=Outcome.NO_ACTION,
            summary=summary,
            within_opening_hours=helpline_open,
        )
