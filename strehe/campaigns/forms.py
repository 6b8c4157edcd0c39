from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from strehe.core.forms import FreeTextField
from strehe.helpline.models import Language, Topic

from .antispam import SpamCheckedForm
from .models import COMMENT_MAX_LENGTH, PSEUDONYM_MAX_LENGTH

CONTACT_MESSAGE_MAX_LENGTH = 5000
REACH_BACK_MAX_LENGTH = 200


class CommentForm(SpamCheckedForm):
    pseudonym = FreeTextField(
        label=_("Your name or a pseudonym (optional)"),
        required=False,
        max_length=PSEUDONYM_MAX_LENGTH,
    )
    body = FreeTextField(
        label=_("Your comment"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Plain text, at most %(count)d characters. Links are shown as text.")
        % {"count": COMMENT_MAX_LENGTH},
        error_messages={"required": _("Write your comment first.")},
    )
    field_order = ["pseudonym", "body", "website", "started"]


# What a message is about, in the sender's words; nothing is chosen for them.
ABOUT_CHOICES = [
    (Topic.TRAFFICKING, _("Someone is made to work, beg or sell sex, or cannot leave")),
    (Topic.DOMESTIC_VIOLENCE, _("Violence at home")),
    (Topic.INFORMATION, _("A question, or something else")),
]


class ContactMessageForm(SpamCheckedForm):
    message = FreeTextField(
        label=_("Tell us about the situation, or what you need"),
        max_length=CONTACT_MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Write your message first.")},
    )
    about = forms.ChoiceField(
        label=_("What is it about?"),
        choices=ABOUT_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what your message is about.")},
    )
    reach_back = FreeTextField(
        label=_("How can we reach you? (optional)"),
        required=False,
        max_length=REACH_BACK_MAX_LENGTH,
        help_text=_(
            "A phone number or e-mail address, and when it is safe to contact you. "
            "Leave it empty to stay anonymous."
        ),
    )
    language = forms.ChoiceField(
        label=_("Language for our answer"),
        choices=Language.choices,
    )
    field_order = ["message", "about", "reach_back", "language", "website", "started"]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        current = get_language() or "sq"
        self.fields["language"].initial = current if current in Language.values else "sq"
