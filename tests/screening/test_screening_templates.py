"""The checklist and guidance partials render the form groups and the reasons, translated."""

from django.template.loader import render_to_string
from django.utils import translation

from strehe.screening.forms import ScreeningForm
from strehe.screening.selectors import screening_guidance
from strehe.screening.services import screening_record


def test_the_checklist_shows_every_group_and_field_errors(indicators):
    form = ScreeningForm(data={"acts": ["kidnap"]})
    form.is_valid()

    with translation.override("sq"):
        html = render_to_string("screening/_checklist.html", {"form": form})

    assert "Elementet ligjore (Protokolli i Palermos, neni 3)" in html
    assert "Rekrutimi me mashtrim" in html
    assert 'name="indicators_abuse_of_vulnerability_at_destination"' in html
    assert "kidnap" in html  # the error names the refused choice


def test_the_guidance_shows_the_notice_and_the_reasons(screener, indicators):
    screening = screening_record(
        actor=screener,
        data={"is_child": "on", "acts": ["recruitment"], "purposes": ["forced_begging"]},
    )
    palermo, ilo = screening_guidance(screening)

    with translation.override("sr"):
        html = render_to_string("screening/_guidance.html", {"palermo": palermo, "ilo": ilo})

    assert "nikada odluka" in html
    assert "Evidentirani pravni elementi ukazuju na pretpostavljenu žrtvu" in html
    assert "Obmanjujuće regrutovanje: nije pozitivna" in html
