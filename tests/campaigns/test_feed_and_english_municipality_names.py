"""The campaign's Atom feed lists its published days; English pages name a municipality in both
official forms where they differ."""

import xml.etree.ElementTree as ET

import pytest

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.django_db
def test_the_feed_is_atom_with_one_entry_per_published_day(client, reference):
    response = client.get("/en/campaigns/2012/feed/")
    feed = ET.fromstring(response.content)  # noqa: S314 -- our own feed, in a test
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]

    assert response["Content-Type"].startswith("application/atom+xml")
    assert len(titles) == 5
    assert "Day 6 // November 30, 2012: Human Trafficking" in titles


@pytest.mark.django_db
def test_english_pages_name_both_official_forms(client, reference):
    english = client.get("/en/get-help/?municipality=gracanice").content.decode()
    albanian = client.get("/sq/get-help/?municipality=gracanice").content.decode()

    assert "Gračanica / Graçanicë" in english
    assert "Prishtinë / Priština" in english
    assert ">Prizren<" in english  # the same in both languages: named once
    assert "Gračanica / Graçanicë" not in albanian
