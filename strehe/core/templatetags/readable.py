"""Template filters that show codes by name: {{ person.citizenships|country_names|join:", " }}."""

from django import template

from strehe.core import readable

register = template.Library()

register.filter("country_name", readable.country_name)
register.filter("country_names", readable.country_names)
register.filter("language_name", readable.language_name)
register.filter("language_names", readable.language_names)
register.filter("staff_name", readable.staff_name)
