"""One date and time format per language (settings.FORMAT_MODULE_PATH).

Django's own formats differ between the long and the short form and between languages
("11/28/2026" next to "Nov. 28, 2026, 7:42 p.m." in English, "2026-11-28" next to "28 nëntor 2026"
in Albanian). Staff read dates all day and compare them across pages, so every page writes a
date the same way: day, month, year in figures and a 24-hour clock. What is not set here (input
formats, number separators) comes from Django's formats for the language.
"""
