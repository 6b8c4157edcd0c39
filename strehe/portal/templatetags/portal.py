from dataclasses import dataclass

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

register = template.Library()

# Each language is named in itself, and Serbian in Latin script as Kosovo's institutions write it
# (Django's own name for "sr" is Cyrillic).
SELF_NAMES = {"sq": "Shqip", "sr": "Srpski", "en": "English"}


@dataclass
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool


@register.simple_tag
def language_links(request: HttpRequest) -> list[LanguageLink]:
    """The same page, with its query, in each language: a link, so no cookie is needed."""
    current = get_language()
    return [
        LanguageLink(
            code=code,
            name=SELF_NAMES.get(code) or get_language_info(code)["name_local"],
            url=translate_url(request.get_full_path(), code),
            is_current=code == current,
        )
        for code, _name in settings.LANGUAGES
    ]
