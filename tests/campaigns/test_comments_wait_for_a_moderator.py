"""A comment waits for a moderator: its author sees it "awaiting moderation" through the key in
the address they are sent back to (no cookie), nobody else sees it until it is approved, and
whatever it contains is shown as text."""

import pytest
from django.test import Client

from strehe.audit.models import AuditEntry
from strehe.campaigns.models import Comment
from tests.staff import NAMED_USERS

from .conftest import post_comment, reader

DAY = "/en/campaigns/2012/day/6/"
SCRIPT = '<script>alert("x")</script> see http://example.com'


@pytest.mark.django_db
def test_the_author_sees_the_comment_awaiting_moderation_and_others_do_not(
    reference, quick_forms, login_as
):
    author = reader()
    response = post_comment(author, DAY, SCRIPT, pseudonym="Drini")
    own_page = author.get(response["Location"])
    own_html = own_page.content.decode()
    stranger_html = Client().get(DAY).content.decode()

    assert response.status_code == 303
    assert response["Location"].startswith(f"{DAY}?comment=")
    assert "Your comment is awaiting moderation." in own_html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in own_html
    assert '<script>alert("x")' not in own_html
    assert 'href="http://example.com"' not in own_html
    assert own_page.cookies == {}
    assert "Drini" not in stranger_html
    assert "awaiting moderation" not in stranger_html
    # A made-up key shows nothing.
    assert "awaiting moderation" not in Client().get(f"{DAY}?comment=guess").content.decode()

    moderator = login_as("moderator_mimoza")
    queue = moderator.get("/en/staff/moderation/").content.decode()
    comment = Comment.objects.get()
    assert "&lt;script&gt;" in queue
    moderator.post("/en/staff/moderation/", {"comment": comment.pk, "decision": "approve"})

    approved_html = Client().get(DAY).content.decode()
    assert "Drini" in approved_html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in approved_html
    assert AuditEntry.objects.filter(
        action="change", target_type="campaigns.comment", actor__username="moderator_mimoza"
    ).exists()


@pytest.mark.django_db
def test_a_rejected_comment_never_appears_and_a_redacted_one_shows_the_corrected_text(
    reference, quick_forms, login_as
):
    post_comment(reader(), DAY, "Rejected words.")
    post_comment(Client(REMOTE_ADDR="198.51.100.2"), DAY, "Her name is Teuta B. from Prizren.")
    rejected, redacted = Comment.objects.order_by("pk")
    moderator = login_as("moderator_mimoza")

    moderator.post("/en/staff/moderation/", {"comment": rejected.pk, "decision": "reject"})
    moderator.post(
        "/en/staff/moderation/",
        {"comment": redacted.pk, "decision": "redact", "redacted_body": "[a name removed]"},
    )

    html = Client().get(DAY).content.decode()
    assert "Rejected words." not in html
    assert "Teuta" not in html
    assert "[a name removed]" in html
    assert "shortened by a moderator" in html
    assert "No comment is waiting." in moderator.get("/en/staff/moderation/").content.decode()


@pytest.mark.django_db
def test_only_moderators_open_the_queue(reference, staff):
    from tests.staff import verified_client

    statuses = {
        username: verified_client(staff[username]).get("/en/staff/moderation/").status_code
        for username in NAMED_USERS
    }

    assert statuses == {
        username: 200 if username == "moderator_mimoza" else 403 for username in NAMED_USERS
    }


@pytest.mark.django_db
def test_a_moderator_sees_no_case_and_no_contact(reference, login_as):
    moderator = login_as("moderator_mimoza")

    assert moderator.get("/en/staff/cases/").status_code == 403
    assert moderator.get("/en/staff/helpline/").status_code == 403
    html = moderator.get("/en/staff/").content.decode()
    assert 'href="/en/staff/moderation/"' in html  # the staff navigation has the queue
    assert 'href="/en/staff/cases/"' not in html


@pytest.mark.django_db
def test_without_premoderation_a_comment_appears_at_once(reference, quick_forms, settings):
    settings.STREHE_COMMENTS_PREMODERATED = False

    response = post_comment(reader(), DAY, "Straight in.")

    assert "?comment=" not in response["Location"]
    assert "Straight in." in Client().get(DAY).content.decode()
