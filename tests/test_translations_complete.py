"""Every user-facing string ships in Albanian and Serbian.

Runs `strehe makemessages` on a copy of each app, so a string added to the code without a
translation fails here even if nobody refreshed the .po files.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

STREHE = Path(__file__).resolve().parent.parent / "strehe"
APPS_WITH_CATALOGS = sorted(path.parent.name for path in STREHE.glob("*/locale"))


def test_every_app_with_user_facing_strings_has_a_catalog():
    assert {"core", "portal", "accounts"} <= set(APPS_WITH_CATALOGS)


@pytest.mark.parametrize("app", APPS_WITH_CATALOGS)
@pytest.mark.parametrize("language", ["sq", "sr"])
def test_makemessages_leaves_nothing_untranslated(app, language, tmp_path):
    if shutil.which("xgettext") is None:
        pytest.skip("GNU gettext is not installed (apt-get install gettext)")
    copy = tmp_path / app
    shutil.copytree(STREHE / app, copy, ignore=shutil.ignore_patterns("*.mo", "__pycache__"))
    # -P: the copy's own modules (an app's selectors.py) must not shadow the standard library.
    subprocess.run(
        [
            sys.executable,
            "-P",
            "-m",
            "strehe.manage",
            "makemessages",
            "-l",
            language,
            "--no-obsolete",
        ],
        cwd=copy,
        check=True,
        capture_output=True,
    )

    catalog = polib.pofile(str(copy / "locale" / language / "LC_MESSAGES" / "django.po"))

    untranslated = [entry.msgid for entry in catalog.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalog.fuzzy_entries()]
    assert untranslated == [], f"{app}/{language}: untranslated {untranslated[:10]}"
    assert fuzzy == [], f"{app}/{language}: fuzzy {fuzzy[:10]}"
