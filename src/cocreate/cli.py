"""The `cocreate` command: Django's management commands, with Cocreate's settings.

cocreate migrate | demo | serve | createsuperuser | check --deploy | ...
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cocreate.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
