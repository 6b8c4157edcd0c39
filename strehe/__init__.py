"""Strehë: the software an anti-trafficking network runs on."""
