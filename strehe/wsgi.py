import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "strehe.settings")

application = get_wsgi_application()

# gunicorn runs no system checks, so the key check that stops `strehe runserver` and every
# management command runs here too: a worker that would write under a lost and regenerated key
# never starts (strehe/core/keys.py).
from strehe.core.keys import refuse_wrong_keys  # noqa: E402

refuse_wrong_keys()
