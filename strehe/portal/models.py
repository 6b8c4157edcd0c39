"""Editable public texts. Pages are loaded from repository data files and edited in the admin.

A page is an ordered list of sections (a heading and plain-text paragraphs), so editors never
write markup and nothing they type can inject HTML into the public site.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentPage(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    sources = models.TextField(
        _("sources"), blank=True, help_text=_("Where the facts on this page come from.")
    )

    class Meta:
        ordering = ["slug"]
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")

    def __str__(self) -> str:
        return self.title


class ContentSection(models.Model):
    page = models.ForeignKey(
        ContentPage, on_delete=models.CASCADE, related_name="sections", verbose_name=_("page")
    )
    position = models.PositiveSmallIntegerField(_("position"))
    heading = models.CharField(_("heading"), max_length=200)
    body = models.TextField(
        _("text"), help_text=_("Plain text; an empty line starts a new paragraph.")
    )

    class Meta:
        ordering = ["page", "position"]
        constraints = [
            models.UniqueConstraint(fields=["page", "position"], name="content_section_unique"),
        ]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self) -> str:
        return self.heading
