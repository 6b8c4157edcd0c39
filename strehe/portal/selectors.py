from .models import ContentPage


def content_page_get(*, slug: str) -> ContentPage | None:
    """A page with its sections (in position order, from ContentSection.Meta.ordering)."""
    return ContentPage.objects.prefetch_related("sections").filter(slug=slug).first()


def content_page_slugs() -> list[str]:
    return list(ContentPage.objects.values_list("slug", flat=True))
